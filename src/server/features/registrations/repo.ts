import { and, asc, desc, eq, exists, inArray, ne, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type {
  Registration, RegistrationReason, RegistrationStatus, RegistrationSummary, ReferrerRegistration, ReferrerType,
} from '../../../shared/schemas/registrations.ts';
import type { Actor } from '../../access/actor.ts';
import { queueRegistrationsWhere, visibleRegistrationsWhere } from '../../access/registration-scope.ts';
import type { Executor } from '../../db/connection.ts';
import { collaborations, families, registrationCoaches, registrations as r, users } from '../../db/schema/index.ts';
import { decodeCursor, toPage } from '../../http/pagination.ts';
import { daysSince, firstContactDueBy, timingOf } from './timing.ts';

const fromCollaboration = alias(collaborations, 'from_collaboration');

const columns = {
  reg: r,
  firstContactTargetDays: collaborations.firstContactTargetDays,
  warningThresholdDays: collaborations.warningThresholdDays,
  forwardedFromName: fromCollaboration.name,
};
export type RegistrationRow = { reg: typeof r.$inferSelect; firstContactTargetDays: number; warningThresholdDays: number; forwardedFromName: string | null };
type Coach = { userId: string; name: string };

const baseQuery = (db: Executor) =>
  db
    .select(columns)
    .from(r)
    .innerJoin(collaborations, eq(collaborations.id, r.collaborationId))
    .leftJoin(fromCollaboration, eq(fromCollaboration.id, r.forwardedFromCollaborationId));

/** The coaches assigned to some registrations, by registration id. */
export async function coachesOf(db: Executor, ids: string[]): Promise<Map<string, Coach[]>> {
  const map = new Map<string, Coach[]>();
  if (ids.length === 0) return map;
  const rows = await db
    .select({ registrationId: registrationCoaches.registrationId, userId: users.id, name: users.name })
    .from(registrationCoaches)
    .innerJoin(users, eq(users.id, registrationCoaches.userId))
    .where(inArray(registrationCoaches.registrationId, ids))
    .orderBy(asc(users.name), asc(users.id));
  for (const row of rows) map.set(row.registrationId, [...(map.get(row.registrationId) ?? []), { userId: row.userId, name: row.name }]);
  return map;
}

export function presentSummary(row: RegistrationRow, coaches: Coach[], now: Date): RegistrationSummary {
  const g = row.reg;
  return {
    id: g.id,
    collaborationId: g.collaborationId,
    kind: g.kind,
    status: g.status,
    receivedAt: g.receivedAt.toISOString(),
    daysSince: daysSince(g.receivedAt, now),
    firstContactDueBy: firstContactDueBy(g.receivedAt, row.firstContactTargetDays).toISOString(),
    timing: timingOf(g, row, now),
    referrerType: g.referrerType as ReferrerType,
    referrerName: g.referrerName,
    familyName: g.familyName,
    postcode: g.postcode,
    municipality: g.municipality,
    urgent: g.urgent,
    coaches,
    firstContactAt: g.firstContactAt?.toISOString() ?? null,
    version: g.version,
  };
}

export function presentRegistration(row: RegistrationRow, coaches: Coach[], now: Date): Registration {
  const g = row.reg;
  return {
    ...presentSummary(row, coaches, now),
    referrerOrganisation: g.referrerOrganisation,
    referrerEmail: g.referrerEmail,
    referrerPhone: g.referrerPhone,
    familyEmail: g.familyEmail,
    familyPhone: g.familyPhone,
    familyLanguage: g.familyLanguage,
    children: g.children,
    reasons: g.reasons as RegistrationReason[],
    question: g.question,
    helpersInvolved: g.helpersInvolved,
    networkInvolved: g.networkInvolved,
    firstContactMethod: g.firstContactMethod,
    closedReason: g.closedReason,
    warmReferralTo: g.warmReferralTo,
    familyId: g.familyId,
    forwardedFrom: row.forwardedFromName,
  };
}

export interface ListFilter {
  collaborationId: string;
  status?: RegistrationStatus;
  coachId?: string;
  referrerType?: ReferrerType;
  open: boolean;
  cursor?: string;
  limit: number;
}

/** The queue: in scope, oldest first (first due first); `status` wins over `open`. */
export async function listRegistrations(db: Executor, actor: Actor, f: ListFilter, now: Date) {
  const after = decodeCursor(f.cursor);
  const statusWhere: SQL | undefined = f.status
    ? eq(r.status, f.status)
    : f.open ? inArray(r.status, ['new', 'first_contact']) : undefined;
  const rows = await baseQuery(db)
    .where(and(
      eq(r.collaborationId, f.collaborationId),
      queueRegistrationsWhere(actor, f.collaborationId),
      statusWhere,
      f.referrerType ? eq(r.referrerType, f.referrerType) : undefined,
      f.coachId
        ? exists(sql`(select 1 from ${registrationCoaches} fc where fc.collaboration_id = ${r.collaborationId}
            and fc.registration_id = ${r.id} and fc.user_id = ${f.coachId})`)
        : undefined,
      after ? sql`(${r.receivedAt}, ${r.id}) > (${after[0]}::timestamptz, ${after[1]}::uuid)` : undefined,
    ))
    .orderBy(asc(r.receivedAt), asc(r.id))
    .limit(f.limit + 1);
  const coaches = await coachesOf(db, rows.map((row) => row.reg.id));
  return toPage(rows.map((row) => presentSummary(row, coaches.get(row.reg.id) ?? [], now)), f.limit, (s) => [s.receivedAt, s.id]);
}

/** One registration if it is in the actor's scope (else null: the caller answers 404). */
export async function findVisibleRegistration(db: Executor, actor: Actor, id: string, forUpdate = false): Promise<RegistrationRow | null> {
  const query = baseQuery(db).where(and(eq(r.id, id), visibleRegistrationsWhere(actor)));
  const [row] = forUpdate ? await query.for('update', { of: r }) : await query;
  return row ?? null;
}

export async function loadRegistration(db: Executor, collaborationId: string, id: string, now: Date): Promise<Registration> {
  const [row] = await baseQuery(db).where(and(eq(r.collaborationId, collaborationId), eq(r.id, id)));
  const coaches = await coachesOf(db, [id]);
  return presentRegistration(row!, coaches.get(id) ?? [], now);
}

const REFERRER_STATUS: Record<Exclude<RegistrationStatus, 'forwarded'>, ReferrerRegistration['status']> = {
  new: 'received',
  first_contact: 'first_contact',
  trajectory_started: 'trajectory_started',
  consultation_answered: 'consultation_answered',
  not_started: 'not_started',
};

/**
 * A referrer's own registrations, status only. A forwarded one shows once, as its copy in the
 * collaboration it went to (the copy keeps the referrer).
 */
export async function listOwnRegistrations(db: Executor, userId: string): Promise<ReferrerRegistration[]> {
  const rows = await db
    .select({
      id: r.id, kind: r.kind, familyName: r.familyName, receivedAt: r.receivedAt, status: r.status,
      collaborationName: collaborations.name, familyStatus: families.status,
    })
    .from(r)
    .innerJoin(collaborations, eq(collaborations.id, r.collaborationId))
    .leftJoin(families, and(eq(families.collaborationId, r.collaborationId), eq(families.id, r.familyId)))
    .where(and(eq(r.referrerUserId, userId), ne(r.status, 'forwarded')))
    .orderBy(desc(r.receivedAt), asc(r.id))
    .limit(200);
  return rows.map((row) => ({
    id: row.id,
    collaborationName: row.collaborationName,
    kind: row.kind,
    familyName: row.familyName,
    receivedAt: row.receivedAt.toISOString(),
    status: row.familyStatus === 'closed' ? 'trajectory_closed' : REFERRER_STATUS[row.status as Exclude<RegistrationStatus, 'forwarded'>],
  }));
}
