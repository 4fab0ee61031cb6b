import { z } from 'zod';
import { OptionalText, Timestamp, Uuid } from './common.ts';

/*
 * Team case discussion (intervisie): /api/v1/collaborations/{id}/team-meetings, /api/v1/team-meetings/{id},
 * /api/v1/team-cases (anonymised cases), /api/v1/families/{id}/team-case-draft (the presenting coach).
 */

export const TeamMeetingInput = z.object({
  heldOn: z.iso.date(),
  title: z.string().trim().min(1).max(200),
  notes: OptionalText(8000),
  followUp: OptionalText(8000),
});
export const TeamMeetingPatch = TeamMeetingInput.partial();

export const TeamCaseInput = z.object({
  familyId: Uuid,
  meetingId: Uuid.nullable().optional(),
  title: z.string().trim().min(1).max(80),
  question: z.string().trim().min(1).max(4000),
  summary: z.string().trim().min(1).max(8000),
});
export type TeamCaseInput = z.input<typeof TeamCaseInput>;

export const AdviceInput = z.object({ text: z.string().trim().min(1).max(4000) });

export const Advice = z.object({ id: Uuid, authorName: z.string(), text: z.string(), createdAt: Timestamp });
export type Advice = z.infer<typeof Advice>;

/** What every team member sees: no family, no name, no date of birth, no address, no family-linked id. */
export const TeamCase = z.object({
  id: Uuid,
  meetingId: Uuid.nullable(),
  title: z.string(),
  question: z.string(),
  summary: z.string(),
  presentedByName: z.string(),
  /** Only for the presenting coach: which family this is. */
  mine: z.boolean(),
  family: z.object({ id: Uuid, displayName: z.string() }).nullable(),
  advice: z.array(Advice),
  createdAt: Timestamp,
});
export type TeamCase = z.infer<typeof TeamCase>;

export const TeamMeeting = z.object({
  id: Uuid,
  collaborationId: Uuid,
  heldOn: z.iso.date(),
  title: z.string(),
  notes: z.string().nullable(),
  followUp: z.string().nullable(),
  cases: z.array(TeamCase),
  version: z.number().int(),
});
export type TeamMeeting = z.infer<typeof TeamMeeting>;

export const TeamCaseDraft = z.object({ summary: z.string() });
export const TeamMeetingParams = z.object({ meetingId: Uuid });
export const TeamCaseParams = z.object({ caseId: Uuid });
