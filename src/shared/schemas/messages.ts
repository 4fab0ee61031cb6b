import { z } from 'zod';
import { customMessage } from '../field-messages.ts';
import { OptionalText, Timestamp, Uuid } from './common.ts';
import { AgreementInput } from './plan.ts';

/*
 * The family's group conversations and who holds the lead (regie).
 * /api/v1/families/{id}/messages/conversations[/{conversationId}[/members|/messages|/read|/attachments]],
 * /api/v1/families/{id}/messages/attachments/{attachmentId}, /api/v1/families/{id}/messages/events (SSE),
 * /api/v1/families/{id}/lead.
 */

/** The kinds of file a message may carry, checked by their content (magic bytes), not their name. */
export const ATTACHMENT_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;

export const ConversationParams = z.object({ id: Uuid, conversationId: Uuid });
export const ConversationMemberParams = z.object({ id: Uuid, conversationId: Uuid, participantId: Uuid });
export const MessageParams = z.object({ id: Uuid, conversationId: Uuid, messageId: Uuid });
export const AttachmentParams = z.object({ id: Uuid, attachmentId: Uuid });

export const ConversationMember = z.object({
  participantId: Uuid,
  name: z.string(),
  role: z.string(),
  joinedAt: Timestamp,
});
export type ConversationMember = z.infer<typeof ConversationMember>;

export const Conversation = z.object({
  id: Uuid,
  title: z.string(),
  startedByParticipantId: Uuid,
  startedByName: z.string(),
  members: z.array(ConversationMember),
  unreadCount: z.number().int(),
  lastMessageAt: Timestamp.nullable(),
  /** Whether the asker may add or remove people: who started it, or a coordinator of the family. */
  mayManageMembers: z.boolean(),
  version: z.number().int(),
  createdAt: Timestamp,
});
export type Conversation = z.infer<typeof Conversation>;

export const ConversationInput = z.object({
  title: z.string().trim().min(1).max(120),
  /** The whole circle (everyone with an account), or the chosen people; the starter is always in. */
  wholeCircle: z.boolean().default(false),
  participantIds: z.array(Uuid).max(100).default([]),
});
export const ConversationPatch = z.object({ title: z.string().trim().min(1).max(120) });
export const MemberInput = z.object({ participantId: Uuid });

export const Attachment = z.object({
  id: Uuid,
  fileName: z.string(),
  contentType: z.enum(ATTACHMENT_TYPES),
  byteSize: z.number().int(),
});
export type Attachment = z.infer<typeof Attachment>;
export const AttachmentQuery = z.object({ name: z.string().trim().min(1).max(200).default('bestand') });

export const Message = z.object({
  id: Uuid,
  seq: z.number().int(),
  conversationId: Uuid,
  authorParticipantId: Uuid,
  authorName: z.string(),
  body: z.string(),
  replyTo: z.object({ id: Uuid, authorName: z.string(), body: z.string() }).nullable(),
  attachment: Attachment.nullable(),
  agreementId: Uuid.nullable(),
  /** The other members who have read it. */
  readBy: z.array(z.string()),
  createdAt: Timestamp,
});
export type Message = z.infer<typeof Message>;

export const MessageInput = z.object({
  /** Plain text; links are shown as links, nothing else is markup. */
  body: z.string().trim().max(4000).default(''),
  replyToMessageId: Uuid.nullable().optional(),
  attachmentId: Uuid.nullable().optional(),
}).refine((m) => m.body !== '' || m.attachmentId, { path: ['body'], ...customMessage('required') });

export const MessageQuery = z.object({
  /** Messages after this sequence number (for catching up). */
  after: z.coerce.number().int().min(0).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});
export const ReadInput = z.object({ upToMessageId: Uuid });

/** Turn a message into a plan agreement: `what` defaults to the message's text. */
export const MessageAgreementInput = AgreementInput.extend({ what: OptionalText(2000) }).omit({ onBehalfOfParticipantId: true });
export type MessageAgreementInput = z.input<typeof MessageAgreementInput>;

export const LeadHolder = z.object({ participantId: Uuid, name: z.string(), since: Timestamp });
export const LeadPeriod = z.object({ participantId: Uuid, name: z.string(), from: Timestamp, until: Timestamp.nullable() });
export const Lead = z.object({
  /** `family`: one or more family members hold the lead; `coach`: the coaches (the default). */
  withFamily: z.boolean(),
  holders: z.array(LeadHolder),
  periods: z.array(LeadPeriod),
  /** People who may take the lead: the family's members and its network (not professionals). */
  candidates: z.array(z.object({ participantId: Uuid, name: z.string(), role: z.string() })),
  mayHandOver: z.boolean(),
  mayTakeBack: z.boolean(),
  /** Also the ETag: send it as If-Match to change the lead. */
  version: z.number().int(),
});
export type Lead = z.infer<typeof Lead>;
/** Empty: the lead goes back to the coaches. */
export const LeadInput = z.object({ participantIds: z.array(Uuid).max(20) });
