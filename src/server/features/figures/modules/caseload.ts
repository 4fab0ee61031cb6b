import { sql } from 'drizzle-orm';
import type { FigureModule } from '../types.ts';

type Src = Parameters<FigureModule['query']>[1];

/**
 * One row per family and coach: the families a coach coaches in a trajectory during the period,
 * with the minutes of the contact moments that coach wrote for the family in the period. Only this
 * collaboration's families count: a coach working in two collaborations has a caseload in each.
 */
const familyCoaches = (src: Src) => sql`(
  select tr.collaboration_id, tr.family_id, fp.user_id, coalesce(cm.minutes, 0) as minutes
  from ${src.trajectories}
  join family_participants fp on fp.collaboration_id = tr.collaboration_id and fp.family_id = tr.family_id
    and fp.role = 'coach' and fp.removed_at is null and fp.user_id is not null
  left join ${src.contactMinutes} on cm.collaboration_id = tr.collaboration_id and cm.family_id = tr.family_id and cm.user_id = fp.user_id
) fc`;

/** Caseload per coach, for the collaboration itself (never in the government view: it names people). */
export const caseload: FigureModule = {
  id: 'caseload',
  levels: ['collaboration'],
  dimensions: [{ key: 'coach' }, { key: 'partnerOrganisation' }],
  counts: [{ key: 'families', unit: 'families' }],
  values: [{ key: 'hours', unit: 'hours', base: 'families' }],
  chart: { dimension: 'coach', measure: 'families' },
  query: (_p, src) => sql`
    select ${src.collaboration('fc')} as collaboration_id, u.name as "coach", coalesce(po.name, '') as "partnerOrganisation",
      count(*)::int as "families", round(sum(fc.minutes)::numeric / 60, 1)::float8 as "hours"
    from ${familyCoaches(src)}
    join users u on u.id = fc.user_id
    left join memberships m on m.collaboration_id = fc.collaboration_id and m.user_id = fc.user_id
    left join partner_organisations po on po.collaboration_id = m.collaboration_id and po.id = m.partner_organisation_id
    group by 1, 2, 3, fc.user_id`,
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
  // Counted per collaboration first (a family and a coach belong to one collaboration's count), then
  // summed: Flanders (grouping sets) is the sum of the collaborations' counts, with no second scan.
  query: (_p, src) => sql`
    select ${src.collaboration('pc')} as collaboration_id, sum(pc.coaches)::int as "coaches", sum(pc.families)::int as "families",
      round(sum(pc.pairs)::numeric / nullif(sum(pc.coaches), 0), 1)::float8 as "familiesPerCoach",
      round(sum(pc.minutes)::numeric / 60 / nullif(sum(pc.families), 0), 1)::float8 as "hoursPerFamily"
    from (
      select fc.collaboration_id, count(distinct fc.user_id) as coaches, count(distinct fc.family_id) as families,
        count(*) as pairs, sum(fc.minutes) as minutes
      from ${familyCoaches(src)} group by 1
    ) pc ${src.groupBy()}`,
};
