import { sql } from 'drizzle-orm';
import { REFERRER_TYPES, REGISTRATION_REASONS } from '../../../../shared/schemas/registrations.ts';
import { weightedMedian } from '../median.ts';
import type { FigureModule } from '../types.ts';

/** Family registrations per month and referrer type. */
export const registrationsByReferrer: FigureModule = {
  id: 'registrations-by-referrer',
  levels: ['collaboration', 'government'],
  dimensions: [{ key: 'month', values: 'months' }, { key: 'referrerType', values: REFERRER_TYPES }],
  counts: [{ key: 'registrations', unit: 'registrations', additiveOver: ['month', 'referrerType'] }],
  chart: { dimension: 'referrerType', measure: 'registrations' },
  query: (_p, src) => sql`
    select r.collaboration_id, r.month as "month", r.category as "referrerType", sum(r.registrations)::int as "registrations"
    from ${src.registrations('family', 'referrer', { byMonth: true })} r ${src.groupBy(2, 3)}`,
};

/** Family registrations per month and reason; one registration can give several reasons, so reasons do not add up. */
export const registrationsByReason: FigureModule = {
  id: 'registrations-by-reason',
  levels: ['collaboration', 'government'],
  dimensions: [{ key: 'month', values: 'months' }, { key: 'reason', values: REGISTRATION_REASONS }],
  counts: [{ key: 'registrations', unit: 'registrations', additiveOver: ['month'] }],
  chart: { dimension: 'reason', measure: 'registrations' },
  query: (_p, src) => sql`
    select r.collaboration_id, r.month as "month", r.category as "reason", sum(r.registrations)::int as "registrations"
    from ${src.registrations('family', 'reason', { byMonth: true })} r ${src.groupBy(2, 3)}`,
};

/** Consultation questions (advice to a referrer, no trajectory) per month and referrer type. */
export const consultations: FigureModule = {
  id: 'consultations',
  levels: ['collaboration', 'government'],
  dimensions: [{ key: 'month', values: 'months' }, { key: 'referrerType', values: REFERRER_TYPES }],
  counts: [{ key: 'consultations', unit: 'registrations', additiveOver: ['month', 'referrerType'] }],
  chart: { dimension: 'month', measure: 'consultations' },
  query: (_p, src) => sql`
    select r.collaboration_id, r.month as "month", r.category as "referrerType", sum(r.registrations)::int as "consultations"
    from ${src.registrations('consultation', 'referrer', { byMonth: true })} r ${src.groupBy(2, 3)}`,
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
  // From the number of registrations per days to first contact ('none': not yet), per collaboration (and all together).
  query: (_p, src) => sql`
    with h as (
      select r.collaboration_id, nullif(r.category, 'none')::int as v, sum(r.registrations) as n
      from ${src.registrations('family', 'days', { byMonth: false })} r ${src.groupBy(2)}
    )
    select h.collaboration_id,
      sum(h.n)::int as "registrations",
      coalesce(sum(h.n) filter (where h.v <= 7), 0)::int as "days0to7",
      coalesce(sum(h.n) filter (where h.v between 8 and 14), 0)::int as "days8to14",
      coalesce(sum(h.n) filter (where h.v between 15 and 30), 0)::int as "days15to30",
      coalesce(sum(h.n) filter (where h.v between 31 and 60), 0)::int as "days31to60",
      coalesce(sum(h.n) filter (where h.v > 60), 0)::int as "daysOver60",
      coalesce(sum(h.n) filter (where h.v is null), 0)::int as "noContactYet",
      coalesce(sum(h.n) filter (where h.v is not null), 0)::int as "contacted",
      max(md.median)::float8 as "medianDays"
    from h left join ${weightedMedian(sql`h`)} md on md.collaboration_id is not distinct from h.collaboration_id
    group by h.collaboration_id`,
};
