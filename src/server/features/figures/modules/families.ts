import { sql } from 'drizzle-orm';
import type { FigureModule } from '../types.ts';

/**
 * Trajectories: started in the period, closed in the period, and still active at its end (a
 * family reopened counts as active).
 */
export const familyTrajectories: FigureModule = {
  id: 'families',
  levels: ['collaboration', 'government'],
  dimensions: [],
  counts: [
    { key: 'started', unit: 'families' },
    { key: 'closed', unit: 'families' },
    { key: 'activeAtEnd', unit: 'families' },
  ],
  chart: { parts: ['started', 'closed', 'activeAtEnd'] },
  query: (_p, src) => sql`
    select t.collaboration_id,
      coalesce(sum(t.families) filter (where t.part = 'started'), 0)::int as "started",
      coalesce(sum(t.families) filter (where t.part = 'closed'), 0)::int as "closed",
      coalesce(sum(t.families) filter (where t.part = 'activeAtEnd'), 0)::int as "activeAtEnd"
    from ${src.trajectory(['trajectories'], ['started', 'closed', 'activeAtEnd'])} t ${src.groupBy()}`,
};

/**
 * The informal network: of the families in a trajectory during the period, how many have ring-2
 * people (grandparents, neighbours, friends) in their network who did not decline.
 */
export const informalNetwork: FigureModule = {
  id: 'informal-network',
  levels: ['collaboration', 'government'],
  dimensions: [],
  counts: [
    { key: 'families', unit: 'families' },
    { key: 'withRing2', unit: 'families' },
    { key: 'withoutRing2', unit: 'families' },
  ],
  rowSums: [{ total: 'families', parts: ['withRing2', 'withoutRing2'] }],
  chart: { parts: ['withRing2', 'withoutRing2'] },
  shares: [{ key: 'withRing2Share', numerator: ['withRing2'], denominator: 'families' }],
  query: (_p, src) => sql`
    select x.collaboration_id, x.families::int as "families", x.ring2::int as "withRing2", (x.families - x.ring2)::int as "withoutRing2"
    from (
      select t.collaboration_id,
        coalesce(sum(t.families) filter (where t.measure = 'trajectories'), 0) as families,
        coalesce(sum(t.families) filter (where t.measure = 'ring2'), 0) as ring2
      from ${src.trajectory(['trajectories', 'ring2'], ['overlap'])} t ${src.groupBy()}
    ) x`,
};
