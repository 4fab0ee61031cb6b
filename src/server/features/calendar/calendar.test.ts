import ICAL from 'ical.js';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { accessLog, agreements, consentGrants, familyParticipants, mailOutbox } from '../../db/schema/index.ts';
import { createTestFamily, type TestFamily } from '../../test/families.ts';
import { demo, signIn, useTestApp, type Client } from '../../test/harness.ts';
import { created } from '../plan/plan-test-support.ts';
import { evaluationReminderHandler } from '../meetings/reminders.ts';
import { nextMeetingsFor } from '../meetings/next.ts';
import { loadActor } from '../../access/actor.ts';
import { userIdOf } from '../../test/helpers.ts';

/*
 * The agenda and the private feed: coach1 coaches the family, coach2 plays the parent, Gent's
 * referrer the teacher (invited for the school item), Gent's coordinator an uncle with a share of
 * the finances domain. Time stands still on 10 January 2027 (Brussels).
 */
let now = new Date('2027-01-10T09:00:00+01:00');
const t = useTestApp({}, { clock: () => now });
let a: TestFamily;
const as: Record<string, Client> = {};
let meetingId = '';
const at = (day: string, time: string) => new Date(`${day}T${time}:00+01:00`).toISOString();

interface Feed { url: string | null; active: boolean }
const feedPath = (feed: Feed) => new URL(feed.url!).pathname;
const fetchFeed = (path: string) => t.app.inject({ method: 'GET', url: path });

function parse(ics: string) {
  const cal = new ICAL.Component(ICAL.parse(ics) as unknown[]);
  const tz = cal.getFirstSubcomponent('vtimezone');
  if (tz) ICAL.TimezoneService.register(tz);
  return { cal, events: cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)) };
}

beforeAll(async () => {
  a = await createTestFamily(t.db, {
    displayName: 'Gezin Kalender', coaches: [demo('coach1')],
    people: {
      ouder: { role: 'parent', name: 'Jason', email: demo('coach2') },
      juf: { role: 'outside_professional', name: 'Juf Sarah', email: demo('referrer', 'gent') },
      oom: { role: 'network_member', name: 'Oom Dirk', email: demo('coordinator', 'gent') },
    },
  });
  for (const [key, email] of Object.entries({ coach: demo('coach1'), ouder: demo('coach2'), juf: demo('referrer', 'gent'), oom: demo('coordinator', 'gent') })) {
    as[key] = await signIn(t.app, email);
  }
  const m = await created<{ id: string }>(as.ouder!, `/api/v1/families/${a.familyId}/meetings`, {
    title: 'Rondetafel', place: 'Bij tante Caro',
    items: [
      { title: 'School', lifeDomainId: a.lifeDomainIds[5], startsAt: at('2027-01-14', '18:00'), endsAt: at('2027-01-14', '18:30'), inviteeIds: [a.participants.juf] },
      { title: 'Schulden', lifeDomainId: a.lifeDomainIds[1], startsAt: at('2027-01-14', '18:30'), endsAt: at('2027-01-14', '19:15'), inviteeIds: [] },
    ],
  });
  meetingId = m.id;
  await created(as.coach!, `/api/v1/families/${a.familyId}/agreements`, { what: 'Huurpremie aanvragen', lifeDomainId: a.lifeDomainIds[1], ownerParticipantId: a.participants.ouder, dueDate: '2027-01-20' });
  // The database stamps rows with its own clock; the plan started on the test's "today".
  await t.db.update(agreements).set({ createdAt: now }).where(eq(agreements.familyId, a.familyId));
});

describe('my agenda', () => {
  it('the coach sees the round table and the agreement due; the evaluation is proposed three months after the first agreement', async () => {
    const res = await as.coach!.request('GET', '/api/v1/me/agenda?from=2027-01-01&to=2027-04-30');
    expect(res.statusCode).toBe(200);
    const items = res.json<{ items: { kind: string; title: string; start: string; familyName: string }[] }>().items.filter((i) => i.familyName === 'Gezin Kalender');
    expect(items.map((i) => [i.kind, i.start])).toEqual([
      ['meeting', at('2027-01-14', '18:00')], ['agreement_due', '2027-01-20'], ['evaluation_due', '2027-04-10'],
    ]);
    const proposal = await as.coach!.request('GET', `/api/v1/families/${a.familyId}/meetings/evaluation-proposal`);
    expect(proposal.json()).toEqual({ dueOn: '2027-04-10', intervalMonths: 3, plannedMeetingId: null });
  });

  it('the teacher sees only her part of the meeting, nothing of the finances', async () => {
    const res = await as.juf!.request('GET', '/api/v1/me/agenda?from=2027-01-01&to=2027-04-30');
    const items = res.json<{ items: { kind: string; start: string; end: string; description: string | null }[] }>().items;
    expect(items).toEqual([expect.objectContaining({ kind: 'meeting', start: at('2027-01-14', '18:00'), end: at('2027-01-14', '18:30'), description: 'School' })]);
    expect(res.body).not.toContain('Schulden');
    expect(res.body).not.toContain('Huurpremie');
  });

  it('nextMeetingsFor gives the next meeting per family in scope, leaving out families out of sight', async () => {
    const actor = (await loadActor(t.db, await userIdOf(t.db, demo('referrer', 'gent'))))!;
    const next = await nextMeetingsFor(t.db, actor, [a.familyId, '7d3c2a1e-0b4f-4e6a-9c8d-1a2b3c4d5e6f'], now);
    expect([...next.keys()]).toEqual([a.familyId]);
    expect(next.get(a.familyId)!.items.map((i) => i.title)).toEqual(['School']);
  });
});

