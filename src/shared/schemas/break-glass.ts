import { z } from 'zod';
import { BREAK_GLASS_REASON_MAX, BREAK_GLASS_REASON_MIN, BREAK_GLASS_REVIEW_STATUSES } from '../break-glass-constants.ts';
import { Timestamp, Uuid } from './common.ts';

/** Plain text: no control characters beyond line breaks and tabs. */
const plain = (text: string) => [...text].every((ch) => { const c = ch.charCodeAt(0); return c === 9 || c === 10 || c === 13 || (c >= 32 && c !== 127); });
const PlainText = (min: number, max: number) => z.string().trim().min(min).max(max).refine(plain);

export const BreakGlassOpen = z.object({
  /** Why the file must be opened now, in plain words: it is shown to the family and to the reviewer. */
  reason: PlainText(BREAK_GLASS_REASON_MIN, BREAK_GLASS_REASON_MAX),
}).meta({ id: 'BreakGlassOpen' });

export const BreakGlassGrant = z.object({
  id: Uuid,
  familyId: Uuid,
  /** Null for the DPO, who oversees the log by family id and never sees a family's name. */
  familyName: z.string().nullable(),
  userId: Uuid,
  userName: z.string(),
  role: z.enum(['coordinator', 'coach']),
  reason: z.string(),
  startedAt: Timestamp,
  endsAt: Timestamp,
  endedAt: Timestamp.nullable(),
  reviewStatus: z.enum(BREAK_GLASS_REVIEW_STATUSES),
  reviewerName: z.string().nullable(),
  reviewedAt: Timestamp.nullable(),
  reviewNote: z.string().nullable(),
  version: z.number().int(),
}).meta({ id: 'BreakGlassGrant' });
export type BreakGlassGrant = z.infer<typeof BreakGlassGrant>;

export const BreakGlassListQuery = z.object({
  status: z.enum(BREAK_GLASS_REVIEW_STATUSES).optional(),
});

export const BreakGlassReview = z.object({
  status: z.enum(['justified', 'not_justified']),
  note: PlainText(3, 1000),
}).meta({ id: 'BreakGlassReview' });
export type BreakGlassReview = z.infer<typeof BreakGlassReview>;

export const BreakGlassGrantParams = z.object({ collaborationId: Uuid, grantId: Uuid });
