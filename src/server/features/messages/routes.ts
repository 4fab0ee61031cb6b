import { z } from 'zod';
import { FamilyParams } from '../../../shared/schemas/families.ts';
import {
  Attachment, AttachmentParams, AttachmentQuery, Conversation, ConversationInput, ConversationMemberParams, ConversationParams, ConversationPatch,
  MemberInput, Message, MessageAgreementInput, MessageInput, MessageParams, MessageQuery, ReadInput,
} from '../../../shared/schemas/messages.ts';
import { Agreement } from '../../../shared/schemas/plan.ts';
import { mayCoordinate } from '../../access/coordination.ts';
import { auditRole, loadFamilyScope, requireInCircle } from '../../access/family-scope.ts';
import { requireActor } from '../../access/policy.ts';
import { audit } from '../../audit/audit.ts';
import { requireIfMatch, setEtag } from '../../http/etag.ts';
import type { App, FeatureDeps } from '../../http/route-types.ts';
import { createInFamily, inFamily, readInFamily } from '../families/scope.ts';
import { readAttachment, uploadAttachment } from './attachments.ts';
import type { FamilyEventHub } from './events.ts';
import { listConversations, loadMessages } from './repo.ts';
import { addMember, markRead, messageToAgreement, postMessage, removeMember, renameConversation, startConversation, visibleConversation } from './service.ts';
import { databaseAttachmentStore, type AttachmentStore } from './store.ts';
import { openStream } from './stream.ts';

const tags = ['messages'];
const base = '/families/:id/messages';
const UPLOAD_TYPES = ['application/octet-stream', 'image/jpeg', 'image/png', 'image/webp', 'image/heic', 'application/pdf'];

export interface MessagesDeps {
  hub: FamilyEventHub;
  store?: AttachmentStore;
}