describe('the private calendar feed', () => {
  it('is importable: parsed by ical.js with a stable UID, DTSTAMP, and times in Europe/Brussels', async () => {
    expect((await as.coach!.request('GET', '/api/v1/me/calendar-feed')).json()).toMatchObject({ active: false, url: null });
    const made = await as.coach!.request('POST', '/api/v1/me/calendar-feed');
    expect(made.statusCode).toBe(201);
    const feed = made.json<Feed>();
    expect(feed.url).toMatch(/\/api\/v1\/ical\/[A-Za-z0-9_-]{40,}\.ics$/);
    // Afterwards only whether it exists: the secret is not kept.
    expect((await as.coach!.request('GET', '/api/v1/me/calendar-feed')).json()).toMatchObject({ active: true, url: null });
    const first = await fetchFeed(feedPath(feed));
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toMatch(/^text\/calendar/);
    const { cal, events } = parse(first.body);
    expect(cal.getFirstSubcomponent('vtimezone')!.getFirstPropertyValue('tzid')).toBe('Europe/Brussels');
    const meeting = events.find((e) => e.uid === `meeting-${meetingId}@gezinsplan`)!;
    expect(meeting.startDate.zone.tzid).toBe('Europe/Brussels');
    expect(meeting.startDate.toJSDate().toISOString()).toBe(at('2027-01-14', '18:00'));
    expect(meeting.endDate.toJSDate().toISOString()).toBe(at('2027-01-14', '19:15'));
    for (const e of events) expect(e.component.getFirstPropertyValue('dtstamp')).toBeTruthy();
    const due = events.find((e) => e.summary.startsWith('Afspraak: Huurpremie'))!;
    expect(due.startDate.isDate).toBe(true);
    expect(due.startDate.toString()).toBe('2027-01-20');
    const again = parse((await fetchFeed(feedPath(feed))).body).events.map((e) => e.uid).sort();
    expect(again).toEqual(events.map((e) => e.uid).sort());
  });

  it('applies the scope at every fetch: a revoked share disappears from the next refresh', async () => {
    const feed = (await as.oom!.request('POST', '/api/v1/me/calendar-feed')).json<Feed>();
    expect(parse((await fetchFeed(feedPath(feed))).body).events).toEqual([]);
    const [grant] = await t.db.insert(consentGrants).values({
      collaborationId: a.collaborationId, familyId: a.familyId, participantId: a.participants.oom!, lifeDomainId: a.lifeDomainIds[1]!, level: 'read', status: 'active',
      grantedByParticipantId: a.participants.ouder!, approvedByParticipantId: a.participants.ouder!, approvedAt: new Date(),
    }).returning({ id: consentGrants.id });
    const shared = parse((await fetchFeed(feedPath(feed))).body).events;
    expect(shared.map((e) => e.summary).sort()).toEqual(['Afspraak: Huurpremie aanvragen · Gezin Kalender', 'Rondetafel · Gezin Kalender']);
    // The uncle sees the finances item of the meeting only: its own times.
    expect(shared.find((e) => e.summary.startsWith('Rondetafel'))!.startDate.toJSDate().toISOString()).toBe(at('2027-01-14', '18:30'));
    await t.db.update(consentGrants).set({ revokedAt: new Date() }).where(eq(consentGrants.id, grant!.id));
    expect(parse((await fetchFeed(feedPath(feed))).body).events).toEqual([]);
  });

  it('every fetch is in the family\'s access log; a removed participant\'s feed is empty at once; another collaboration sees nothing', async () => {
    const feed = (await as.oom!.request('POST', '/api/v1/me/calendar-feed')).json<Feed>();
    const before = await t.db.select().from(accessLog).where(and(eq(accessLog.familyId, a.familyId), eq(accessLog.entityType, 'calendar_feed')));
    await t.db.update(consentGrants).set({ revokedAt: null }).where(eq(consentGrants.participantId, a.participants.oom!));
    expect(parse((await fetchFeed(feedPath(feed))).body).events.length).toBeGreaterThan(0);
    const after = await t.db.select().from(accessLog).where(and(eq(accessLog.familyId, a.familyId), eq(accessLog.entityType, 'calendar_feed')));
    expect(after.length).toBe(before.length + 1);
    await t.db.update(familyParticipants).set({ removedAt: new Date() }).where(eq(familyParticipants.id, a.participants.oom!));
    expect(parse((await fetchFeed(feedPath(feed))).body).events).toEqual([]);
    await t.db.update(familyParticipants).set({ removedAt: null }).where(eq(familyParticipants.id, a.participants.oom!));
    await t.db.update(consentGrants).set({ revokedAt: new Date() }).where(eq(consentGrants.participantId, a.participants.oom!));
    const gent = await signIn(t.app, demo('coach1', 'gent'));
    expect((await gent.request('GET', '/api/v1/me/agenda?from=2027-01-01&to=2027-04-30')).body).not.toContain('Gezin Kalender');
  });

  it('a stopped or renewed feed answers 404; a made-up token too', async () => {
    const old = (await as.juf!.request('POST', '/api/v1/me/calendar-feed')).json<Feed>();
    expect((await fetchFeed(feedPath(old))).statusCode).toBe(200);
    const renewed = (await as.juf!.request('POST', '/api/v1/me/calendar-feed')).json<Feed>();
    expect((await fetchFeed(feedPath(old))).statusCode).toBe(404);
    expect((await fetchFeed(feedPath(renewed))).statusCode).toBe(200);
    expect((await as.juf!.request('DELETE', '/api/v1/me/calendar-feed')).statusCode).toBe(204);
    expect((await fetchFeed(feedPath(renewed))).statusCode).toBe(404);
    expect((await fetchFeed('/api/v1/ical/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics')).statusCode).toBe(404);
    expect((await fetchFeed('/api/v1/ical/short.ics')).statusCode).toBe(404);
  });
});

