import { randomUUID } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import { and, eq, sql } from 'drizzle-orm';
import { ATTACHMENT_TYPES, type Attachment } from '../../../shared/schemas/messages.ts';
import { requireOpenInCircle, requireReader, type FamilyScope } from '../../access/family-scope.ts';
import { audit } from '../../audit/audit.ts';
import type { Tx } from '../../db/connection.ts';
import { attachments } from '../../db/schema/index.ts';
import type { RequestContext } from '../../http/context.ts';
import { notFound } from '../../http/errors.ts';
import { invalidField } from '../plan/checks.ts';
import { memberOf, messageVisibleAs } from './repo.ts';
import { visibleConversation } from './service.ts';
import type { AttachmentStore } from './store.ts';

const ALLOWED = new Set<string>(ATTACHMENT_TYPES);
const EXTENSION: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'application/pdf': 'pdf' };

/** A file name that is safe in a header and says what the file is: its own words, our extension. */
export function safeFileName(name: string, contentType: string): string {
  const base = name.normalize('NFC').replace(/\.[^.]*$/, '').replace(/[^\p{L}\p{N} _-]+/gu, '_').trim().slice(0, 80) || 'bestand';
  return `${base}.${EXTENSION[contentType]}`;
}

/**
 * Stores an upload for a message in this conversation. The type is what the bytes are (magic
 * bytes, `file-type`), never what the name or the Content-Type header claims: a PDF named .png is
 * a PDF, an executable named .jpg is refused (422). Bytes and audit row share the transaction.
 */
export async function uploadAttachment(
  tx: Tx, ctx: RequestContext, scope: FamilyScope, store: AttachmentStore, conversationId: string, name: string, content: Buffer, maxBytes: number,
): Promise<Attachment> {
  const me = requireOpenInCircle(scope);
  await visibleConversation(tx, scope, conversationId);
  if (content.length > maxBytes) throw invalidField('file', 'fileTooLarge');
  if (content.length === 0) throw invalidField('file', 'required');
  const detected = await fileTypeFromBuffer(content);
  if (!detected || !ALLOWED.has(detected.mime)) throw invalidField('file', 'fileType');
  const id = randomUUID();
  const fileName = safeFileName(name, detected.mime);
  await tx.insert(attachments).values({
    collaborationId: scope.collaborationId, id, familyId: scope.familyId, conversationId, uploadedByParticipantId: me.participantId,
    fileName, contentType: detected.mime, byteSize: content.length, storageKey: id,
  });
  await store.put(tx, id, content);
  await audit(tx, ctx, { action: 'create', entityType: 'attachment', entityId: id, collaborationId: scope.collaborationId, familyId: scope.familyId, role: scope.participantRole });
  return { id, fileName, contentType: detected.mime as Attachment['contentType'], byteSize: content.length };
}

/**
 * An attachment as far as the asker may see it: sent with a message they may read, or uploaded by
 * them (and not sent yet). Anything else is 404, exactly like a random id.
 */
export async function readAttachment(tx: Tx, scope: FamilyScope, store: AttachmentStore, id: string) {
  requireReader(scope);
  const seen = scope.reach === 'emergency'
    // Emergency access: only what was sent with a message it may read (as the family's coaches).
    ? sql`exists (select 1 from messages m where m.collaboration_id = ${attachments.collaborationId} and m.attachment_id = ${attachments.id}
        and ${messageVisibleAs(scope, sql`m`)})`
    : sql`(exists (select 1 from messages m join conversation_members cm on cm.collaboration_id = m.collaboration_id
        and cm.conversation_id = m.conversation_id and cm.participant_id = ${scope.participantId} and cm.left_at is null
      where m.collaboration_id = ${attachments.collaborationId} and m.attachment_id = ${attachments.id} and m.created_at >= cm.joined_at)
      or (${attachments.uploadedByParticipantId} = ${scope.participantId}
        and not exists (select 1 from messages m where m.collaboration_id = ${attachments.collaborationId} and m.attachment_id = ${attachments.id})))`;
  const [row] = await tx.select().from(attachments).where(and(
    eq(attachments.collaborationId, scope.collaborationId), eq(attachments.familyId, scope.familyId), eq(attachments.id, id),
    memberOf(scope, sql`${attachments.conversationId}`), seen,
  ));
  if (!row) throw notFound();
  const content = await store.get(tx, row.storageKey);
  if (!content) throw notFound();
  return { ...row, content };
}
