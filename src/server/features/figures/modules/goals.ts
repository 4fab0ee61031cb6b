import { sql } from 'drizzle-orm';
import { GOAL_STATUSES } from '../../../../shared/plan-constants.ts';
import { PICTOGRAM_KEYS } from '../../../../shared/pictograms.ts';
import type { FigureModule } from '../types.ts';

/** The goals of the families in a trajectory during the period (not deleted). */
const goalsOf = (src: Parameters<FigureModule['query']>[1]) => sql`
  ${src.trajectories} join plan_items g on g.collaboration_id = tr.collaboration_id and g.family_id = tr.family_id
    and g.kind = 'goal' and g.deleted_at is null`;

/**
 * Life domains of goals. Each collaboration keeps its own list of life domains; they are compared
 * through their pictogram (housing, money, …), the vocabulary all collaborations share.
 * A family with goals on two domains counts on both, so families do not add up; goals do.
 */
export const goalDomains: FigureModule = {
  id: 'goal-domains',
  levels: ['collaboration', 'government'],
  dimensions: [{ key: 'lifeDomain', values: [...PICTOGRAM_KEYS, 'none'] }],
  counts: [
    { key: 'families', unit: 'families' },
    { key: 'goals', unit: 'goals', additiveOver: ['lifeDomain'], protectedBy: 'families' },
  ],
  chart: { dimension: 'lifeDomain', measure: 'goals' },
  query: (_p, src) => sql`
    select ${src.collaboration('pf')} as collaboration_id, pf.domain as "lifeDomain", count(*)::int as "families", sum(pf.goals)::int as "goals"
    from (
      select tr.collaboration_id, tr.family_id, coalesce(ld.pictogram, 'none') as domain, count(*) as goals
      from ${goalsOf(src)}
      left join life_domains ld on ld.collaboration_id = g.collaboration_id and ld.id = g.life_domain_id
      group by 1, 2, 3
    ) pf ${src.groupBy(2)}`,
};

/** Where the goals stand: reached, partly, not, dropped, or still being worked on. */
export const goalOutcomes: FigureModule = {
  id: 'goal-outcomes',
  levels: ['collaboration', 'government'],
  dimensions: [{ key: 'status', values: GOAL_STATUSES }],
  counts: [
    { key: 'families', unit: 'families' },
    { key: 'goals', unit: 'goals', additiveOver: ['status'], protectedBy: 'families' },
  ],
  chart: { dimension: 'status', measure: 'goals' },
  query: (_p, src) => sql`
    select ${src.collaboration('pf')} as collaboration_id, pf.status as "status", count(*)::int as "families", sum(pf.goals)::int as "goals"
    from (select tr.collaboration_id, tr.family_id, g.status, count(*) as goals from ${goalsOf(src)} group by 1, 2, 3) pf
    ${src.groupBy(2)}`,
};
