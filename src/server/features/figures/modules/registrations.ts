import { sql } from 'drizzle-orm';
import { REFERRER_TYPES, REGISTRATION_REASONS } from '../../../../shared/schemas/registrations.ts';
import type { FigureModule } from '../types.ts';

const month = sql`to_char(received_on, 'YYYY-MM')`;

/** Family registrations per month and referrer type. */
export const registrationsByReferrer: FigureModule = {
  id: 'registrations-by-referrer',
  levels: ['collaboration', 'government'],
  dimensions: [{ key: 'month', values: 'months' }, { key: 'referrerType', values: REFERRER_TYPES }],
  counts: [{ key: 'registrations', unit: 'registrations', additiveOver: ['month', 'referrerType'] }],
  chart: { dimension: 'referrerType', measure: 'registrations' },
  query: (_p, src) => sql`
    select ${src.collaboration('reg')} as collaboration_id, ${month} as "month", reg.referrer_type as "referrerType", count(*)::int as "registrations"
    from ${src.registrations} where reg.kind = 'family' ${src.groupBy(2, 3)}`,
};

/** Family registrations per month and reason; one registration can give several reasons, so reasons do not add up. */
export const registrationsByReason: FigureModule = {
  id: 'registrations-by-reason',
  levels: ['collaboration', 'government'],
  dimensions: [{ key: 'month', values: 'months' }, { key: 'reason', values: REGISTRATION_REASONS }],
  counts: [{ key: 'registrations', unit: 'registrations', additiveOver: ['month'] }],
  chart: { dimension: 'reason', measure: 'registrations' },
  query: (_p, src) => sql`
    select ${src.collaboration('reg')} as collaboration_id, ${month} as "month", reason as "reason", count(*)::int as "registrations"
    from ${src.registrations} cross join lateral unnest(reg.reasons) as reason where reg.kind = 'family' ${src.groupBy(2, 3)}`,
};

/** Consultation questions (advice to a referrer, no trajectory) per month and referrer type. */
export const consultations: FigureModule = {
  id: 'consultations',
  levels: ['collaboration', 'government'],
  dimensions: [{ key: 'month', values: 'months' }, { key: 'referrerType', values: REFERRER_TYPES }],
  counts: [{ key: 'consultations', unit: 'registrations', additiveOver: ['month', 'referrerType'] }],
  chart: { dimension: 'month', measure: 'consultations' },
  query: (_p, src) => sql`
    select ${src.collaboration('reg')} as collaboration_id, ${month} as "month", reg.referrer_type as "referrerType", count(*)::int as "consultations"
    from ${src.registrations} where reg.kind = 'consultation' ${src.groupBy(2, 3)}`,
};

/**
 * Days from registration to first contact for the family registrations of the period: buckets
 * that add up to all of them (one bucket for "no first contact yet"), the shares within 14 and
 * 30 days, and the median of those contacted.
 */
export const firstContact: FigureModule = {
  id: 'first-contact',
  levels: ['collaboration', 'government'],
  dimensions: [],
  counts: [
    { key: 'registrations', unit: 'registrations' },
    { key: 'days0to7', unit: 'registrations' },
    { key: 'days8to14', unit: 'registrations' },
    { key: 'days15to30', unit: 'registrations' },
    { key: 'days31to60', unit: 'registrations' },
    { key: 'daysOver60', unit: 'registrations' },
    { key: 'noContactYet', unit: 'registrations' },
    { key: 'contacted', unit: 'registrations', hidden: true },
  ],
  rowSums: [{ total: 'registrations', parts: ['days0to7', 'days8to14', 'days15to30', 'days31to60', 'daysOver60', 'noContactYet'] }],
  shares: [
    { key: 'within14DaysShare', numerator: ['days0to7', 'days8to14'], denominator: 'registrations' },
    { key: 'within30DaysShare', numerator: ['days0to7', 'days8to14', 'days15to30'], denominator: 'registrations' },
  ],
  values: [{ key: 'medianDays', unit: 'days', base: 'contacted' }],
  chart: { parts: ['days0to7', 'days8to14', 'days15to30', 'days31to60', 'daysOver60', 'noContactYet'] },
  query: (_p, src) => sql`
    select ${src.collaboration('reg')} as collaboration_id,
      count(*)::int as "registrations",
      (count(*) filter (where days_to_contact <= 7))::int as "days0to7",
      (count(*) filter (where days_to_contact between 8 and 14))::int as "days8to14",
      (count(*) filter (where days_to_contact between 15 and 30))::int as "days15to30",
      (count(*) filter (where days_to_contact between 31 and 60))::int as "days31to60",
      (count(*) filter (where days_to_contact > 60))::int as "daysOver60",
      (count(*) filter (where days_to_contact is null))::int as "noContactYet",
      count(days_to_contact)::int as "contacted",
      (percentile_cont(0.5) within group (order by days_to_contact))::float8 as "medianDays"
    from ${src.registrations} where reg.kind = 'family' ${src.groupBy()}`,
};
