import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { EvaluationDecision, GoalStatus } from '../../../shared/plan-constants.ts';
import type { Evaluation, EvaluationInput } from '../../../shared/schemas/plan.ts';
import { requireWriter, type FamilyScope } from '../../access/family-scope.ts';
import type { Executor, Tx } from '../../db/connection.ts';
import { evaluationGoals, evaluations } from '../../db/schema/index.ts';
import type { RequestContext } from '../../http/context.ts';
import { goalOfFamily, invalidField } from './checks.ts';
import { participantNames } from './content.ts';
import { visibleEvaluations } from './plan-read.ts';
import { checkOnBehalfOf, recordChange } from './history.ts';
import { createItem, updateItem, visibleItem } from './items-service.ts';
import { saveVersion } from './versions.ts';

/** What a decision at an evaluation does to the goal's status; carrying on or rewording keeps it open. */
const STATUS_AFTER: Record<EvaluationDecision, GoalStatus> = {
  continue: 'active', change: 'active', reached: 'reached', partly_reached: 'partly_reached', not_reached: 'not_reached', dropped: 'dropped',
};

/** Evaluations newest first (or one), each with only the goals the asker may see. */
export async function listEvaluations(db: Executor, scope: FamilyScope, only?: string): Promise<Evaluation[]> {
  const all = await visibleEvaluations(db, scope, await participantNames(db, scope));
  return only ? all.filter((e) => e.id === only) : all;
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
