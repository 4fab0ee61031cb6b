import { and, desc, eq, gte, inArray, isNull, lt, notInArray, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { MEMBER_ROLES } from '../../../shared/roles.ts';
import type { AccessLogEntry, AccessLogQuery } from '../../../shared/schemas/sharing.ts';
import type { Actor } from '../../access/actor.ts';
import type { FamilyScope } from '../../access/family-scope.ts';
import type { Executor } from '../../db/connection.ts';
import { accessLog, familyParticipants, partnerOrganisations, users } from '../../db/schema/index.ts';
import { decodeIdCursor, encodeCursor } from '../../http/pagination.ts';

type Query = z.output<typeof AccessLogQuery>;

/** Brussels midnight of a calendar day, as SQL. */
export const brusselsMidnight = (day: string) => sql`(${day}::date::timestamp at time zone 'Europe/Brussels')`;

/**
 * "Who looked at our file": every read and change of the family's file, newest first, with the
 * person's name, organisation and the role they acted in. Rows are written in the same transaction
 * as the read they record, so a read by someone else shows here at once.
 */
export async function listFamilyAccessLog(db: Executor, actor: Actor, scope: FamilyScope, query: Query) {
  const family = await db.select({ userId: familyParticipants.userId }).from(familyParticipants).where(and(
    eq(familyParticipants.collaborationId, scope.collaborationId), eq(familyParticipants.familyId, scope.familyId),
    inArray(familyParticipants.role, [...MEMBER_ROLES]),
  ));
  const familyUsers = family.map((f) => f.userId).filter((u): u is string => u !== null);
  const afterId = decodeIdCursor(query.cursor);
  const rows = await db.select({
    id: accessLog.id, occurredAt: accessLog.occurredAt, actorUserId: accessLog.actorUserId, actorName: users.name,
    actorRole: accessLog.actorRole, organisationName: partnerOrganisations.name, action: accessLog.action,
    entityType: accessLog.entityType, outcome: accessLog.outcome, reason: accessLog.reason,
  }).from(accessLog)
    .leftJoin(users, eq(users.id, accessLog.actorUserId))
    .leftJoin(partnerOrganisations, and(eq(partnerOrganisations.collaborationId, accessLog.collaborationId), eq(partnerOrganisations.id, accessLog.actorOrganisationId)))
    .where(and(
      eq(accessLog.collaborationId, scope.collaborationId), eq(accessLog.familyId, scope.familyId),
      query.who === 'others' && familyUsers.length > 0 ? or(isNull(accessLog.actorUserId), notInArray(accessLog.actorUserId, familyUsers)) : undefined,
      query.action ? eq(accessLog.action, query.action) : undefined,
      query.from ? gte(accessLog.occurredAt, brusselsMidnight(query.from)) : undefined,
      query.to ? lt(accessLog.occurredAt, sql`${brusselsMidnight(query.to)} + interval '1 day'`) : undefined,
      afterId !== null ? lt(accessLog.id, afterId) : undefined,
    ))
    .orderBy(desc(accessLog.id)).limit(query.limit + 1);
  const items: AccessLogEntry[] = rows.slice(0, query.limit).map((r) => ({
    id: String(r.id), occurredAt: r.occurredAt.toISOString(), actorName: r.actorName, actorRole: r.actorRole,
    organisationName: r.organisationName, actorIsFamily: r.actorUserId !== null && familyUsers.includes(r.actorUserId),
    isMe: r.actorUserId === actor.userId, action: r.action, entityType: r.entityType, outcome: r.outcome, reason: r.reason,
  }));
  const last = items.at(-1);
  return { items, nextCursor: rows.length > query.limit && last ? encodeCursor(last.occurredAt, last.id) : null };
}
