import { and, eq, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Agreement, AgreementInput } from '../../../shared/schemas/plan.ts';
import { requireContributor, requireInCircle, type FamilyScope } from '../../access/family-scope.ts';
import type { Tx } from '../../db/connection.ts';
import { agreements } from '../../db/schema/index.ts';
import type { RequestContext } from '../../http/context.ts';
import { notFound } from '../../http/errors.ts';
import { assertUpdated, assertVersion } from '../../http/etag.ts';
import { checkLifeDomain, checkParticipants, checkPrivacyChange, checkPrivateAllowed, goalOfFamily } from './checks.ts';
import { loadAgreements, participantNames, presentAgreement } from './content.ts';
import { checkOnBehalfOf, recordChange } from './history.ts';

type Input = z.output<typeof AgreementInput>;

const topicOf = (a: Agreement) => ({ lifeDomainId: a.lifeDomainId, isPrivate: a.isPrivate, authorParticipantId: a.authorParticipantId });

export async function visibleAgreement(tx: Tx, scope: FamilyScope, id: string, now: Date): Promise<Agreement> {
  const [found] = await loadAgreements(tx, scope, await participantNames(tx, scope), now, { id });
  if (!found) throw notFound();
  return found;
}

/**
 * An agreement serving a goal belongs to the goal's life domain (so it is shared exactly as far as
 * its goal); without a goal, to its own. A life domain sent for an agreement with a goal is ignored.
 */
async function resolvedColumns(tx: Tx, scope: FamilyScope, body: Partial<Input>, currentGoalId: string | null = null) {
  if (body.ownerParticipantId) await checkParticipants(tx, scope, [body.ownerParticipantId], 'ownerParticipantId', false);
  const goal = body.goalId ? await goalOfFamily(tx, scope, body.goalId) : null;
  const servesGoal = body.goalId !== undefined ? body.goalId !== null : currentGoalId !== null;
  if (!servesGoal) await checkLifeDomain(tx, scope, body.lifeDomainId);
  return {
    ...(body.what !== undefined && { what: body.what }),
    ...(body.ownerParticipantId !== undefined && { ownerParticipantId: body.ownerParticipantId }),
    ...(body.dueDate !== undefined && { dueDate: body.dueDate }),
    ...(body.status !== undefined && { status: body.status }),
    ...(body.isPrivate !== undefined && { isPrivate: body.isPrivate }),
    ...(body.goalId !== undefined && { goalId: body.goalId }),
    ...(goal ? { lifeDomainId: goal.lifeDomainId } : !servesGoal && body.lifeDomainId !== undefined && { lifeDomainId: body.lifeDomainId }),
  };
}

export async function createAgreement(tx: Tx, ctx: RequestContext, scope: FamilyScope, body: Input, now: Date): Promise<Agreement> {
  requireInCircle(scope);
  const onBehalfOf = await checkOnBehalfOf(tx, scope, body.onBehalfOfParticipantId);
  checkPrivateAllowed(scope, body.isPrivate, onBehalfOf);
  const columns = await resolvedColumns(tx, scope, body);
  const writer = await requireContributor(tx, scope, 'lifeDomainId' in columns ? columns.lifeDomainId : body.lifeDomainId);
  const [last] = await tx.select({ max: sql<number>`coalesce(max(${agreements.position}), -1)::int` }).from(agreements)
    .where(and(eq(agreements.collaborationId, scope.collaborationId), eq(agreements.familyId, scope.familyId)));
  const [row] = await tx.insert(agreements).values({
    collaborationId: scope.collaborationId, familyId: scope.familyId, what: body.what, ownerParticipantId: body.ownerParticipantId,
    ...columns, position: (last?.max ?? -1) + 1,
    authorParticipantId: writer.participantId, onBehalfOfParticipantId: onBehalfOf, createdByUserId: ctx.actor?.userId ?? null,
  }).returning({ id: agreements.id });
  const created = await visibleAgreement(tx, scope, row!.id, now);
  await recordChange(tx, ctx, scope, { itemType: 'agreement', itemId: created.id, action: 'create', ...topicOf(created), onBehalfOfParticipantId: onBehalfOf, before: null, after: created });
  return created;
}