export function messageRoutes(app: App, { db, config, clock }: FeatureDeps, { hub, store = databaseAttachmentStore }: MessagesDeps) {
  const streams = new Set<() => void>();
  // Open streams end when the server stops, so it does not wait for them.
  app.addHook('preClose', async () => {
    for (const close of [...streams]) close();
    await hub.close();
  });

  // Uploads are the file itself as the body (one file per request, no multipart to parse): the type
  // is decided by the bytes, the name travels in ?name=. The body limit is ATTACHMENT_MAX_BYTES.
  app.addContentTypeParser(UPLOAD_TYPES, { parseAs: 'buffer', bodyLimit: config.ATTACHMENT_MAX_BYTES }, (_req, body, done) => done(null, body));

  app.get(`${base}/conversations`, { schema: { tags, summary: 'The conversations I am in, newest first', params: FamilyParams, response: { 200: z.object({ items: z.array(Conversation) }) } } },
    async (req) => ({ items: await readInFamily(db, req, 'conversation_list', async (tx, scope) => listConversations(tx, scope, await mayCoordinate(tx, scope))) }));

  app.post(`${base}/conversations`, { schema: { tags, summary: 'Start a conversation with people of the family\'s circle (or all of it)', params: FamilyParams, body: ConversationInput, response: { 201: Conversation } } }, async (req, reply) => {
    const created = await createInFamily(db, req, (tx, scope) => startConversation(tx, req.ctx, scope, req.body));
    setEtag(reply, created.body.version);
    return reply.code(201).send(created.body);
  });

  app.get(`${base}/conversations/:conversationId`, { schema: { tags, summary: 'One conversation and its members', params: ConversationParams, response: { 200: Conversation } } }, async (req, reply) => {
    const conversation = await readInFamily(db, req, 'conversation', (tx, scope) => visibleConversation(tx, scope, req.params.conversationId));
    setEtag(reply, conversation.version);
    return conversation;
  });

  app.patch(`${base}/conversations/:conversationId`, { schema: { tags, summary: 'Rename a conversation (If-Match)', params: ConversationParams, body: ConversationPatch, response: { 200: Conversation } } }, async (req, reply) => {
    const expected = requireIfMatch(req);
    const conversation = await inFamily(db, req, (tx, scope) => renameConversation(tx, req.ctx, scope, req.params.conversationId, expected, req.body.title));
    setEtag(reply, conversation.version);
    return conversation;
  });

  app.post(`${base}/conversations/:conversationId/members`, { schema: { tags, summary: 'Add someone of the circle (who started it, or a coordinator)', params: ConversationParams, body: MemberInput, response: { 200: Conversation } } },
    async (req) => inFamily(db, req, (tx, scope) => addMember(tx, req.ctx, scope, req.params.conversationId, req.body.participantId)));

  app.delete(`${base}/conversations/:conversationId/members/:participantId`, { schema: { tags, summary: 'Leave, or remove someone: at once, they read nothing of it any more', params: ConversationMemberParams } }, async (req, reply) => {
    await inFamily(db, req, (tx, scope) => removeMember(tx, req.ctx, scope, req.params.conversationId, req.params.participantId));
    return reply.code(204).send();
  });

  app.get(`${base}/conversations/:conversationId/messages`, { schema: { tags, summary: 'Messages since I joined, oldest first (after=seq to catch up)', params: ConversationParams, querystring: MessageQuery, response: { 200: z.object({ items: z.array(Message) }) } } },
    async (req) => ({ items: await readInFamily(db, req, 'message_list', async (tx, scope) => {
      await visibleConversation(tx, scope, req.params.conversationId);
      return loadMessages(tx, scope, { conversationId: req.params.conversationId, after: req.query.after, limit: req.query.limit });
    }) }));

  app.post(`${base}/conversations/:conversationId/messages`, { schema: { tags, summary: 'Write a message (plain text, optionally a reply, a photo or a document)', params: ConversationParams, body: MessageInput, response: { 201: Message } } }, async (req, reply) => {
    const created = await createInFamily(db, req, (tx, scope) => postMessage(tx, req.ctx, scope, req.params.conversationId, req.body, config.publicUrl));
    return reply.code(201).send(created.body);
  });

  app.post(`${base}/conversations/:conversationId/read`, { schema: { tags, summary: 'I have read up to this message', params: ConversationParams, body: ReadInput } }, async (req, reply) => {
    await inFamily(db, req, (tx, scope) => markRead(tx, scope, req.params.conversationId, req.body.upToMessageId));
    return reply.code(204).send();
  });

  app.post(`${base}/conversations/:conversationId/messages/:messageId/agreement`, { schema: { tags, summary: 'Turn a message into a plan agreement (who does what by when)', params: MessageParams, body: MessageAgreementInput, response: { 201: Agreement } } }, async (req, reply) => {
    const created = await createInFamily(db, req, (tx, scope) => messageToAgreement(tx, req.ctx, scope, req.params.conversationId, req.params.messageId, req.body, clock()));
    setEtag(reply, created.body.version);
    return reply.code(201).send(created.body);
  });

  app.post(`${base}/conversations/:conversationId/attachments`, {
    bodyLimit: config.ATTACHMENT_MAX_BYTES,
    schema: { tags, summary: 'Upload a photo or document (the file as the body; JPEG, PNG, WebP or PDF, by content) for a next message', params: ConversationParams, querystring: AttachmentQuery, response: { 201: Attachment } },
  }, async (req, reply) => {
    const content = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const created = await inFamily(db, req, (tx, scope) => uploadAttachment(tx, req.ctx, scope, store, req.params.conversationId, req.query.name, content, config.ATTACHMENT_MAX_BYTES));
    return reply.code(201).send(created);
  });

  app.get(`${base}/attachments/:attachmentId`, { schema: { tags, summary: 'A photo or document of a message I may read (404 otherwise)', params: AttachmentParams, querystring: z.object({ download: z.enum(['1']).optional() }) } }, async (req, reply) => {
    const file = await inFamily(db, req, async (tx, scope) => {
      const found = await readAttachment(tx, scope, store, req.params.attachmentId);
      await audit(tx, req.ctx, { action: 'read', entityType: 'attachment', entityId: found.id, collaborationId: scope.collaborationId, familyId: scope.familyId, role: auditRole(scope) });
      return found;
    });
    // Photos show in the conversation; a PDF (or ?download=1) is saved, never opened in our origin.
    const inline = file.contentType.startsWith('image/') && !req.query.download;
    return reply
      .type(file.contentType)
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .header('content-disposition', `${inline ? 'inline' : 'attachment'}; filename="${file.fileName.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      .send(file.content);
  });

  app.get(`${base}/events`, { schema: { tags, summary: 'New messages as server-sent events (text/event-stream; Last-Event-ID to catch up)', params: FamilyParams } }, async (req, reply) => {
    const actor = requireActor(req.ctx.actor);
    const header = req.headers['last-event-id'];
    const lastEventId = typeof header === 'string' && /^\d{1,15}$/.test(header) ? Number(header) : null;
    await db.transaction(async (tx) => {
      // The live stream is for the conversation's members; emergency access reads the conversations page by page.
      const scope = requireInCircle(await loadFamilyScope(tx, actor, req.params.id));
      await audit(tx, req.ctx, { action: 'read', entityType: 'message_stream', collaborationId: scope.collaborationId, familyId: scope.familyId, role: scope.participantRole });
    });
    await openStream(db, hub, streams, req, reply, actor, req.params.id, lastEventId);
  });
}
