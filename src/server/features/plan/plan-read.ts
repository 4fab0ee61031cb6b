import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import { PLAN_SECTION_KEYS } from '../../../shared/plan-constants.ts';
import type { ParticipantOption } from '../../../shared/schemas/families.ts';
import type { Evaluation, Plan, PlanVersionMeta } from '../../../shared/schemas/plan.ts';
import { topicWhere, type FamilyScope } from '../../access/family-scope.ts';
import type { Executor } from '../../db/connection.ts';
import { evaluationGoals, evaluations, familyParticipants, families, lifeDomains, planItems, planVersions, users } from '../../db/schema/index.ts';
import { itemTopic, loadPlanContent, type Names } from './content.ts';
import { familyTemplate } from './templates.ts';

/** Without a template of its own, a plan shows all parts under their standard names. */
export const STANDARD_SECTIONS = PLAN_SECTION_KEYS.map((key) => ({ key, visible: true, labelNl: null, labelEn: null }));

const evaluationTopic = {
  itemType: 'evaluation', id: evaluations.id, lifeDomainId: evaluations.lifeDomainId,
  isPrivate: evaluations.isPrivate, authorParticipantId: evaluations.authorParticipantId,
};

/** Evaluation moments the scope may see, newest first; per evaluation only the goals it may see. */
export async function visibleEvaluations(db: Executor, scope: FamilyScope, names: Names): Promise<Evaluation[]> {
  const rows = await db.select().from(evaluations).where(and(
    eq(evaluations.collaborationId, scope.collaborationId), eq(evaluations.familyId, scope.familyId), isNull(evaluations.deletedAt),
    topicWhere(scope, evaluationTopic),
  )).orderBy(desc(evaluations.heldOn), desc(evaluations.createdAt), desc(evaluations.id));
  if (rows.length === 0) return [];
  // A goal hidden from the asker stays hidden inside an evaluation too: the goal's own topic decides.
  const goals = await db.select({ row: evaluationGoals, goalText: planItems.text }).from(evaluationGoals)
    .innerJoin(planItems, and(eq(planItems.collaborationId, evaluationGoals.collaborationId), eq(planItems.id, evaluationGoals.goalId)))
    .where(and(
      eq(evaluationGoals.collaborationId, scope.collaborationId), inArray(evaluationGoals.evaluationId, rows.map((r) => r.id)),
      eq(planItems.familyId, scope.familyId), topicWhere(scope, itemTopic),
    ))
    .orderBy(asc(planItems.position), asc(planItems.createdAt));
  const nameOf = (id: string | null) => (id ? names.get(id) ?? null : null);
  return rows.map((r) => ({
    id: r.id, heldOn: r.heldOn, summary: r.summary, planVersionId: r.planVersionId, createdAt: r.createdAt.toISOString(), version: r.version,
    authorParticipantId: r.authorParticipantId, authorName: nameOf(r.authorParticipantId),
    onBehalfOfParticipantId: r.onBehalfOfParticipantId, onBehalfOfName: nameOf(r.onBehalfOfParticipantId),
    goals: goals.filter((g) => g.row.evaluationId === r.id).map(({ row: g, goalText }) => ({
      goalId: g.goalId, goalText, lifeDomainId: g.lifeDomainId, wentWell: g.wentWell, gotStuck: g.gotStuck, decision: g.decision,
    })),
  }));
}

/**
 * Everyone who ever took part, in one query: the names that sign the plan (removed people too) and
 * the people still in the circle to choose from.
 */
async function planPeople(db: Executor, scope: FamilyScope): Promise<{ names: Names; participants: ParticipantOption[] }> {
  const rows = await db.select({
    id: familyParticipants.id, displayName: familyParticipants.displayName, role: familyParticipants.role,
    ring: familyParticipants.ring, relation: familyParticipants.relation, removedAt: familyParticipants.removedAt,
  }).from(familyParticipants)
    .where(and(eq(familyParticipants.collaborationId, scope.collaborationId), eq(familyParticipants.familyId, scope.familyId)))
    .orderBy(asc(familyParticipants.ring), asc(familyParticipants.displayName));
  return {
    names: new Map(rows.map((r) => [r.id, r.displayName])),
    participants: rows.filter((r) => r.removedAt === null).map(({ removedAt: _removed, ...option }) => option),
  };
}

/** The newest saved version's description, or null before the first one. */
async function latestVersion(db: Executor, scope: FamilyScope): Promise<PlanVersionMeta | null> {
  const [row] = await db.select({
    id: planVersions.id, number: planVersions.number, reason: planVersions.reason, label: planVersions.label,
    createdAt: planVersions.createdAt, createdByName: users.name,
  }).from(planVersions).leftJoin(users, eq(users.id, planVersions.createdByUserId))
    .where(and(eq(planVersions.collaborationId, scope.collaborationId), eq(planVersions.familyId, scope.familyId)))
    .orderBy(desc(planVersions.number)).limit(1);
  return row ? { ...row, createdAt: row.createdAt.toISOString() } : null;
}

/** The current plan as the scope may see it, with what the screens need to show it. */
export async function loadPlan(db: Executor, scope: FamilyScope, now: Date): Promise<Plan> {
  const [family] = await db.select({ displayName: families.displayName, revision: families.planRevision, planTemplateId: families.planTemplateId })
    .from(families).where(and(eq(families.collaborationId, scope.collaborationId), eq(families.id, scope.familyId)));
  const { names, participants } = await planPeople(db, scope);
  const domains = await db.select({ id: lifeDomains.id, labelNl: lifeDomains.labelNl, labelEn: lifeDomains.labelEn, pictogram: lifeDomains.pictogram })
    .from(lifeDomains).where(and(eq(lifeDomains.collaborationId, scope.collaborationId), isNull(lifeDomains.archivedAt)))
    .orderBy(asc(lifeDomains.position));
  return {
    familyId: scope.familyId, displayName: family!.displayName, revision: family!.revision,
    template: await familyTemplate(db, scope.collaborationId, family!.planTemplateId),
    lifeDomains: domains, participants,
    ...(await loadPlanContent(db, scope, now, names)),
    evaluations: await visibleEvaluations(db, scope, names), latestVersion: await latestVersion(db, scope),
  };
}
