import { sql } from 'drizzle-orm';
import { CLOSURE_REASONS } from '../../../../shared/closure-constants.ts';
import type { FigureModule } from '../types.ts';

/** The closures in force of the trajectories closed in the period (a reopened family has none). */
const closedIn = (src: Parameters<FigureModule['query']>[1]) => sql`
  ${src.trajectories} join family_closures fc on fc.collaboration_id = tr.collaboration_id and fc.id = tr.closure_id
  where tr.closed_on <= ${src.to}`;

/**
 * How long the trajectories closed in the period lasted (`duration_days`: Brussels days from the
 * start to the closure): buckets of about 3, 6, 12 and 24 months that add up to all of them, and the median.
 */
export const trajectoryDuration: FigureModule = {
  id: 'trajectory-duration',
  levels: ['collaboration', 'government'],
  dimensions: [],
  counts: [
    { key: 'closedTrajectories', unit: 'families' },
    { key: 'upTo3Months', unit: 'families' },
    { key: 'months3to6', unit: 'families' },
    { key: 'months6to12', unit: 'families' },
    { key: 'months12to24', unit: 'families' },
    { key: 'over24Months', unit: 'families' },
  ],
  rowSums: [{ total: 'closedTrajectories', parts: ['upTo3Months', 'months3to6', 'months6to12', 'months12to24', 'over24Months'] }],
  values: [{ key: 'medianDurationDays', unit: 'days', base: 'closedTrajectories' }],
  chart: { parts: ['upTo3Months', 'months3to6', 'months6to12', 'months12to24', 'over24Months'] },
  query: (_p, src) => sql`
    select ${src.collaboration('tr')} as collaboration_id,
      count(*)::int as "closedTrajectories",
      (count(*) filter (where fc.duration_days <= 91))::int as "upTo3Months",
      (count(*) filter (where fc.duration_days between 92 and 182))::int as "months3to6",
      (count(*) filter (where fc.duration_days between 183 and 365))::int as "months6to12",
      (count(*) filter (where fc.duration_days between 366 and 730))::int as "months12to24",
      (count(*) filter (where fc.duration_days > 730))::int as "over24Months",
      (percentile_cont(0.5) within group (order by fc.duration_days))::float8 as "medianDurationDays"
    from ${closedIn(src)} ${src.groupBy()}`,
};

/** Why the trajectories closed in the period ended, and how many of each ended with a warm handover. */
export const closureReasons: FigureModule = {
  id: 'closure-reasons',
  levels: ['collaboration', 'government'],
  dimensions: [{ key: 'closureReason', values: CLOSURE_REASONS }],
  counts: [
    { key: 'closures', unit: 'families', additiveOver: ['closureReason'] },
    { key: 'withWarmHandover', unit: 'families', additiveOver: ['closureReason'] },
    { key: 'withoutWarmHandover', unit: 'families', additiveOver: ['closureReason'] },
  ],
  rowSums: [{ total: 'closures', parts: ['withWarmHandover', 'withoutWarmHandover'] }],
  shares: [{ key: 'warmHandoverShare', numerator: ['withWarmHandover'], denominator: 'closures' }],
  chart: { dimension: 'closureReason', measure: 'closures' },
  query: (_p, src) => sql`
    select ${src.collaboration('tr')} as collaboration_id, fc.reason as "closureReason", count(*)::int as "closures",
      (count(*) filter (where fc.warm_handover))::int as "withWarmHandover",
      (count(*) filter (where not fc.warm_handover))::int as "withoutWarmHandover"
    from ${closedIn(src)} ${src.groupBy(2)}`,
};

/** Of all trajectories closed in the period: how many ended with a warm handover to another service. */
export const warmHandovers: FigureModule = {
  id: 'warm-handovers',
  levels: ['collaboration', 'government'],
  dimensions: [],
  counts: [
    { key: 'closedFamilies', unit: 'families' },
    { key: 'withWarmHandover', unit: 'families' },
    { key: 'withoutWarmHandover', unit: 'families' },
  ],
  rowSums: [{ total: 'closedFamilies', parts: ['withWarmHandover', 'withoutWarmHandover'] }],
  shares: [{ key: 'warmHandoverShare', numerator: ['withWarmHandover'], denominator: 'closedFamilies' }],
  chart: { parts: ['withWarmHandover', 'withoutWarmHandover'] },
  query: (_p, src) => sql`
    select ${src.collaboration('tr')} as collaboration_id, count(*)::int as "closedFamilies",
      (count(*) filter (where fc.warm_handover))::int as "withWarmHandover",
      (count(*) filter (where not fc.warm_handover))::int as "withoutWarmHandover"
    from ${closedIn(src)} ${src.groupBy()}`,
};
