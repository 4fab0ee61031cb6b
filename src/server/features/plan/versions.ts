import { and, asc, desc, eq, exists, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { PlanVersionReason } from '../../../shared/plan-constants.ts';
import type { Agreement, PlanContent, PlanItem, PlanVersion, PlanVersionMeta } from '../../../shared/schemas/plan.ts';
import { topicWhere, type FamilyScope } from '../../access/family-scope.ts';
import { audit } from '../../audit/audit.ts';
import type { Executor, Tx } from '../../db/connection.ts';
import { agreements, planItems, planVersionItems, planVersions, users } from '../../db/schema/index.ts';
import type { RequestContext } from '../../http/context.ts';
import { notFound } from '../../http/errors.ts';
import { hideUnseenGoals, loadPlanContent, visibleGoalIds } from './content.ts';

const versionTopic = {
  itemType: planVersionItems.itemType, id: planVersionItems.itemId, lifeDomainId: planVersionItems.lifeDomainId,
  isPrivate: planVersionItems.isPrivate, authorParticipantId: planVersionItems.authorParticipantId,
};

/**
 * A saved item shows only while the item as it is now is visible too, as in the history: an item
 * made private later, or moved to a life domain that is not shared, leaves old versions with it.
 * Coaches see everything, so they skip the look-up.
 */
function stillVisible(db: Executor, scope: FamilyScope): SQL | undefined {
  if (scope.reach === 'full' && scope.participantRole === 'coach') return undefined;
  const li = alias(planItems, 'live_item');
  const la = alias(agreements, 'live_agreement');
  return or(
    exists(db.select({ one: sql`1` }).from(li).where(and(eq(li.collaborationId, planVersionItems.collaborationId), eq(li.id, planVersionItems.itemId),
      topicWhere(scope, { itemType: li.kind, id: li.id, lifeDomainId: li.lifeDomainId, isPrivate: li.isPrivate, authorParticipantId: li.authorParticipantId, onBehalfOfParticipantId: li.onBehalfOfParticipantId })))),
    exists(db.select({ one: sql`1` }).from(la).where(and(eq(la.collaborationId, planVersionItems.collaborationId), eq(la.id, planVersionItems.itemId),
      topicWhere(scope, { itemType: 'agreement', id: la.id, lifeDomainId: la.lifeDomainId, isPrivate: la.isPrivate, authorParticipantId: la.authorParticipantId, onBehalfOfParticipantId: la.onBehalfOfParticipantId })))),
  );
}

const metaColumns = {
  id: planVersions.id, number: planVersions.number, reason: planVersions.reason, label: planVersions.label,
  createdAt: planVersions.createdAt, createdByName: users.name,
};
type MetaRow = { id: string; number: number; reason: PlanVersionReason; label: string | null; createdAt: Date; createdByName: string | null };
const presentMeta = (r: MetaRow): PlanVersionMeta => ({ ...r, createdAt: r.createdAt.toISOString() });

const ofFamily = (scope: FamilyScope) => and(eq(planVersions.collaborationId, scope.collaborationId), eq(planVersions.familyId, scope.familyId));

/**
 * Saves the plan as it is now, read-only from then on. The snapshot holds every item (also the
 * private ones: it is the family's record), each with its own topic columns, so that reading a
 * version later applies the same access policy as the live plan.
 */
export async function saveVersion(
  tx: Tx, ctx: RequestContext, scope: FamilyScope, reason: PlanVersionReason, label: string | null, now: Date,
): Promise<PlanVersionMeta> {
  const whole: FamilyScope = { ...scope, reach: 'full', participantRole: 'coach', participantId: scope.participantId ?? 'snapshot' };
  const content = await loadPlanContent(tx, whole, now);
  // Numbers are per family; the row lock on the family (taken by every plan change) keeps them in order.
  await tx.execute(sql`select 1 from families where collaboration_id = ${scope.collaborationId} and id = ${scope.familyId} for update`);
  const [last] = await tx.select({ max: sql<number>`coalesce(max(${planVersions.number}), 0)::int` }).from(planVersions).where(ofFamily(scope));
  const [row] = await tx.insert(planVersions).values({
    collaborationId: scope.collaborationId, familyId: scope.familyId, number: (last?.max ?? 0) + 1, reason, label,
    createdByUserId: ctx.actor?.userId ?? null,
  }).returning({ id: planVersions.id });
  const items: (PlanItem | Agreement)[] = [...content.questions, ...content.strengths, ...content.worries, ...content.goals, ...content.agreements];
  if (items.length > 0) {
    await tx.insert(planVersionItems).values(items.map((item) => ({
      collaborationId: scope.collaborationId, versionId: row!.id, itemType: 'kind' in item ? item.kind : 'agreement' as const,
      itemId: item.id, lifeDomainId: item.lifeDomainId, isPrivate: item.isPrivate, authorParticipantId: item.authorParticipantId, data: item,
    })));
  }
  await audit(tx, ctx, { action: 'create', entityType: 'plan_version', entityId: row!.id, collaborationId: scope.collaborationId, familyId: scope.familyId, role: scope.participantRole });
  return (await listVersions(tx, scope)).find((v) => v.id === row!.id)!;
}

export async function listVersions(db: Executor, scope: FamilyScope): Promise<PlanVersionMeta[]> {
  const rows = await db.select(metaColumns).from(planVersions).leftJoin(users, eq(users.id, planVersions.createdByUserId))
    .where(ofFamily(scope)).orderBy(desc(planVersions.number));
  return rows.map(presentMeta);
}

/** One saved version, showing only what the asker's scope may see of it; 404 when it is not this family's. */
export async function readVersion(db: Executor, scope: FamilyScope, versionId: string): Promise<PlanVersion> {
  const [meta] = await db.select(metaColumns).from(planVersions).leftJoin(users, eq(users.id, planVersions.createdByUserId))
    .where(and(ofFamily(scope), eq(planVersions.id, versionId)));
  if (!meta) throw notFound();
  const rows = await db.select({ itemType: planVersionItems.itemType, data: planVersionItems.data }).from(planVersionItems)
    .where(and(eq(planVersionItems.collaborationId, scope.collaborationId), eq(planVersionItems.versionId, versionId), topicWhere(scope, versionTopic), stillVisible(db, scope)))
    .orderBy(asc(planVersionItems.itemType), asc(sql`(${planVersionItems.data}->>'position')::int`));
  const of = <T>(type: string) => rows.filter((r) => r.itemType === type).map((r) => r.data as T);
  const content: PlanContent = {
    questions: of<PlanItem>('question'), strengths: of<PlanItem>('strength'), worries: of<PlanItem>('worry'),
    goals: of<PlanItem>('goal'), agreements: [],
  };
  const saved = of<Agreement>('agreement');
  content.agreements = hideUnseenGoals(saved, await visibleGoalIds(db, scope, saved.map((a) => a.goalId)));
  return { meta: presentMeta(meta), ...content };
}

/** The first saved version ("where we started"), if any. */
export async function firstVersionId(db: Executor, scope: FamilyScope): Promise<string | null> {
  const [row] = await db.select({ id: planVersions.id }).from(planVersions).where(ofFamily(scope)).orderBy(asc(planVersions.number)).limit(1);
  return row?.id ?? null;
}
