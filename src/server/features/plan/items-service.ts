import { and, eq, sql } from 'drizzle-orm';
import type { PlanItem } from '../../../shared/schemas/plan.ts';
import type { GoalStatus, PlanItemKind } from '../../../shared/plan-constants.ts';
import { requireContributor, requireWriter, type FamilyScope } from '../../access/family-scope.ts';
import { refuseCoachWithoutLead } from '../../access/coordination.ts';
import type { Tx } from '../../db/connection.ts';
import { families, planItemMembers, planItems } from '../../db/schema/index.ts';
import type { RequestContext } from '../../http/context.ts';
import { notFound } from '../../http/errors.ts';
import { assertUpdated, assertVersion } from '../../http/etag.ts';
import { followGoalDomain } from './agreements-service.ts';
import { checkLifeDomain, checkParticipants, checkPrivacyChange, checkPrivateAllowed, invalidField } from './checks.ts';
import { loadItems, participantNames } from './content.ts';
import { checkOnBehalfOf, recordChange } from './history.ts';

/** Any kind's create body, after zod: the fields a kind does not have are simply absent. */
export interface ItemInput {
  text: string;
  memberIds: string[];
  isPrivate: boolean;
  onBehalfOfParticipantId?: string | null | undefined;
  lifeDomainId?: string | null | undefined;
  size?: number | null | undefined;
  whyItMatters?: string | null | undefined;
  targetDate?: string | null | undefined;
  progress?: number | null | undefined;
  status?: GoalStatus | undefined;
}
export type ItemPatch = Partial<ItemInput>;

const topicOf = (item: PlanItem) => ({ lifeDomainId: item.lifeDomainId, isPrivate: item.isPrivate, authorParticipantId: item.authorParticipantId });

/** One visible item of this kind, presented, or 404 exactly like an id that does not exist. */
export async function visibleItem(tx: Tx, scope: FamilyScope, kind: PlanItemKind, id: string): Promise<PlanItem> {
  const [item] = await loadItems(tx, scope, await participantNames(tx, scope), { kind, id });
  if (!item) throw notFound();
  return item;
}

async function checkInput(tx: Tx, scope: FamilyScope, kind: PlanItemKind, body: ItemPatch): Promise<void> {
  if (kind !== 'question' && body.lifeDomainId === null) throw invalidField('lifeDomainId', 'required');
  await checkLifeDomain(tx, scope, body.lifeDomainId);
  if (body.memberIds) await checkParticipants(tx, scope, body.memberIds, 'memberIds', true);
}

async function setMembers(tx: Tx, scope: FamilyScope, itemId: string, memberIds: readonly string[]): Promise<void> {
  await tx.delete(planItemMembers).where(and(eq(planItemMembers.collaborationId, scope.collaborationId), eq(planItemMembers.itemId, itemId)));
  const unique = [...new Set(memberIds)];
  if (unique.length > 0) {
    await tx.insert(planItemMembers).values(unique.map((participantId) => ({ collaborationId: scope.collaborationId, itemId, participantId })));
  }
}

/** The columns a kind keeps; the rest stay empty so a worry never carries a target date. */
function columnsFor(kind: PlanItemKind, body: ItemPatch) {
  const goal = kind === 'goal';
  const sized = kind === 'strength' || kind === 'worry';
  return {
    ...(body.text !== undefined && { text: body.text }),
    ...(body.lifeDomainId !== undefined && { lifeDomainId: body.lifeDomainId }),
    ...(body.isPrivate !== undefined && { isPrivate: body.isPrivate }),
    ...(sized && body.size !== undefined && { size: body.size }),
    ...(goal && body.whyItMatters !== undefined && { whyItMatters: body.whyItMatters }),
    ...(goal && body.targetDate !== undefined && { targetDate: body.targetDate }),
    ...(goal && body.progress !== undefined && { progress: body.progress }),
    ...(goal && body.status !== undefined && { status: body.status }),
  };
}

export async function createItem(tx: Tx, ctx: RequestContext, scope: FamilyScope, kind: PlanItemKind, body: ItemInput): Promise<PlanItem> {
  const writer = await requireContributor(tx, scope, body.lifeDomainId);
  const onBehalfOf = await checkOnBehalfOf(tx, scope, body.onBehalfOfParticipantId);
  checkPrivateAllowed(scope, body.isPrivate, onBehalfOf);
  // The routes' schemas ask for it already; this guards the callers inside the server too (evaluations, demo).
  await checkInput(tx, scope, kind, { ...body, lifeDomainId: body.lifeDomainId ?? null });
  const [last] = await tx.select({ max: sql<number>`coalesce(max(${planItems.position}), -1)::int` }).from(planItems)
    .where(and(eq(planItems.collaborationId, scope.collaborationId), eq(planItems.familyId, scope.familyId), eq(planItems.kind, kind)));
  const [row] = await tx.insert(planItems).values({
    collaborationId: scope.collaborationId, familyId: scope.familyId, kind, text: body.text,
    ...columnsFor(kind, body), position: (last?.max ?? -1) + 1,
    authorParticipantId: writer.participantId, onBehalfOfParticipantId: onBehalfOf, createdByUserId: ctx.actor?.userId ?? null,
  }).returning({ id: planItems.id });
  await setMembers(tx, scope, row!.id, body.memberIds);
  const created = await visibleItem(tx, scope, kind, row!.id);
  await recordChange(tx, ctx, scope, { itemType: kind, itemId: created.id, action: 'create', ...topicOf(created), onBehalfOfParticipantId: onBehalfOf, before: null, after: created });
  return created;
}

