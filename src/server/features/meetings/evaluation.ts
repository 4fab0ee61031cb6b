import { sql } from 'drizzle-orm';
import type { FamilyScope } from '../../access/family-scope.ts';
import { rowsOf, type Executor } from '../../db/connection.ts';
import { TIME_ZONE } from '../registrations/timing.ts';


export interface EvaluationProposal {
  /** The proposed date of the next evaluation round (Brussels calendar day), or null without agreements. */
  dueOn: string | null;
  intervalMonths: number;
  /** An evaluation round already planned since the last one: then the proposal is that meeting. */
  plannedMeetingId: string | null;
}

/** The day the next evaluation counts from: the last evaluation, else the plan's first agreement. */
const baseDay = (f: string) => `coalesce(
  (select max(e.held_on) from evaluations e where e.collaboration_id = ${f}.collaboration_id and e.family_id = ${f}.id and e.deleted_at is null),
  (select (min(a.created_at) at time zone '${TIME_ZONE}')::date from agreements a where a.collaboration_id = ${f}.collaboration_id and a.family_id = ${f}.id and a.deleted_at is null))`;

const interval = (f: string) => `(select c.evaluation_interval_months from collaborations c where c.id = ${f}.collaboration_id)`;

/**
 * When the next evaluation is due, per family (alias `f` of `families`), in one place for the
 * proposal, the agenda and the reminder job: the collaboration's interval after the base day.
 * Null for a plan without agreements.
 */
export const evaluationDueExpr = (f: string) => `((${baseDay(f)} + make_interval(months => ${interval(f)}))::date)`;

/** The first evaluation round planned after the base day (status planned), if any. */
export const plannedEvaluationExpr = (f: string) => `(select m.id from meetings m
  where m.collaboration_id = ${f}.collaboration_id and m.family_id = ${f}.id and m.kind = 'evaluation' and m.status = 'planned'
    and m.deleted_at is null and (m.starts_at at time zone '${TIME_ZONE}')::date >= ${baseDay(f)}
  order by m.starts_at limit 1)`;

/** The proposal for one family (the caller checks the scope: the family and its coaches). */
export async function evaluationProposal(db: Executor, scope: FamilyScope): Promise<EvaluationProposal> {
  const [row] = rowsOf<{ dueOn: string | null; intervalMonths: number; planned: string | null }>(await db.execute(sql`
    select ${sql.raw(evaluationDueExpr('f'))}::text as "dueOn", ${sql.raw(interval('f'))} as "intervalMonths", ${sql.raw(plannedEvaluationExpr('f'))} as planned
    from families f where f.collaboration_id = ${scope.collaborationId} and f.id = ${scope.familyId}`));
  return { dueOn: row?.dueOn ?? null, intervalMonths: Number(row?.intervalMonths ?? 3), plannedMeetingId: row?.dueOn ? row.planned : null };
}
