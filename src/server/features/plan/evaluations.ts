import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { EvaluationDecision, GoalStatus } from '../../../shared/plan-constants.ts';
import type { Evaluation, EvaluationInput } from '../../../shared/schemas/plan.ts';
import { requireWriter, topicWhere, type FamilyScope } from '../../access/family-scope.ts';
import type { Executor, Tx } from '../../db/connection.ts';
import { evaluationGoals, evaluations, planItems } from '../../db/schema/index.ts';
import type { RequestContext } from '../../http/context.ts';
import { goalOfFamily, invalidField } from './checks.ts';
import { itemTopic, participantNames } from './content.ts';
import { checkOnBehalfOf, recordChange } from './history.ts';
import { createItem, updateItem, visibleItem } from './items-service.ts';
import { saveVersion } from './versions.ts';

const evaluationTopic = { itemType: 'evaluation', id: evaluations.id, lifeDomainId: evaluations.lifeDomainId, isPrivate: evaluations.isPrivate, authorParticipantId: evaluations.authorParticipantId };

/** What a decision at an evaluation does to the goal's status; carrying on or rewording keeps it open. */
const STATUS_AFTER: Record<EvaluationDecision, GoalStatus> = {
  continue: 'active', change: 'active', reached: 'reached', partly_reached: 'partly_reached', not_reached: 'not_reached', dropped: 'dropped',
};

/** Evaluations newest first; per evaluation only the goals the asker may see. */
export async function listEvaluations(db: Executor, scope: FamilyScope, only?: string): Promise<Evaluation[]> {
  const rows = await db.select().from(evaluations).where(and(
    eq(evaluations.collaborationId, scope.collaborationId), eq(evaluations.familyId, scope.familyId), isNull(evaluations.deletedAt),
    topicWhere(scope, evaluationTopic), only ? eq(evaluations.id, only) : undefined,
  )).orderBy(desc(evaluations.heldOn), desc(evaluations.createdAt));
  if (rows.length === 0) return [];
  const goals = await db.select({ evaluationGoal: evaluationGoals, goalText: planItems.text }).from(evaluationGoals)
    .innerJoin(planItems, and(eq(planItems.collaborationId, evaluationGoals.collaborationId), eq(planItems.id, evaluationGoals.goalId)))
    .where(and(eq(evaluationGoals.collaborationId, scope.collaborationId), inArray(evaluationGoals.evaluationId, rows.map((r) => r.id)), topicWhere(scope, itemTopic)));
  const names = await participantNames(db, scope);
  const nameOf = (id: string | null) => (id ? names.get(id) ?? null : null);
  return rows.map((r) => ({
    id: r.id, heldOn: r.heldOn, summary: r.summary, planVersionId: r.planVersionId, createdAt: r.createdAt.toISOString(), version: r.version,
    authorParticipantId: r.authorParticipantId, authorName: nameOf(r.authorParticipantId),
    onBehalfOfParticipantId: r.onBehalfOfParticipantId, onBehalfOfName: nameOf(r.onBehalfOfParticipantId),
    goals: goals.filter((g) => g.evaluationGoal.evaluationId === r.id).map(({ evaluationGoal: g, goalText }) => ({
      goalId: g.goalId, goalText, lifeDomainId: g.lifeDomainId, wentWell: g.wentWell, gotStuck: g.gotStuck, decision: g.decision,
    })),
  }));
}

/**
 * An evaluation moment, all in one transaction: per goal what went well and what got stuck, the
 * follow-up applied to each goal, the new goals, and the plan saved as a version.
 */
export async function createEvaluation(tx: Tx, ctx: RequestContext, scope: FamilyScope, body: z.output<typeof EvaluationInput>, now: Date): Promise<Evaluation> {
  const writer = requireWriter(scope);
  const onBehalfOf = await checkOnBehalfOf(tx, scope, body.onBehalfOfParticipantId);
  if (new Set(body.goals.map((g) => g.goalId)).size !== body.goals.length) throw invalidField('goals');
  const [row] = await tx.insert(evaluations).values({
    collaborationId: scope.collaborationId, familyId: scope.familyId, heldOn: body.heldOn, summary: body.summary ?? null,
    authorParticipantId: writer.participantId, onBehalfOfParticipantId: onBehalfOf, createdByUserId: ctx.actor?.userId ?? null,
  }).returning({ id: evaluations.id });
  const evaluationId = row!.id;
  for (const [index, g] of body.goals.entries()) {
    const goal = await goalOfFamily(tx, scope, g.goalId, `goals.${index}.goalId`);
    if (g.decision === 'change' && !g.newText) throw invalidField(`goals.${index}.newText`, 'required');
    await tx.insert(evaluationGoals).values({
      collaborationId: scope.collaborationId, evaluationId, goalId: g.goalId, lifeDomainId: goal.lifeDomainId,
      wentWell: g.wentWell ?? null, gotStuck: g.gotStuck ?? null, decision: g.decision,
    });
    const current = await visibleItem(tx, scope, 'goal', g.goalId);
    const status = STATUS_AFTER[g.decision];
    const patch = { ...(status !== current.status && { status }), ...(g.decision === 'change' && g.newText && { text: g.newText }) };
    if (Object.keys(patch).length > 0) await updateItem(tx, ctx, scope, 'goal', g.goalId, current.version, { ...patch, onBehalfOfParticipantId: onBehalfOf });
  }
  for (const goal of body.newGoals) await createItem(tx, ctx, scope, 'goal', { ...goal, onBehalfOfParticipantId: onBehalfOf });
  const version = await saveVersion(tx, ctx, scope, 'evaluation', null, now);
  await tx.update(evaluations).set({ planVersionId: version.id }).where(and(eq(evaluations.collaborationId, scope.collaborationId), eq(evaluations.id, evaluationId)));
  const [created] = await listEvaluations(tx, scope, evaluationId);
  await recordChange(tx, ctx, scope, {
    itemType: 'evaluation', itemId: evaluationId, action: 'create', lifeDomainId: null, isPrivate: false,
    authorParticipantId: writer.participantId, onBehalfOfParticipantId: onBehalfOf, before: null, after: created!,
  });
  return created!;
}
