import { sql } from 'drizzle-orm';
import type { FigureModule } from '../types.ts';

/*
 * Round tables held: of kind round table (not an evaluation round), not cancelled or deleted, on a
 * day of the family's trajectory that has passed (Brussels days; a round table counts from the day
 * after it).
 */

/** Round tables held per month, and the families they were held with. */
export const roundTables: FigureModule = {
  id: 'round-tables',
  levels: ['collaboration', 'government'],
  dimensions: [{ key: 'month', values: 'months' }],
  counts: [
    { key: 'roundTableFamilies', unit: 'families' },
    { key: 'roundTables', unit: 'meetings', additiveOver: ['month'], protectedBy: 'roundTableFamilies' },
  ],
  chart: { dimension: 'month', measure: 'roundTables' },
  query: (_p, src) => sql`
    select r.collaboration_id, r.month as "month", sum(r.families)::int as "roundTableFamilies", sum(r.meetings)::int as "roundTables"
    from ${src.roundTableMonths} r ${src.groupBy(2)}`,
};

/** Of the families in a trajectory during the period: how many had at least one round table held in it. */
export const roundTableFamilies: FigureModule = {
  id: 'round-table-families',
  levels: ['collaboration', 'government'],
  dimensions: [],
  counts: [
    { key: 'familiesInTrajectory', unit: 'families' },
    { key: 'withRoundTable', unit: 'families' },
    { key: 'withoutRoundTable', unit: 'families' },
  ],
  rowSums: [{ total: 'familiesInTrajectory', parts: ['withRoundTable', 'withoutRoundTable'] }],
  shares: [{ key: 'withRoundTableShare', numerator: ['withRoundTable'], denominator: 'familiesInTrajectory' }],
  chart: { parts: ['withRoundTable', 'withoutRoundTable'] },
  query: (_p, src) => sql`
    select x.collaboration_id, x.families::int as "familiesInTrajectory", x.held::int as "withRoundTable", (x.families - x.held)::int as "withoutRoundTable"
    from (
      select y.collaboration_id, sum(y.families) as families, sum(y.held) as held from (
        select t.collaboration_id, t.families, 0 as held from ${src.trajectory(['trajectories'], ['overlap'])} t
        union all select r.collaboration_id, 0, r.families from ${src.roundTableFamilies} r where r.measure = 'round_tables'
      ) y ${src.groupBy()}
    ) x`,
};

/**
 * The informal network at the table: of the families with a round table held in the period, how
 * many had ring-2 people (grandparents, neighbours, friends in the family's circle) invited to or
 * attending an agenda item of one of those round tables.
 */
export const roundTableNetwork: FigureModule = {
  id: 'round-table-network',
  levels: ['collaboration', 'government'],
  dimensions: [],
  counts: [
    { key: 'familiesWithRoundTable', unit: 'families' },
    { key: 'withRing2AtTable', unit: 'families' },
    { key: 'withoutRing2AtTable', unit: 'families' },
  ],
  rowSums: [{ total: 'familiesWithRoundTable', parts: ['withRing2AtTable', 'withoutRing2AtTable'] }],
  shares: [{ key: 'ring2AtTableShare', numerator: ['withRing2AtTable'], denominator: 'familiesWithRoundTable' }],
  chart: { parts: ['withRing2AtTable', 'withoutRing2AtTable'] },
  query: (_p, src) => sql`
    select x.collaboration_id, x.held::int as "familiesWithRoundTable", x.ring2::int as "withRing2AtTable", (x.held - x.ring2)::int as "withoutRing2AtTable"
    from (
      select r.collaboration_id,
        coalesce(sum(r.families) filter (where r.measure = 'round_tables'), 0) as held,
        coalesce(sum(r.families) filter (where r.measure = 'ring2_round_tables'), 0) as ring2
      from ${src.roundTableFamilies} r ${src.groupBy()}
    ) x`,
};
