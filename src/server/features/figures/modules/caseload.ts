import { sql } from 'drizzle-orm';
import type { FigureModule } from '../types.ts';

/**
 * Caseload per coach, for the collaboration itself (never in the government view: it names people):
 * the families the coach coaches that were in a trajectory during the period, and the hours of the
 * contact moments the coach wrote in the period for the families they coach. Only this
 * collaboration's families count: a coach working in two collaborations has a caseload in each.
 */
export const caseload: FigureModule = {
  id: 'caseload',
  levels: ['collaboration'],
  dimensions: [{ key: 'coach' }, { key: 'partnerOrganisation' }],
  counts: [{ key: 'families', unit: 'families' }],
  values: [{ key: 'hours', unit: 'hours', base: 'families' }],
  chart: { dimension: 'coach', measure: 'families' },
  query: (_p, src) => sql`
    select cf.collaboration_id, u.name as "coach", coalesce(po.name, '') as "partnerOrganisation",
      cf.families::int as "families", round(coalesce(cm.minutes, 0)::numeric / 60, 1)::float8 as "hours"
    from ${src.coachFamilies} cf
    join users u on u.id = cf.user_id
    left join ${src.coachMinutes} cm on cm.collaboration_id = cf.collaboration_id and cm.user_id = cf.user_id
    left join memberships m on m.collaboration_id = cf.collaboration_id and m.user_id = cf.user_id
    left join partner_organisations po on po.collaboration_id = m.collaboration_id and po.id = m.partner_organisation_id`,
};

/** The caseload summed up: coaches with families, families per coach and hours per family. */
export const caseloadSummary: FigureModule = {
  id: 'caseload-summary',
  levels: ['collaboration', 'government'],
  dimensions: [],
  counts: [
    { key: 'coaches', unit: 'coaches', protectedBy: 'families' },
    { key: 'families', unit: 'families', hidden: true },
  ],
  values: [
    { key: 'familiesPerCoach', unit: 'families', base: 'families' },
    { key: 'hoursPerFamily', unit: 'hours', base: 'families' },
  ],
  // Counted per collaboration (a family and a coach belong to one collaboration's count), then
  // summed: Flanders (grouping sets) is the sum of the collaborations' counts. `coached` families
  // have a coach; their amount is their number of coaches, so it sums to the family-coach pairs.
  query: (_p, src) => sql`
    select x.collaboration_id, sum(x.coaches)::int as "coaches", sum(x.families)::int as "families",
      round(sum(x.pairs)::numeric / nullif(sum(x.coaches), 0), 1)::float8 as "familiesPerCoach",
      round(sum(x.minutes)::numeric / 60 / nullif(sum(x.families), 0), 1)::float8 as "hoursPerFamily"
    from (
      select t.collaboration_id, 0 as coaches, t.families, t.amount as pairs, 0 as minutes from ${src.trajectory(['coached'], ['overlap'])} t
      union all select c.collaboration_id, c.coaches, 0, 0, 0 from ${src.coaches} c
      union all select m.collaboration_id, 0, 0, 0, m.minutes from ${src.coachMinutes} m
    ) x ${src.groupBy()}`,
};
