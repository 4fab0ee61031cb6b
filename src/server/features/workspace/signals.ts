import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Actor } from '../../access/actor.ts';
import { rowsOf, type Executor } from '../../db/connection.ts';
import { agreements, contactMoments } from '../../db/schema/index.ts';
import { evaluationDueExpr } from '../meetings/evaluation.ts';
import { nextMeetingsFor } from '../meetings/next.ts';
import { unreadCountsFor } from '../messages/unread.ts';
import { addDays, brusselsDate, daysBetweenDates } from '../registrations/timing.ts';

/**
 * What one signal knows about a family on the coach's home page. Each signal is one function over
 * all of the coach's families at once (one query, not one per family) and fills in its own fields.
 */
export interface FamilySignals {
  lastContactOn: string | null;
  overdueAgreements: number;
  dueSoonAgreements: number;
  nextAgreementDueOn: string | null;
  /** The collaboration's evaluation interval after the last evaluation (or the first agreement); null without agreements. */
  evaluationDueOn: string | null;
  nextMeeting: { at: string; title: string } | null;
  unreadMessages: number | null;
}

/**
 * One signal. `familyIds` are only families in which the actor is a coach (checked through the
 * access policy by the caller), so a signal may read their whole file.
 */
export type Signal = (db: Executor, actor: Actor, familyIds: string[], today: string) => Promise<Map<string, Partial<FamilySignals>>>;

/** Agreements due within this many days count as "due soon". */
export const DUE_SOON_DAYS = 7;

export const lastContactFor: Signal = async (db, _actor, familyIds) => {
  const rows = await db.select({ familyId: contactMoments.familyId, last: sql<string | null>`max(${contactMoments.occurredOn})::text` }).from(contactMoments)
    .where(and(inArray(contactMoments.familyId, familyIds), isNull(contactMoments.deletedAt))).groupBy(contactMoments.familyId);
  return new Map(rows.map((r) => [r.familyId, { lastContactOn: r.last }]));
};

export const agreementsDueFor: Signal = async (db, _actor, familyIds, today) => {
  const soon = addDays(today, DUE_SOON_DAYS);
  const rows = await db.select({
    familyId: agreements.familyId,
    overdue: sql<number>`count(*) filter (where ${agreements.dueDate} < ${today}::date)::int`,
    dueSoon: sql<number>`count(*) filter (where ${agreements.dueDate} >= ${today}::date and ${agreements.dueDate} <= ${soon}::date)::int`,
    next: sql<string | null>`min(${agreements.dueDate})::text`,
  }).from(agreements)
    .where(and(inArray(agreements.familyId, familyIds), isNull(agreements.deletedAt), eq(agreements.status, 'open')))
    .groupBy(agreements.familyId);
  return new Map(rows.map((r) => [r.familyId, { overdueAgreements: r.overdue, dueSoonAgreements: r.dueSoon, nextAgreementDueOn: r.next }]));
};

/** The same due date as the evaluation proposal, the agenda and the reminder job. */
export const evaluationsDueFor: Signal = async (db, _actor, familyIds) => {
  const ids = sql.join(familyIds.map((id) => sql`${id}::uuid`), sql`, `);
  const result = await db.execute(sql`select f.id, ${sql.raw(evaluationDueExpr('f'))}::text as due from families f where f.id in (${ids})`);
  const rows = rowsOf<{ id: string; due: string | null }>(result);
  return new Map(rows.map((r) => [r.id, { evaluationDueOn: r.due }]));
};

export const nextMeetingFor: Signal = async (db, actor, familyIds) => {
  const next = await nextMeetingsFor(db, actor, familyIds);
  return new Map([...next].map(([id, m]) => [id, { nextMeeting: { at: m.startsAt, title: m.title } }]));
};

export const unreadMessagesFor: Signal = async (db, actor, familyIds) => {
  const counts = await unreadCountsFor(db, actor, familyIds);
  return new Map(familyIds.map((id) => [id, { unreadMessages: counts.get(id) ?? 0 }]));
};

/** The signals of the home page; more plug in here as one function each. */
export const SIGNALS: Signal[] = [lastContactFor, agreementsDueFor, evaluationsDueFor, nextMeetingFor, unreadMessagesFor];

export type Attention = { attention: 'now' | 'soon' | 'calm'; reasons: string[]; score: number };

/** No contact for this many days needs attention. */
export const CONTACT_GAP_DAYS = 21;

/** What needs attention first: overdue before due soon; the score orders families within a level. */
export function attentionOf(s: FamilySignals, today: string): Attention {
  const now: string[] = [];
  const soon: string[] = [];
  const sinceContact = s.lastContactOn ? daysBetweenDates(s.lastContactOn, today) : null;
  if (s.overdueAgreements > 0) now.push('agreements_overdue');
  const evaluationLate = s.evaluationDueOn !== null && s.evaluationDueOn < today;
  if (evaluationLate) now.push('evaluation_overdue');
  if (sinceContact !== null && sinceContact > CONTACT_GAP_DAYS) now.push('no_contact_long');
  if (s.nextMeeting && brusselsDate(new Date(s.nextMeeting.at)) === today) now.push('meeting_today');
  if (s.unreadMessages) soon.push('unread_messages');
  if (s.dueSoonAgreements > 0) soon.push('agreements_due_soon');
  if (s.evaluationDueOn !== null && s.evaluationDueOn >= today && daysBetweenDates(today, s.evaluationDueOn) <= 14) soon.push('evaluation_due_soon');
  if (sinceContact === null) soon.push('no_contact_yet');
  const score = s.overdueAgreements * 10 + (evaluationLate ? 8 : 0) + (sinceContact ?? 0) / 7 + s.dueSoonAgreements * 3 + (s.unreadMessages ?? 0);
  return { attention: now.length > 0 ? 'now' : soon.length > 0 ? 'soon' : 'calm', reasons: [...now, ...soon], score };
}