export async function updateAgreement(
  tx: Tx, ctx: RequestContext, scope: FamilyScope, id: string, expected: number, patch: Partial<Input>, now: Date,
): Promise<Agreement> {
  const before = await visibleAgreement(tx, scope, id, now);
  // Out of sight answers 404 first, exactly like an id that does not exist; in sight but read-only is 403.
  await requireContributor(tx, scope, before.lifeDomainId, before.authorParticipantId);
  assertVersion(before.version, expected);
  checkPrivacyChange(scope, before, patch.isPrivate);
  const onBehalfOf = await checkOnBehalfOf(tx, scope, patch.onBehalfOfParticipantId);
  const columns = await resolvedColumns(tx, scope, patch, before.goalId);
  if ('lifeDomainId' in columns) await requireContributor(tx, scope, columns.lifeDomainId, before.authorParticipantId);
  const updated = await tx.update(agreements)
    .set({ ...columns, version: sql`${agreements.version} + 1`, updatedAt: sql`now()`, ...(onBehalfOf && { onBehalfOfParticipantId: onBehalfOf }) })
    .where(and(eq(agreements.collaborationId, scope.collaborationId), eq(agreements.id, id), eq(agreements.version, expected)))
    .returning({ id: agreements.id });
  assertUpdated(updated);
  const after = await visibleAgreement(tx, scope, id, now);
  await recordChange(tx, ctx, scope, { itemType: 'agreement', itemId: id, action: 'update', ...topicOf(after), onBehalfOfParticipantId: onBehalfOf, before, after });
  return after;
}

export async function deleteAgreement(tx: Tx, ctx: RequestContext, scope: FamilyScope, id: string, expected: number, now: Date): Promise<void> {
  const before = await visibleAgreement(tx, scope, id, now);
  await requireContributor(tx, scope, before.lifeDomainId, before.authorParticipantId);
  assertVersion(before.version, expected);
  await tx.update(agreements).set({ deletedAt: sql`now()`, version: sql`${agreements.version} + 1` })
    .where(and(eq(agreements.collaborationId, scope.collaborationId), eq(agreements.id, id)));
  await recordChange(tx, ctx, scope, { itemType: 'agreement', itemId: id, action: 'delete', ...topicOf(before), before, after: null });
}

/**
 * A goal moved to another life domain takes its agreements along, so they stay shared exactly as
 * far as the goal. Every agreement of the goal follows, also ones the asker cannot see (another
 * member's private agreement): this is the file's consistency, not a read; each move is in the
 * history, which hides it from whoever may not see the agreement.
 */
export async function followGoalDomain(tx: Tx, ctx: RequestContext, scope: FamilyScope, goalId: string, lifeDomainId: string | null, now: Date): Promise<void> {
  const rows = await tx.select().from(agreements).where(and(
    eq(agreements.collaborationId, scope.collaborationId), eq(agreements.familyId, scope.familyId), eq(agreements.goalId, goalId),
    isNull(agreements.deletedAt), sql`${agreements.lifeDomainId} is distinct from ${lifeDomainId}`,
  )).for('update');
  if (rows.length === 0) return;
  const names = await participantNames(tx, scope);
  for (const row of rows) {
    const [moved] = await tx.update(agreements).set({ lifeDomainId, version: sql`${agreements.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(agreements.collaborationId, scope.collaborationId), eq(agreements.id, row.id))).returning();
    const before = presentAgreement(row, names, now);
    const after = presentAgreement(moved!, names, now);
    await recordChange(tx, ctx, scope, { itemType: 'agreement', itemId: row.id, action: 'update', ...topicOf(after), before, after });
  }
}
