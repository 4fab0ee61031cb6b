import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Agreement, PlanContent, PlanItem } from '../../../shared/schemas/plan.ts';
import type { AgreementStatus, PlanItemKind } from '../../../shared/plan-constants.ts';
import { topicWhere, type FamilyScope } from '../../access/family-scope.ts';
import type { Executor } from '../../db/connection.ts';
import { agreements, familyParticipants, planItems } from '../../db/schema/index.ts';
import { brusselsDate } from '../registrations/timing.ts';

export type PlanItemRow = typeof planItems.$inferSelect;
export type AgreementRow = typeof agreements.$inferSelect;
export type Names = Map<string, string>;

/**
 * The topic columns of the live tables, for topicWhere. A single-item grant names the item's kind
 * ('goal', 'worry', ...), so the kind column is the item type.
 */
export const itemTopic = { itemType: planItems.kind, id: planItems.id, lifeDomainId: planItems.lifeDomainId, isPrivate: planItems.isPrivate, authorParticipantId: planItems.authorParticipantId, onBehalfOfParticipantId: planItems.onBehalfOfParticipantId };
export const agreementTopic = { itemType: 'agreement', id: agreements.id, lifeDomainId: agreements.lifeDomainId, isPrivate: agreements.isPrivate, authorParticipantId: agreements.authorParticipantId, onBehalfOfParticipantId: agreements.onBehalfOfParticipantId };

/** Names of everyone who ever took part in the family (removed people still signed their history). */
export async function participantNames(db: Executor, scope: FamilyScope): Promise<Names> {
  const rows = await db.select({ id: familyParticipants.id, name: familyParticipants.displayName }).from(familyParticipants)
    .where(and(eq(familyParticipants.collaborationId, scope.collaborationId), eq(familyParticipants.familyId, scope.familyId)));
  return new Map(rows.map((r) => [r.id, r.name]));
}

const attribution = (row: { authorParticipantId: string | null; onBehalfOfParticipantId: string | null }, names: Names) => ({
  authorParticipantId: row.authorParticipantId,
  authorName: row.authorParticipantId ? names.get(row.authorParticipantId) ?? null : null,
  onBehalfOfParticipantId: row.onBehalfOfParticipantId,
  onBehalfOfName: row.onBehalfOfParticipantId ? names.get(row.onBehalfOfParticipantId) ?? null : null,
});

export function presentPlanItem(row: PlanItemRow, memberIds: string[], names: Names): PlanItem {
  return {
    ...attribution(row, names),
    id: row.id, kind: row.kind, text: row.text, lifeDomainId: row.lifeDomainId, memberIds: [...memberIds].sort(),
    position: row.position, size: row.size, whyItMatters: row.whyItMatters, targetDate: row.targetDate,
    progress: row.progress, status: row.status, isPrivate: row.isPrivate,
    createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString(), version: row.version,
  };
}

export function presentAgreement(row: AgreementRow, names: Names, now: Date): Agreement {
  return {
    ...attribution(row, names),
    id: row.id, goalId: row.goalId, what: row.what, ownerParticipantId: row.ownerParticipantId,
    ownerName: names.get(row.ownerParticipantId) ?? '', dueDate: row.dueDate, status: row.status,
    overdue: row.status === 'open' && row.dueDate !== null && row.dueDate < brusselsDate(now),
    lifeDomainId: row.lifeDomainId, isPrivate: row.isPrivate, position: row.position,
    createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString(), version: row.version,
  };
}

const ofFamily = (scope: FamilyScope) =>
  and(eq(planItems.collaborationId, scope.collaborationId), eq(planItems.familyId, scope.familyId), isNull(planItems.deletedAt));

/** Plan items the scope may see, optionally one kind or one item, in the family's order, each with its members. */
export async function loadItems(db: Executor, scope: FamilyScope, names: Names, filter: { kind?: PlanItemKind; id?: string } = {}): Promise<PlanItem[]> {
  const rows = await db.select({
    row: planItems,
    // Spelled out: drizzle leaves the table off the columns of a one-table selection.
    memberIds: sql<string[]>`coalesce((select array_agg(m.participant_id::text) from plan_item_members m
      where m.collaboration_id = plan_items.collaboration_id and m.item_id = plan_items.id), '{}')`,
  }).from(planItems).where(and(
    ofFamily(scope), topicWhere(scope, itemTopic),
    filter.kind ? eq(planItems.kind, filter.kind) : undefined, filter.id ? eq(planItems.id, filter.id) : undefined,
  )).orderBy(asc(planItems.position), asc(planItems.createdAt), asc(planItems.id));
  return rows.map((r) => presentPlanItem(r.row, r.memberIds, names));
}

export interface AgreementFilter { id?: string | undefined; goalId?: string | undefined; status?: AgreementStatus | undefined }

/** Agreements the scope may see, optionally one, or those of one goal or status, in the family's order. */
export async function loadAgreements(db: Executor, scope: FamilyScope, names: Names, now: Date, filter: AgreementFilter = {}): Promise<Agreement[]> {
  const rows = await db.select().from(agreements).where(and(
    eq(agreements.collaborationId, scope.collaborationId), eq(agreements.familyId, scope.familyId), isNull(agreements.deletedAt),
    topicWhere(scope, agreementTopic),
    filter.id ? eq(agreements.id, filter.id) : undefined, filter.goalId ? eq(agreements.goalId, filter.goalId) : undefined,
    filter.status ? eq(agreements.status, filter.status) : undefined,
  )).orderBy(asc(agreements.position), asc(agreements.createdAt), asc(agreements.id));
  const presented = rows.map((r) => presentAgreement(r, names, now));
  return hideUnseenGoals(presented, await visibleGoalIds(db, scope, presented.map((a) => a.goalId)));
}

/**
 * Of these goals, the ones the scope may see. An agreement shared on its own must not tell which
 * (unshared) goal it serves: its `goalId` is left out for whoever cannot see that goal.
 */
export async function visibleGoalIds(db: Executor, scope: FamilyScope, ids: readonly (string | null | undefined)[]): Promise<Set<string> | null> {
  if (scope.reach === 'full' && scope.participantRole === 'coach') return null;
  const wanted = [...new Set(ids.filter((i): i is string => Boolean(i)))];
  if (wanted.length === 0) return new Set();
  const rows = await db.select({ id: planItems.id }).from(planItems).where(and(
    eq(planItems.collaborationId, scope.collaborationId), eq(planItems.familyId, scope.familyId), inArray(planItems.id, wanted), topicWhere(scope, itemTopic),
  ));
  return new Set(rows.map((r) => r.id));
}

/** `visible` null: everything may be seen. */
export function hideUnseenGoals<T extends { goalId?: unknown }>(items: T[], visible: Set<string> | null): T[] {
  if (!visible) return items;
  return items.map((a) => (typeof a.goalId === 'string' && !visible.has(a.goalId) ? { ...a, goalId: null } : a));
}

/** Everything in the plan the scope may see: the same shape as a saved version. */
export async function loadPlanContent(db: Executor, scope: FamilyScope, now: Date, names?: Names): Promise<PlanContent> {
  const known = names ?? await participantNames(db, scope);
  const items = await loadItems(db, scope, known);
  const ofKind = (kind: PlanItemKind) => items.filter((i) => i.kind === kind);
  return {
    questions: ofKind('question'), strengths: ofKind('strength'), worries: ofKind('worry'), goals: ofKind('goal'),
    agreements: await loadAgreements(db, scope, known, now),
  };
}
