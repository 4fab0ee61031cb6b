import { z } from 'zod';
import { CLOSURE_REASONS } from '../closure-constants.ts';
import { Email, Name, OptionalText, Timestamp, Uuid } from './common.ts';
import { SHAREABLE_ITEM_TYPES } from './sharing.ts';
import { customMessage } from '../field-messages.ts';

/*
 * Closing a trajectory: /api/v1/families/{id}/closure (close, read, reopen) and
 * /api/v1/families/{id}/handovers (a warm handover to a service of the social map).
 */

export const HandoverShare = z
  .object({
    lifeDomainId: Uuid.optional(),
    itemType: z.enum(SHAREABLE_ITEM_TYPES).optional(),
    itemId: Uuid.optional(),
  })
  .refine((b) => (b.lifeDomainId ? !b.itemId && !b.itemType : Boolean(b.itemId && b.itemType)), { path: ['lifeDomainId'], ...customMessage('oneTopic') });
export type HandoverShare = z.infer<typeof HandoverShare>;

export const HandoverInput = z.object({
  socialMapEntryId: Uuid,
  contactName: Name,
  contactEmail: Email,
  note: z.string().trim().min(1).max(4000),
  shares: z.array(HandoverShare).max(100).default([]),
});
export type HandoverInput = z.input<typeof HandoverInput>;

/** The family's yes: to the note, and to the parts it chooses (at most what was proposed). */
export const HandoverApproval = z.object({
  shares: z.array(HandoverShare).max(100).optional(),
  onBehalfOfParticipantId: Uuid.nullable().optional(),
});
export type HandoverApproval = z.input<typeof HandoverApproval>;

export const Handover = z.object({
  id: Uuid,
  socialMapEntryId: Uuid,
  organisation: z.string(),
  service: z.string(),
  contactName: z.string(),
  contactEmail: z.string(),
  note: z.string(),
  proposedShares: z.array(HandoverShare),
  approvedShares: z.array(HandoverShare).nullable(),
  status: z.enum(['proposed', 'approved', 'cancelled']),
  participantId: Uuid.nullable(),
  approvedByName: z.string().nullable(),
  onBehalfOfName: z.string().nullable(),
  approvedAt: Timestamp.nullable(),
  createdAt: Timestamp,
  version: z.number().int(),
});
export type Handover = z.infer<typeof Handover>;

export const HandoverParams = z.object({ id: Uuid, handoverId: Uuid });

export const ClosureInput = z.object({
  reason: z.enum(CLOSURE_REASONS),
  reasonNote: OptionalText(1000),
  summary: z.string().trim().min(1).max(8000),
  closingConversationOn: z.iso.date().nullable().optional(),
  closingConversationParticipantIds: z.array(Uuid).max(50).default([]),
  /** An approved handover of this family: the trajectory ends with a warm handover. */
  handoverId: Uuid.nullable().optional(),
});
export type ClosureInput = z.input<typeof ClosureInput>;

export const ReopenInput = z.object({ reason: z.string().trim().min(1).max(2000) });

export const Closure = z.object({
  id: Uuid,
  closedAt: Timestamp,
  reason: z.enum(CLOSURE_REASONS),
  reasonNote: z.string().nullable(),
  summary: z.string(),
  closingConversationOn: z.iso.date().nullable(),
  closingConversationNames: z.array(z.string()),
  durationDays: z.number().int(),
  warmHandover: z.boolean(),
  handoverId: Uuid.nullable(),
  closedByName: z.string().nullable(),
  reopenedAt: Timestamp.nullable(),
  reopenedByName: z.string().nullable(),
  reopenReason: z.string().nullable(),
  /** Until when the family may still read its file (while this closure is in force). */
  familyReadsUntil: Timestamp.nullable(),
  version: z.number().int(),
});
export type Closure = z.infer<typeof Closure>;

export const ClosureOverview = z.object({
  status: z.enum(['registered', 'active', 'closed']),
  /** The closure in force, or null while the trajectory runs. */
  current: Closure.nullable(),
  /** Every closure of this family, newest first (reopened ones included). */
  closures: z.array(Closure),
  handovers: z.array(Handover),
});
export type ClosureOverview = z.infer<typeof ClosureOverview>;
