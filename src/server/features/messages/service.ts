import { and, eq, inArray, isNotNull, isNull, ne, or, sql } from 'drizzle-orm';
import { asLocale } from '../../../shared/locales.ts';
import type { z } from 'zod';
import type { Agreement } from '../../../shared/schemas/plan.ts';
import type { Conversation, ConversationInput, Message, MessageAgreementInput, MessageInput } from '../../../shared/schemas/messages.ts';
import { mayCoordinate } from '../../access/coordination.ts';
import { requireInCircle, requireOpenInCircle, requireReader, type FamilyScope } from '../../access/family-scope.ts';
import { audit } from '../../audit/audit.ts';
import type { Tx } from '../../db/connection.ts';
import { attachments, conversationMembers, conversations, families, familyParticipants, messages, users } from '../../db/schema/index.ts';
import type { RequestContext } from '../../http/context.ts';
import { forbidden, notFound } from '../../http/errors.ts';
import { assertUpdated, assertVersion } from '../../http/etag.ts';
import { newMessageMail } from '../../mail/family-templates.ts';
import { queueMail } from '../../mail/outbox.ts';
import { createAgreement } from '../plan/agreements-service.ts';
import { invalidField } from '../plan/checks.ts';
import { notifyFamily } from './events.ts';
import { listConversations, loadMessages, memberOf } from './repo.ts';

const auditIn = (tx: Tx, ctx: RequestContext, scope: FamilyScope, action: 'create' | 'update' | 'delete', entityType: string, entityId: string) =>
  audit(tx, ctx, { action, entityType, entityId, collaborationId: scope.collaborationId, familyId: scope.familyId, role: scope.participantRole });

/** The conversation as the asker sees it: 404 when they are not (or no longer) in it. */
export async function visibleConversation(tx: Tx, scope: FamilyScope, id: string): Promise<Conversation> {
  requireReader(scope);
  const [found] = await listConversations(tx, scope, await mayCoordinate(tx, scope), id);
  if (!found) throw notFound();
  return found;
}

/** People of the circle who can be in a conversation: not removed (anyone, with or without an account yet). */
async function checkCircle(tx: Tx, scope: FamilyScope, ids: string[], field: string): Promise<void> {
  if (ids.length === 0) return;
  const found = await tx.select({ id: familyParticipants.id }).from(familyParticipants).where(and(
    eq(familyParticipants.collaborationId, scope.collaborationId), eq(familyParticipants.familyId, scope.familyId),
    inArray(familyParticipants.id, ids), isNull(familyParticipants.removedAt),
  ));
  if (found.length !== new Set(ids).size) throw invalidField(field, 'invalid');
}

/**
 * Anyone in the family's circle starts a conversation with people of that circle (a network member
 * with the aunt and the coach, say): talking needs no coordinator. "The whole circle" is everyone in
 * it with an account at that moment; people who come later are added like anyone else.
 */
export async function startConversation(tx: Tx, ctx: RequestContext, scope: FamilyScope, body: z.output<typeof ConversationInput>): Promise<Conversation> {
  const me = requireOpenInCircle(scope);
  let ids = [...new Set(body.participantIds)];
  await checkCircle(tx, scope, ids, 'participantIds');
  if (body.wholeCircle) {
    const everyone = await tx.select({ id: familyParticipants.id }).from(familyParticipants).where(and(
      eq(familyParticipants.collaborationId, scope.collaborationId), eq(familyParticipants.familyId, scope.familyId),
      isNull(familyParticipants.removedAt), isNotNull(familyParticipants.userId),
    ));
    ids = [...new Set([...ids, ...everyone.map((p) => p.id)])];
  }
  ids = [me.participantId, ...ids.filter((id) => id !== me.participantId)];
  if (ids.length < 2) throw invalidField('participantIds', 'minItems');
  const [row] = await tx.insert(conversations).values({
    collaborationId: scope.collaborationId, familyId: scope.familyId, title: body.title, startedByParticipantId: me.participantId,
  }).returning({ id: conversations.id });
  await tx.insert(conversationMembers).values(ids.map((participantId) => ({
    collaborationId: scope.collaborationId, conversationId: row!.id, participantId, addedByParticipantId: me.participantId,
  })));
  await auditIn(tx, ctx, scope, 'create', 'conversation', row!.id);
  await notifyFamily(tx, { familyId: scope.familyId, kind: 'members', conversationId: row!.id });
  return visibleConversation(tx, scope, row!.id);
}

