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
    select ${src.collaboration('tr')} as collaboration_id,
      (count(*) filter (where tr.started_on >= ${src.from}))::int as "started",
      (count(*) filter (where tr.closed_on <= ${src.to}))::int as "closed",
      (count(*) filter (where tr.closed_on is null or tr.closed_on > ${src.to}))::int as "activeAtEnd"
    from ${src.trajectories} ${src.groupBy()}`,
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
    select ${src.collaboration('x')} as collaboration_id, count(*)::int as "families",
      (count(*) filter (where x.ring2))::int as "withRing2", (count(*) filter (where not x.ring2))::int as "withoutRing2"
    from (
      select tr.collaboration_id, np.family_id is not null as ring2
      from ${src.trajectories}
      left join (
        select distinct collaboration_id, family_id from network_people
        where ${src.collaborationIn('collaboration_id')} and ring = 2 and deleted_at is null and status <> 'declined'
      ) np on np.collaboration_id = tr.collaboration_id and np.family_id = tr.family_id
    ) x ${src.groupBy()}`,
};