describe('evaluation reminders', () => {
  it('two weeks before the evaluation is due, the coach and the parent are reminded once', async () => {
    const mailsFor = async (to: string) => (await t.db.select().from(mailOutbox).where(eq(mailOutbox.to, to))).filter((m) => m.subject.includes('Gezin Kalender'));
    now = new Date('2027-03-20T07:00:00+01:00');
    await evaluationReminderHandler(t.db, t.config, () => now)({});
    expect(await mailsFor(demo('coach1'))).toEqual([]);
    now = new Date('2027-03-28T07:00:00+01:00');
    await evaluationReminderHandler(t.db, t.config, () => now)({});
    await evaluationReminderHandler(t.db, t.config, () => now)({});
    const coach = await mailsFor(demo('coach1'));
    expect(coach).toHaveLength(1);
    expect(coach[0]!.text).toContain(`/families/${a.familyId}/meetings`);
    expect(await mailsFor(demo('coach2'))).toHaveLength(1);
    expect(await mailsFor(demo('referrer', 'gent'))).toEqual([]);
  });

  it('a planned evaluation round replaces the proposal', async () => {
    await created(as.ouder!, `/api/v1/families/${a.familyId}/meetings`, {
      title: 'Evaluatie', kind: 'evaluation', items: [{ title: 'Terugblik', startsAt: at('2027-04-12', '18:00'), endsAt: at('2027-04-12', '19:00') }],
    });
    const proposal = (await as.coach!.request('GET', `/api/v1/families/${a.familyId}/meetings/evaluation-proposal`)).json<{ plannedMeetingId: string | null }>();
    expect(proposal.plannedMeetingId).toBeTruthy();
    const agenda = (await as.coach!.request('GET', '/api/v1/me/agenda?from=2027-04-01&to=2027-04-30')).json<{ items: { kind: string; familyName: string }[] }>();
    expect(agenda.items.filter((i) => i.familyName === 'Gezin Kalender').map((i) => i.kind)).toEqual(['meeting']);
  });
});

describe('the evaluation interval is a setting of the collaboration', () => {
  it('an admin changes it where the settings are edited; out of range is 422 and changes nothing', async () => {
    const admin = await signIn(t.app, demo('admin'));
    const settingsUrl = `/api/v1/collaborations/${a.collaborationId}/settings`;
    const settings = (await admin.request('GET', settingsUrl)).json<{ version: number; evaluationIntervalMonths: number }>();
    expect(settings.evaluationIntervalMonths).toBe(3);
    const tooLong = await admin.request('PATCH', settingsUrl, { body: { evaluationIntervalMonths: 25 }, headers: { 'if-match': `"${settings.version}"` } });
    expect(tooLong.statusCode).toBe(422);
    const six = await admin.request('PATCH', settingsUrl, { body: { evaluationIntervalMonths: 6 }, headers: { 'if-match': `"${settings.version}"` } });
    expect(six.json()).toMatchObject({ evaluationIntervalMonths: 6 });
    const proposal = (await as.coach!.request('GET', `/api/v1/families/${a.familyId}/meetings/evaluation-proposal`)).json<{ dueOn: string; intervalMonths: number }>();
    expect(proposal).toMatchObject({ dueOn: '2027-07-10', intervalMonths: 6 });
  });
});
