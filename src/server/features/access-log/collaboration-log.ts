import { and, desc, eq, gte, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  AUDIT_ACTIONS, CollaborationAccessLogEntry, CollaborationAccessLogFilter, CollaborationAccessLogQuery,
} from '../../../shared/schemas/access-log.ts';
import type { AuditAction } from '../../audit/audit.ts';
import type { Executor } from '../../db/connection.ts';
import { accessLog, partnerOrganisations, users } from '../../db/schema/index.ts';
import { decodeIdCursor, encodeCursor } from '../../http/pagination.ts';
import { brusselsMidnight } from '../sharing/access-log.ts';

// The shared list of actions must name exactly what the table can hold.
type SameActions = [AuditAction] extends [(typeof AUDIT_ACTIONS)[number]] ? ((typeof AUDIT_ACTIONS)[number] extends AuditAction ? true : never) : never;
const sameActions: SameActions = true;
void sameActions;

type Query = z.output<typeof CollaborationAccessLogQuery>;

/**
 * The rows of one collaboration: its own chain, and the rows that belong to no collaboration (sign-ins,
 * refusals, which the server cannot tie to one) by people who are or were its members.
 */
export function ofCollaboration(collaborationId: string): SQL {
  return or(
    eq(accessLog.collaborationId, collaborationId),
    and(isNull(accessLog.collaborationId), sql`${accessLog.actorUserId} in (select m.user_id from memberships m where m.collaboration_id = ${collaborationId})`),
  )!;
}

/** The WHERE of the DPO's view: always one collaboration, then the chosen filters. */
export function logFilterWhere(collaborationId: string, f: CollaborationAccessLogFilter): SQL {
  return and(
    ofCollaboration(collaborationId),
    f.personId ? eq(accessLog.actorUserId, f.personId) : undefined,
    f.familyId ? eq(accessLog.familyId, f.familyId) : undefined,
    f.action ? eq(accessLog.action, f.action) : undefined,
    f.outcome ? eq(accessLog.outcome, f.outcome) : undefined,
    f.from ? gte(accessLog.occurredAt, brusselsMidnight(f.from)) : undefined,
    f.to ? lt(accessLog.occurredAt, sql`${brusselsMidnight(f.to)} + interval '1 day'`) : undefined,
  )!;
}

/** The columns the DPO sees; the organisation is joined within the same collaboration only. */
export function logRowsQuery(db: Executor, where: SQL) {
  return db.select({
    id: accessLog.id, occurredAt: accessLog.occurredAt, actorUserId: accessLog.actorUserId, actorName: users.name,
    actorRole: accessLog.actorRole, organisationName: partnerOrganisations.name,
    onBehalf: sql<boolean>`${accessLog.onBehalfOfParticipantId} is not null`, familyId: accessLog.familyId,
    action: accessLog.action, entityType: accessLog.entityType, entityId: accessLog.entityId, outcome: accessLog.outcome,
    reason: accessLog.reason, clientAddress: accessLog.clientAddress, requestId: accessLog.requestId,
  }).from(accessLog)
    .leftJoin(users, eq(users.id, accessLog.actorUserId))
    .leftJoin(partnerOrganisations, and(
      eq(partnerOrganisations.collaborationId, accessLog.collaborationId), eq(partnerOrganisations.id, accessLog.actorOrganisationId),
    ))
    .where(where)
    .orderBy(desc(accessLog.id));
}

type LogRow = Awaited<ReturnType<typeof logRowsQuery>>[number];

export const presentLogRow = (r: LogRow): CollaborationAccessLogEntry => ({
  ...r, id: String(r.id), occurredAt: r.occurredAt.toISOString(), onBehalf: Boolean(r.onBehalf),
});

/**
 * The whole access log of one collaboration, newest first, filtered. Keyset pages on the row id (rows
 * get their id in the order they are written), so new rows never shift a page already read.
 */
export async function listCollaborationAccessLog(db: Executor, collaborationId: string, query: Query) {
  const afterId = decodeIdCursor(query.cursor);
  const rows = await logRowsQuery(db, and(
    logFilterWhere(collaborationId, query),
    afterId !== null ? lt(accessLog.id, afterId) : undefined,
  )!).limit(query.limit + 1);
  const items = rows.slice(0, query.limit).map(presentLogRow);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > query.limit && last ? encodeCursor(last.occurredAt, last.id) : null };
}

/** What the DPO chose to look at, kept with the row that logs the look: their own reads are accountable too. */
export function describeFilter(f: CollaborationAccessLogFilter): string | null {
  const parts = (['personId', 'familyId', 'action', 'outcome', 'from', 'to'] as const)
    .filter((k) => f[k] !== undefined).map((k) => `${k}=${f[k]}`);
  return parts.length > 0 ? parts.join(' ') : null;
}
