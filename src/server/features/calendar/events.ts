import { and, eq, isNull } from 'drizzle-orm';
import type { CalendarEvent, Meeting } from '../../../shared/schemas/meetings.ts';
import type { Actor } from '../../access/actor.ts';
import { loadFamilyScope, visibleFamiliesWhere, type FamilyScope } from '../../access/family-scope.ts';
import type { Executor } from '../../db/connection.ts';
import { families, familyParticipants } from '../../db/schema/index.ts';
import { listContacts } from '../families/repo.ts';
import { loadAgreements, participantNames } from '../plan/content.ts';
import { evaluationProposal } from '../meetings/evaluation.ts';
import { loadMeetings } from '../meetings/repo.ts';
import { brusselsDate } from '../registrations/timing.ts';
import { translator } from '../../i18n/translate.ts';

export interface CalendarRange {
  /** First day (Brussels), inclusive. */
  from: string;
  /** Last day (Brussels), inclusive. */
  to: string;
}

/** The families whose circle the actor is in (not removed, and still in it after a closure), with their names. */
async function familiesOf(db: Executor, actor: Actor) {
  return db.select({ id: families.id, name: families.displayName }).from(familyParticipants)
    .innerJoin(families, and(eq(families.collaborationId, familyParticipants.collaborationId), eq(families.id, familyParticipants.familyId)))
    .where(and(eq(familyParticipants.userId, actor.userId), isNull(familyParticipants.removedAt), visibleFamiliesWhere(actor)))
    .orderBy(families.displayName);
}

const inRange = (day: string, range: CalendarRange) => day >= range.from && day <= range.to;

function meetingEvent(m: Meeting, familyName: string, url: string): CalendarEvent {
  return {
    uid: `meeting-${m.id}@gezinsplan`, kind: 'meeting', familyId: m.familyId, familyName, title: `${m.title} · ${familyName}`,
    allDay: false, start: m.startsAt, end: m.endsAt, place: m.place ?? m.videoUrl, url,
    description: m.items.map((i) => `${i.title}`).join('\n') || null, myReply: m.myReply, meetingId: m.id,
  };
}

/** What one family contributes to the actor's calendar: everything through the family's access scope. */
export async function familyEvents(db: Executor, actor: Actor, scope: FamilyScope, family: { id: string; name: string }, range: CalendarRange, now: Date, publicUrl: string): Promise<CalendarEvent[]> {
  const t = translator(actor.locale);
  const base = `${publicUrl}/families/${family.id}`;
  const out: CalendarEvent[] = [];
  for (const m of await loadMeetings(db, scope)) {
    const day = brusselsDate(new Date(m.startsAt));
    if (m.status === 'planned' && inRange(day, range)) out.push(meetingEvent(m, family.name, `${base}/meetings/${m.id}`));
  }
  for (const a of await loadAgreements(db, scope, await participantNames(db, scope), now, { status: 'open' })) {
    if (a.dueDate && inRange(a.dueDate, range)) {
      out.push({
        uid: `agreement-${a.id}@gezinsplan`, kind: 'agreement_due', familyId: family.id, familyName: family.name,
        title: `${t('calendar.agreement')}: ${a.what} · ${family.name}`, allDay: true, start: a.dueDate, end: a.dueDate,
        place: null, url: `${base}/plan`, description: a.ownerName ?? null, myReply: null, meetingId: null,
      });
    }
  }
  for (const c of await listContacts(db, scope)) {
    if (inRange(c.occurredOn, range)) {
      out.push({
        uid: `contact-${c.id}@gezinsplan`, kind: 'contact_moment', familyId: family.id, familyName: family.name,
        title: `${t('calendar.contact')} · ${family.name}`, allDay: true, start: c.occurredOn, end: c.occurredOn,
        place: c.placeDetail, url: `${base}/members`, description: null, myReply: null, meetingId: null,
      });
    }
  }
  // The evaluation date is about the whole plan: for the family and its coaches.
  if (scope.reach === 'full') {
    const proposal = await evaluationProposal(db, scope);
    if (proposal.dueOn && !proposal.plannedMeetingId && inRange(proposal.dueOn, range)) {
      out.push({
        uid: `evaluation-${family.id}-${proposal.dueOn}@gezinsplan`, kind: 'evaluation_due', familyId: family.id, familyName: family.name,
        title: `${t('calendar.evaluation')} · ${family.name}`, allDay: true, start: proposal.dueOn, end: proposal.dueOn,
        place: null, url: `${base}/meetings`, description: null, myReply: null, meetingId: null,
      });
    }
  }
  return out;
}

const startKey = (e: CalendarEvent) => (e.allDay ? `${e.start}T00:00` : brusselsDate(new Date(e.start)) + new Date(e.start).toISOString().slice(10));

/**
 * Every calendar event the actor may see across all families they are in the circle of: round
 * tables (their items), agreements due, contact moments and evaluation dates. The scope is loaded
 * afresh for each family on each call, so a removed participant or a revoked grant is gone at once.
 * Used by the agenda (`GET /me/agenda`) and the private feed alike. `onFamily` lets the caller log
 * the read per family.
 */
export async function calendarEventsFor(
  db: Executor, actor: Actor, range: CalendarRange,
  opts: { now: Date; publicUrl: string; onFamily?: (scope: FamilyScope) => Promise<void> },
): Promise<CalendarEvent[]> {
  const events: CalendarEvent[] = [];
  for (const family of await familiesOf(db, actor)) {
    const scope = await loadFamilyScope(db, actor, family.id);
    // A personal agenda holds the families one is in the circle of, never one opened in an emergency.
    if (scope.reach === 'metadata' || scope.reach === 'emergency') continue;
    events.push(...await familyEvents(db, actor, scope, family, range, opts.now, opts.publicUrl));
    await opts.onFamily?.(scope);
  }
  return events.sort((a, b) => startKey(a).localeCompare(startKey(b)) || a.uid.localeCompare(b.uid));
}
