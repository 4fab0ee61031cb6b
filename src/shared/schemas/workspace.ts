import { z } from 'zod';
import { Timestamp, Uuid } from './common.ts';

/* The coach's home page: GET /api/v1/me/workspace. */

/** Why a family needs attention, most pressing first; the screen words each one. */
export const ATTENTION_REASONS = [
  'agreements_overdue', 'evaluation_overdue', 'no_contact_long', 'meeting_today', 'unread_messages', 'agreements_due_soon', 'evaluation_due_soon', 'no_contact_yet',
] as const;
export type AttentionReason = (typeof ATTENTION_REASONS)[number];

export const WorkspaceFamily = z.object({
  id: Uuid,
  displayName: z.string(),
  collaborationId: Uuid,
  lastContactOn: z.iso.date().nullable(),
  daysSinceContact: z.number().int().nullable(),
  overdueAgreements: z.number().int(),
  dueSoonAgreements: z.number().int(),
  /** The earliest due date of an open agreement. */
  nextAgreementDueOn: z.iso.date().nullable(),
  /** When the next evaluation is due: the last one (or the start) plus the evaluation interval. */
  evaluationDueOn: z.iso.date().nullable(),
  /** The next meeting (round table, contact) when the agenda is known; null otherwise. */
  nextMeeting: z.object({ at: Timestamp, title: z.string() }).nullable(),
  /** Unread messages in the family's conversation when known; null otherwise. */
  unreadMessages: z.number().int().nullable(),
  attention: z.enum(['now', 'soon', 'calm']),
  reasons: z.array(z.enum(ATTENTION_REASONS)),
});
export type WorkspaceFamily = z.infer<typeof WorkspaceFamily>;

export const WorkspaceRegistration = z.object({
  id: Uuid,
  collaborationId: Uuid,
  familyName: z.string(),
  municipality: z.string(),
  receivedAt: Timestamp,
  firstContactDueBy: Timestamp,
  timing: z.enum(['on_track', 'warning', 'overdue', 'done']),
});
export type WorkspaceRegistration = z.infer<typeof WorkspaceRegistration>;

export const Workspace = z.object({
  today: z.iso.date(),
  /** Registrations assigned to me waiting for first contact, closest to the limit first. */
  registrations: z.array(WorkspaceRegistration),
  /** My families (as coach, trajectory running), what needs attention first. */
  families: z.array(WorkspaceFamily),
});
export type Workspace = z.infer<typeof Workspace>;
