import { sql } from 'drizzle-orm';
import { CLOSURE_REASONS } from '../../../../shared/closure-constants.ts';
import type { FigureModule } from '../types.ts';

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
    select c.collaboration_id,
      count(*)::int as "closedTrajectories",
      (count(*) filter (where c.duration_days <= 91))::int as "upTo3Months",
      (count(*) filter (where c.duration_days between 92 and 182))::int as "months3to6",
      (count(*) filter (where c.duration_days between 183 and 365))::int as "months6to12",
      (count(*) filter (where c.duration_days between 366 and 730))::int as "months12to24",
      (count(*) filter (where c.duration_days > 730))::int as "over24Months",
      (percentile_cont(0.5) within group (order by c.duration_days))::float8 as "medianDurationDays"
    from ${src.closedTrajectories} c ${src.groupBy()}`,
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
  // Per reason: families closed with it, and of them (the amount) those with a warm handover.
  query: (_p, src) => sql`
    select t.collaboration_id, t.category as "closureReason", sum(t.families)::int as "closures",
      sum(t.amount)::int as "withWarmHandover", (sum(t.families) - sum(t.amount))::int as "withoutWarmHandover"
    from ${src.trajectory(['closure'], ['closed'])} t ${src.groupBy(2)}`,
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
    select t.collaboration_id, sum(t.families)::int as "closedFamilies",
      sum(t.amount)::int as "withWarmHandover", (sum(t.families) - sum(t.amount))::int as "withoutWarmHandover"
    from ${src.trajectory(['closure'], ['closed'])} t ${src.groupBy()}`,
};