export async function updateItem(
  tx: Tx, ctx: RequestContext, scope: FamilyScope, kind: PlanItemKind, id: string, expected: number, patch: ItemPatch, now = new Date(),
): Promise<PlanItem> {
  const before = await visibleItem(tx, scope, kind, id);
  // Out of sight answers 404 first, exactly like an id that does not exist; in sight but read-only is 403.
  await requireContributor(tx, scope, before.lifeDomainId, before.authorParticipantId);
  if (patch.lifeDomainId !== undefined) await requireContributor(tx, scope, patch.lifeDomainId, before.authorParticipantId);
  assertVersion(before.version, expected);
  checkPrivacyChange(scope, before, patch.isPrivate);
  const onBehalfOf = await checkOnBehalfOf(tx, scope, patch.onBehalfOfParticipantId);
  await checkInput(tx, scope, kind, patch);
  const updated = await tx.update(planItems)
    .set({ ...columnsFor(kind, patch), version: sql`${planItems.version} + 1`, updatedAt: sql`now()`, ...(onBehalfOf && { onBehalfOfParticipantId: onBehalfOf }) })
    .where(and(eq(planItems.collaborationId, scope.collaborationId), eq(planItems.id, id), eq(planItems.version, expected)))
    .returning({ id: planItems.id });
  assertUpdated(updated);
  if (patch.memberIds) await setMembers(tx, scope, id, patch.memberIds);
  const after = await visibleItem(tx, scope, kind, id);
  await recordChange(tx, ctx, scope, { itemType: kind, itemId: id, action: 'update', ...topicOf(after), onBehalfOfParticipantId: onBehalfOf, before, after });
  if (kind === 'goal' && after.lifeDomainId !== before.lifeDomainId) await followGoalDomain(tx, ctx, scope, id, after.lifeDomainId, now);
  return after;
}

/** Deleting keeps the row (with deletedAt) so the history and saved versions still tell the story. */
export async function deleteItem(tx: Tx, ctx: RequestContext, scope: FamilyScope, kind: PlanItemKind, id: string, expected: number): Promise<void> {
  const before = await visibleItem(tx, scope, kind, id);
  await requireContributor(tx, scope, before.lifeDomainId, before.authorParticipantId);
  assertVersion(before.version, expected);
  await tx.update(planItems).set({ deletedAt: sql`now()`, version: sql`${planItems.version} + 1` })
    .where(and(eq(planItems.collaborationId, scope.collaborationId), eq(planItems.id, id)));
  await recordChange(tx, ctx, scope, { itemType: kind, itemId: id, action: 'delete', ...topicOf(before), before, after: null });
}

/**
 * The family's priority order of worries or goals: the full list of the items the asker sees,
 * checked against the plan revision so two people reordering at once cannot silently cross.
 */
export async function reorderItems(
  tx: Tx, ctx: RequestContext, scope: FamilyScope, kind: PlanItemKind, ids: string[], expectedRevision: number,
): Promise<{ items: PlanItem[]; revision: number }> {
  requireWriter(scope);
  // The plan's structure is the coordinator's: not a coach's while the family holds the lead.
  await refuseCoachWithoutLead(tx, scope);
  const [family] = await tx.select({ revision: families.planRevision }).from(families)
    .where(and(eq(families.collaborationId, scope.collaborationId), eq(families.id, scope.familyId))).for('update');
  assertVersion(family!.revision, expectedRevision);
  const names = await participantNames(tx, scope);
  const current = await loadItems(tx, scope, names, { kind });
  const same = ids.length === current.length && new Set(ids).size === ids.length && current.every((i) => ids.includes(i.id));
  if (!same) throw invalidField('ids', 'orderIncomplete');
  for (const [position, id] of ids.entries()) {
    const before = current.find((i) => i.id === id)!;
    if (before.position === position) continue;
    await tx.update(planItems).set({ position, version: sql`${planItems.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(planItems.collaborationId, scope.collaborationId), eq(planItems.id, id)));
    const [after] = await loadItems(tx, scope, names, { kind, id });
    await recordChange(tx, ctx, scope, { itemType: kind, itemId: id, action: 'update', ...topicOf(before), before, after: after! });
  }
  const [now] = await tx.select({ revision: families.planRevision }).from(families)
    .where(and(eq(families.collaborationId, scope.collaborationId), eq(families.id, scope.familyId)));
  return { items: await loadItems(tx, scope, names, { kind }), revision: now!.revision };
}
