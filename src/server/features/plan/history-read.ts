import { and, desc, eq, lt, not, notExists, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { HistoryQuery, PlanChange } from '../../../shared/schemas/plan.ts';
import { topicWhere, type FamilyScope } from '../../access/family-scope.ts';
import type { Executor } from '../../db/connection.ts';
import { planChanges, users } from '../../db/schema/index.ts';
import { decodeCursor, toPage } from '../../http/pagination.ts';
import { hideUnseenGoals, participantNames, visibleGoalIds } from './content.ts';
import { changedFields } from './history.ts';

const changeTopic = {
  itemType: planChanges.itemType, id: planChanges.itemId, lifeDomainId: planChanges.lifeDomainId,
  isPrivate: planChanges.isPrivate, authorParticipantId: planChanges.authorParticipantId,
};

/**
 * A history row shows only while the item, as it is now, is visible too: its newest history rows
 * carry its current topic. An item made private later, or moved to a life domain that is not
 * shared, takes its whole past out of sight with it (plan_changes is append-only, so the old rows
 * cannot be rewritten). Coaches see everything, so they skip the extra look-up.
 */
function stillVisible(db: Executor, scope: FamilyScope): SQL | undefined {
  if (scope.reach === 'full' && scope.participantRole === 'coach') return undefined;
  const latest = alias(planChanges, 'latest');
  const latestTopic = {
    itemType: latest.itemType, id: latest.itemId, lifeDomainId: latest.lifeDomainId,
    isPrivate: latest.isPrivate, authorParticipantId: latest.authorParticipantId,
  };
  return notExists(db.select({ one: sql`1` }).from(latest).where(and(
    eq(latest.collaborationId, planChanges.collaborationId), eq(latest.itemType, planChanges.itemType), eq(latest.itemId, planChanges.itemId),
    sql`${latest.at} = (select max(m.at) from plan_changes m where m.collaboration_id = ${latest.collaborationId}
      and m.item_type = ${latest.itemType} and m.item_id = ${latest.itemId})`,
    not(topicWhere(scope, latestTopic)),
  )));
}

/** Newest first, keyset on (at, id) descending. */
function before(cursor: string | undefined): SQL | undefined {
  const c = decodeCursor(cursor);
  if (!c) return undefined;
  const at = new Date(c[0]);
  return or(lt(planChanges.at, at), and(eq(planChanges.at, at), lt(planChanges.id, c[1])));
}

/**
 * Every change to the family's file that the asker may see: a change to a hidden item is as
 * hidden as the item, through the same policy on the history row's own topic columns.
 */
export async function listHistory(db: Executor, scope: FamilyScope, query: z.output<typeof HistoryQuery>) {
  const rows = await db.select({ change: planChanges, changedByName: users.name }).from(planChanges)
    .leftJoin(users, eq(users.id, planChanges.changedByUserId))
    .where(and(
      eq(planChanges.collaborationId, scope.collaborationId), eq(planChanges.familyId, scope.familyId), topicWhere(scope, changeTopic), stillVisible(db, scope),
      query.itemType ? eq(planChanges.itemType, query.itemType) : undefined, query.itemId ? eq(planChanges.itemId, query.itemId) : undefined,
      before(query.cursor),
    ))
    .orderBy(desc(planChanges.at), desc(planChanges.id)).limit(query.limit + 1);
  const names = await participantNames(db, scope);
  const data = (v: unknown) => v as Record<string, unknown> | null;
  const goals = await visibleGoalIds(db, scope, rows.flatMap(({ change: c }) => [data(c.before)?.goalId as string | undefined, data(c.after)?.goalId as string | undefined]));
  const redact = (v: Record<string, unknown> | null) => (v ? hideUnseenGoals([v], goals)[0]! : null);
  const items: PlanChange[] = rows.map(({ change: c, changedByName }) => {
    const beforeData = c.itemType === 'agreement' ? redact(data(c.before)) : data(c.before);
    const afterData = c.itemType === 'agreement' ? redact(data(c.after)) : data(c.after);
    return {
      id: c.id, itemType: c.itemType, itemId: c.itemId, action: c.action, at: c.at.toISOString(), changedByName,
      onBehalfOfName: c.onBehalfOfParticipantId ? names.get(c.onBehalfOfParticipantId) ?? null : null,
      fields: changedFields(beforeData, afterData), before: beforeData, after: afterData,
    };
  });
  return toPage(items, query.limit, (i) => [i.at, i.id]);
}
