import type { PlanComparison, PlanContent, PlanItem, PlanVersion } from '../../../shared/schemas/plan.ts';

const CLOSED_WELL = new Set(['reached', 'partly_reached']);

/**
 * "Where we started": what changed between a saved version and now, in the terms a family uses —
 * goals reached, worries that shrank or went away, strengths that grew. Pure: both sides were
 * already read through the asker's access scope.
 */
export function comparePlans(from: PlanVersion, now: PlanContent): PlanComparison {
  const byId = <T extends { id: string }>(items: T[]) => new Map(items.map((i) => [i.id, i]));
  const thenGoals = byId(from.goals);
  const thenWorries = byId(from.worries);
  const thenStrengths = byId(from.strengths);
  const nowWorries = byId(now.worries);
  const change = (item: PlanItem, before: number | null, after: number | null) => ({ item, before, after });

  const goalsReached = now.goals.filter((g) => CLOSED_WELL.has(g.status) && !CLOSED_WELL.has(thenGoals.get(g.id)?.status ?? ''));
  const goalsProgressed = now.goals.flatMap((g) => {
    const before = thenGoals.get(g.id)?.progress ?? null;
    return before !== null && g.progress !== null && g.progress > before ? [change(g, before, g.progress)] : [];
  });
  const worriesShrunk = now.worries.flatMap((w) => {
    const before = thenWorries.get(w.id)?.size ?? null;
    return before !== null && w.size !== null && w.size < before ? [change(w, before, w.size)] : [];
  });
  const strengthsGrown = now.strengths.flatMap((s) => {
    const before = thenStrengths.get(s.id)?.size ?? null;
    return before !== null && s.size !== null && s.size > before ? [change(s, before, s.size)] : [];
  });
  const doneThen = new Set(from.agreements.filter((a) => a.status === 'done').map((a) => a.id));
  return {
    from: from.meta,
    goalsReached,
    goalsNew: now.goals.filter((g) => !thenGoals.has(g.id)),
    goalsProgressed,
    worriesShrunk,
    worriesGone: from.worries.filter((w) => !nowWorries.has(w.id)),
    strengthsGrown,
    strengthsNew: now.strengths.filter((s) => !thenStrengths.has(s.id)),
    agreementsDone: now.agreements.filter((a) => a.status === 'done' && !doneThen.has(a.id)).length,
  };
}
