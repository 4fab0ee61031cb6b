import { sql } from 'drizzle-orm';
import { GOAL_STATUSES } from '../../../../shared/plan-constants.ts';
import { PICTOGRAM_KEYS } from '../../../../shared/pictograms.ts';
import type { FigureModule } from '../types.ts';

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
    select t.collaboration_id, t.category as "lifeDomain", sum(t.families)::int as "families", sum(t.amount)::int as "goals"
    from ${src.trajectory(['goal_domain'], ['overlap'])} t ${src.groupBy(2)}`,
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
    select t.collaboration_id, t.category as "status", sum(t.families)::int as "families", sum(t.amount)::int as "goals"
    from ${src.trajectory(['goal_status'], ['overlap'])} t ${src.groupBy(2)}`,
};
