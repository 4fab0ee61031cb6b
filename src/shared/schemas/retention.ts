import { z } from 'zod';
import { Uuid } from './common.ts';

const Day = z.iso.date();

/** A closed file that the retention job erases within the notice period (or is past it, held). */
export const RetentionFile = z.object({
  familyId: Uuid,
  displayName: z.string(),
  closedOn: Day,
  /** The first day the daily job erases it, unless it is on legal hold. */
  eraseOn: Day,
  legalHold: z.object({ reason: z.string(), since: z.iso.datetime({ offset: true }) }).nullable(),
  version: z.number().int(),
}).meta({ id: 'RetentionFile' });
export type RetentionFile = z.infer<typeof RetentionFile>;

export const RetentionOverview = z.object({
  retentionYears: z.number().int(),
  noticeDays: z.number().int(),
  items: z.array(RetentionFile),
}).meta({ id: 'RetentionOverview' });
export type RetentionOverview = z.infer<typeof RetentionOverview>;

export const RetentionFileParams = z.object({ collaborationId: Uuid, familyId: Uuid });
export const LegalHoldInput = z.object({ reason: z.string().trim().min(10).max(1000) });
export type LegalHoldInput = z.infer<typeof LegalHoldInput>;