/** Who started it changes its members and title; for a conversation someone else started, a coordinator of the family. */
async function requireManager(tx: Tx, scope: FamilyScope, conversation: Conversation): Promise<void> {
  if (conversation.startedByParticipantId === scope.participantId) return;
  if (!(await mayCoordinate(tx, scope))) throw forbidden();
}

export async function renameConversation(tx: Tx, ctx: RequestContext, scope: FamilyScope, id: string, expected: number, title: string): Promise<Conversation> {
  const conversation = await visibleConversation(tx, scope, id);
  await requireManager(tx, scope, conversation);
  assertVersion(conversation.version, expected);
  assertUpdated(await tx.update(conversations).set({ title, version: sql`${conversations.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(conversations.collaborationId, scope.collaborationId), eq(conversations.id, id), eq(conversations.version, expected)))
    .returning({ id: conversations.id }));
  await auditIn(tx, ctx, scope, 'update', 'conversation', id);
  return visibleConversation(tx, scope, id);
}

export async function addMember(tx: Tx, ctx: RequestContext, scope: FamilyScope, id: string, participantId: string): Promise<Conversation> {
  const conversation = await visibleConversation(tx, scope, id);
  await requireManager(tx, scope, conversation);
  await checkCircle(tx, scope, [participantId], 'participantId');
  if (conversation.members.some((m) => m.participantId === participantId)) return conversation;
  await tx.insert(conversationMembers).values({ collaborationId: scope.collaborationId, conversationId: id, participantId, addedByParticipantId: scope.participantId });
  await auditIn(tx, ctx, scope, 'update', 'conversation_member', participantId);
  await notifyFamily(tx, { familyId: scope.familyId, kind: 'members', conversationId: id });
  return visibleConversation(tx, scope, id);
}

/** Someone leaves themselves, or is removed by who manages the conversation; at once, API and event stream alike. */
export async function removeMember(tx: Tx, ctx: RequestContext, scope: FamilyScope, id: string, participantId: string): Promise<void> {
  const conversation = await visibleConversation(tx, scope, id);
  if (participantId !== scope.participantId) await requireManager(tx, scope, conversation);
  const left = await tx.update(conversationMembers).set({ leftAt: sql`now()` }).where(and(
    eq(conversationMembers.collaborationId, scope.collaborationId), eq(conversationMembers.conversationId, id),
    eq(conversationMembers.participantId, participantId), isNull(conversationMembers.leftAt),
  )).returning({ id: conversationMembers.id });
  if (left.length === 0) throw notFound();
  await auditIn(tx, ctx, scope, 'delete', 'conversation_member', participantId);
  await notifyFamily(tx, { familyId: scope.familyId, kind: 'members', conversationId: id });
}

export async function postMessage(
  tx: Tx, ctx: RequestContext, scope: FamilyScope, conversationId: string, body: z.output<typeof MessageInput>, publicUrl: string,
): Promise<Message> {
  const me = requireOpenInCircle(scope);
  await visibleConversation(tx, scope, conversationId);
  if (body.replyToMessageId && (await loadMessages(tx, scope, { conversationId, ids: [body.replyToMessageId] })).length === 0) {
    throw invalidField('replyToMessageId', 'invalid');
  }
  if (body.attachmentId) {
    // Only a file this person uploaded to this conversation, not yet sent with another message.
    const [file] = await tx.select({ id: attachments.id }).from(attachments).where(and(
      eq(attachments.collaborationId, scope.collaborationId), eq(attachments.conversationId, conversationId), eq(attachments.id, body.attachmentId),
      eq(attachments.uploadedByParticipantId, me.participantId),
      sql`not exists (select 1 from messages m where m.collaboration_id = ${attachments.collaborationId} and m.attachment_id = ${attachments.id})`,
    ));
    if (!file) throw invalidField('attachmentId', 'invalid');
  }
  const [row] = await tx.insert(messages).values({
    collaborationId: scope.collaborationId, familyId: scope.familyId, conversationId, authorParticipantId: me.participantId,
    authorUserId: ctx.actor?.userId ?? null, body: body.body, replyToMessageId: body.replyToMessageId ?? null, attachmentId: body.attachmentId ?? null,
  }).returning({ id: messages.id, createdAt: messages.createdAt });
  // Writing is reading: the author has read up to their own message.
  await tx.update(conversationMembers).set({ lastReadAt: sql`(select created_at from messages where collaboration_id = ${scope.collaborationId} and id = ${row!.id})` })
    .where(and(eq(conversationMembers.collaborationId, scope.collaborationId), eq(conversationMembers.conversationId, conversationId), eq(conversationMembers.participantId, me.participantId), isNull(conversationMembers.leftAt)));
  await auditIn(tx, ctx, scope, 'create', 'message', row!.id);
  await queueNotifications(tx, scope, conversationId, me.participantId, publicUrl);
  await notifyFamily(tx, { familyId: scope.familyId, kind: 'message', conversationId });
  const [message] = await loadMessages(tx, scope, { ids: [row!.id] });
  return message!;
}

/**
 * One mail per member per conversation until they have read it: members (not the author) with an
 * account in the circle, who have no mail waiting since their last read. The mail names the family,
 * never the message, its sender or the conversation's title.
 */
async function queueNotifications(tx: Tx, scope: FamilyScope, conversationId: string, authorId: string, publicUrl: string): Promise<void> {
  const due = await tx.select({ memberId: conversationMembers.id, name: familyParticipants.displayName, email: users.email, locale: users.locale })
    .from(conversationMembers)
    .innerJoin(familyParticipants, and(eq(familyParticipants.collaborationId, conversationMembers.collaborationId), eq(familyParticipants.id, conversationMembers.participantId)))
    .innerJoin(users, eq(users.id, familyParticipants.userId))
    .where(and(
      eq(conversationMembers.collaborationId, scope.collaborationId), eq(conversationMembers.conversationId, conversationId),
      isNull(conversationMembers.leftAt), ne(conversationMembers.participantId, authorId), isNull(familyParticipants.removedAt),
      eq(users.active, true),
      or(isNull(conversationMembers.notifiedAt), sql`${conversationMembers.notifiedAt} <= ${conversationMembers.lastReadAt}`),
    ));
  if (due.length === 0) return;
  const [family] = await tx.select({ name: families.displayName }).from(families).where(and(eq(families.collaborationId, scope.collaborationId), eq(families.id, scope.familyId)));
  for (const m of due) {
    await queueMail(tx, { ...newMessageMail({ to: m.email, name: m.name, familyName: family!.name, url: `${publicUrl}/families/${scope.familyId}/messages`, locale: asLocale(m.locale) }), collaborationId: scope.collaborationId });
  }
  await tx.update(conversationMembers).set({ notifiedAt: sql`now()` }).where(and(
    eq(conversationMembers.collaborationId, scope.collaborationId), inArray(conversationMembers.id, due.map((m) => m.memberId)),
  ));
}

/** Read up to this message (never back). */
export async function markRead(tx: Tx, scope: FamilyScope, conversationId: string, messageId: string): Promise<void> {
  const me = requireInCircle(scope);
  await visibleConversation(tx, scope, conversationId);
  const [message] = await loadMessages(tx, scope, { conversationId, ids: [messageId] });
  if (!message) throw invalidField('upToMessageId', 'invalid');
  await tx.update(conversationMembers)
    .set({ lastReadAt: sql`greatest(coalesce(${conversationMembers.lastReadAt}, '-infinity'::timestamptz), (select created_at from messages where collaboration_id = ${scope.collaborationId} and id = ${messageId}))` })
    .where(and(eq(conversationMembers.collaborationId, scope.collaborationId), eq(conversationMembers.conversationId, conversationId), eq(conversationMembers.participantId, me.participantId), isNull(conversationMembers.leftAt)));
  await notifyFamily(tx, { familyId: scope.familyId, kind: 'members', conversationId });
}

/**
 * "Let's agree on this": the plan's own agreement command makes the agreement (same checks, history
 * and access log as any agreement), and the message remembers it.
 */
export async function messageToAgreement(
  tx: Tx, ctx: RequestContext, scope: FamilyScope, conversationId: string, messageId: string, body: z.output<typeof MessageAgreementInput>, now: Date,
): Promise<Agreement> {
  await visibleConversation(tx, scope, conversationId);
  const [message] = await loadMessages(tx, scope, { conversationId, ids: [messageId] });
  if (!message) throw notFound();
  if (message.agreementId) throw invalidField('messageId', 'invalid');
  const what = body.what ?? message.body.slice(0, 2000);
  if (!what) throw invalidField('what', 'required');
  const agreement = await createAgreement(tx, ctx, scope, { ...body, what, onBehalfOfParticipantId: null }, now);
  await tx.update(messages).set({ agreementId: agreement.id }).where(and(eq(messages.collaborationId, scope.collaborationId), eq(messages.id, messageId)));
  await notifyFamily(tx, { familyId: scope.familyId, kind: 'members', conversationId });
  return agreement;
}

export { memberOf };
