import { z } from 'zod';
import { Uuid } from './common.ts';

/* Caseload of a collaboration's team: GET /api/v1/collaborations/{id}/caseload?from&to. */

const Month = z.string().regex(/^\d{4}-\d{2}$/);

export const CaseloadQuery = z.object({
  from: z.iso.date(),
  to: z.iso.date(),
}).refine((q) => q.from <= q.to, { path: ['to'] }).refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 731 * 86_400_000, { path: ['to'] });

const MonthMinutes = z.object({ month: Month, minutes: z.number().int() });

export const CoachCaseload = z.object({
  userId: Uuid,
  name: z.string(),
  partnerOrganisationId: Uuid.nullable(),
  partnerOrganisationName: z.string().nullable(),
  /** Families whose trajectory runs now, with this person as coach. */
  families: z.number().int(),
  /** Minutes on contact moments this coach wrote, dated in the period. */
  minutes: z.number().int(),
  perMonth: z.array(MonthMinutes),
});

export const PartnerCaseload = z.object({
  partnerOrganisationId: Uuid.nullable(),
  name: z.string().nullable(),
  coaches: z.number().int(),
  /** Distinct families: a family with two coaches of one organisation counts once. */
  families: z.number().int(),
  minutes: z.number().int(),
  perMonth: z.array(MonthMinutes),
});

export const Caseload = z.object({
  from: z.iso.date(),
  to: z.iso.date(),
  months: z.array(Month),
  coaches: z.array(CoachCaseload),
  partners: z.array(PartnerCaseload),
});
export type Caseload = z.infer<typeof Caseload>;
