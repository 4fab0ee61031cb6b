import ICAL from 'ical.js';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { consentGrants, familyParticipants, mailAttachments, mailOutbox } from '../../db/schema/index.ts';
import { createTestFamily, type TestFamily } from '../../test/families.ts';
import { demo, signIn, useTestApp, type Client } from '../../test/harness.ts';
import { expectError, RANDOM_UUID } from '../../test/helpers.ts';
import { created, expectSameAsRandom, ifMatch } from '../plan/plan-test-support.ts';

/*
 * Pieter's round table, and everyone who should not see parts of it trying to. coach2 plays Jason
 * (parent), Gent's admin aunt Caro (network member, chair), Gent's referrer the teacher (outside
 * professional, invited for the school item only), Gent's coordinator uncle Dirk (network member,
 * not invited), Antwerp's referrer a parent of another family, Gent's coach1 someone in another
 * collaboration, Antwerp's coordinator outside the circle.
 */
const t = useTestApp();
let a: TestFamily;
let b: TestFamily;
const as: Record<string, Client> = {};
const id = {} as Record<'meeting' | 'schoolItem' | 'debtItem' | 'school' | 'finances', string>;
const url = (path = '') => `/api/v1/families/${a.familyId}/meetings${path}`;
const at = (day: string, time: string) => new Date(`${day}T${time}:00+01:00`).toISOString();
const DAY = '2027-01-14';

type MeetingBody = { id: string; version: number; startsAt: string; endsAt: string; items: { id: string; title: string; startsAt: string; people: { participantId: string; invited: boolean }[]; notes: { id: string; text: string; version: number; agreementId: string | null }[] }[]; replies: { participantId: string; reply: string }[]; myReply: string | null };
const get = async (who: string, path = '') => (await as[who]!.request('GET', url(path)));
const titlesFor = async (who: string) => (await get(who)).json<{ items: MeetingBody[] }>().items.flatMap((m) => m.items.map((i) => i.title));

beforeAll(async () => {
  a = await createTestFamily(t.db, {
    displayName: 'Gezin Verbeeck (test)', coaches: [demo('coach1')],
    people: {
      jason: { role: 'parent', name: 'Jason', email: demo('coach2') },
      caro: { role: 'network_member', name: 'Tante Caro', email: demo('admin', 'gent') },
      juf: { role: 'outside_professional', name: 'Juf Sarah', email: demo('referrer', 'gent') },
      oom: { role: 'network_member', name: 'Oom Dirk', email: demo('coordinator', 'gent') },
      pieter: { role: 'child', name: 'Pieter', birthYear: 2017 },
    },
  });
  b = await createTestFamily(t.db, { displayName: 'Gezin Anders', coaches: [demo('coach1')], people: { ander: { role: 'parent', name: 'Ander', email: demo('referrer') } } });
  for (const [key, email] of Object.entries({
    coach: demo('coach1'), jason: demo('coach2'), caro: demo('admin', 'gent'), juf: demo('referrer', 'gent'), oom: demo('coordinator', 'gent'),
    ander: demo('referrer'), gentCoach: demo('coach1', 'gent'), coordinator: demo('coordinator'),
  })) as[key] = await signIn(t.app, email);
  const [school, , finances] = [a.lifeDomainIds[5]!, null, a.lifeDomainIds[1]!];
  id.school = school;
  id.finances = finances;
  const meeting = await created<MeetingBody>(as.jason!, url(), {
    title: 'Rondetafel', place: 'Bij tante Caro', chairParticipantId: a.participants.caro,
    items: [
      { title: 'School van Pieter', lifeDomainId: school, startsAt: at(DAY, '18:00'), endsAt: at(DAY, '18:30'), inviteeIds: [a.participants.juf, a.participants.caro, a.participants.jason] },
      { title: 'Schulden', lifeDomainId: finances, startsAt: at(DAY, '18:30'), endsAt: at(DAY, '19:15'), inviteeIds: [a.participants.caro, a.participants.jason] },
    ],
  });
  id.meeting = meeting.id;
  id.schoolItem = meeting.items.find((i) => i.title === 'School van Pieter')!.id;
  id.debtItem = meeting.items.find((i) => i.title === 'Schulden')!.id;
});

describe('round tables: planning', () => {
  it('a parent plans it with the aunt as chair; the meeting spans its items', async () => {
    const res = await get('jason', `/${id.meeting}`);
    expect(res.statusCode).toBe(200);
    const m = res.json<MeetingBody & { chairName: string }>();
    expect(m).toMatchObject({ chairName: 'Tante Caro', startsAt: at(DAY, '18:00'), endsAt: at(DAY, '19:15') });
    expect(m.items.map((i) => i.title)).toEqual(['School van Pieter', 'Schulden']);
    expect(res.headers.etag).toBe(`"${m.version}"`);
  });

  it('bad input is 422 with the field, and nothing is made', async () => {
    const before = (await get('jason')).json<{ items: unknown[] }>().items.length;
    const backwards = await as.jason!.request('POST', url(), { body: { title: 'X', items: [{ title: 'Y', startsAt: at(DAY, '19:00'), endsAt: at(DAY, '18:00') }] } });
    expect(expectError(backwards, 422, 'validation_failed').details).toEqual([expect.objectContaining({ field: 'items.0.endsAt' })]);
    const coachChair = await as.jason!.request('POST', url(), { body: { title: 'X', chairParticipantId: a.participants[`coach:${demo('coach1')}`], items: [{ title: 'Y', startsAt: at(DAY, '18:00'), endsAt: at(DAY, '19:00') }] } });
    expect(expectError(coachChair, 422, 'validation_failed').details).toEqual([expect.objectContaining({ field: 'chairParticipantId', code: 'chairAtFamilyRequest' })]);
    const otherFamilyInvitee = await as.jason!.request('POST', url(), { body: { title: 'X', items: [{ title: 'Y', startsAt: at(DAY, '18:00'), endsAt: at(DAY, '19:00'), inviteeIds: [b.participants.ander] }] } });
    expect(expectError(otherFamilyInvitee, 422, 'validation_failed').details).toEqual([expect.objectContaining({ field: 'items.0.inviteeIds' })]);
    expect((await get('jason')).json<{ items: unknown[] }>().items).toHaveLength(before);
  });

  it('the coach may chair at the family\'s request, and says so', async () => {
    const m = await created<MeetingBody & { chairAtFamilyRequest: boolean }>(as.coach!, url(), { title: 'Kort overleg', chairParticipantId: a.participants[`coach:${demo('coach1')}`], chairAtFamilyRequest: true, items: [{ title: 'Wonen', startsAt: at('2027-02-01', '10:00'), endsAt: at('2027-02-01', '11:00') }] });
    expect(m.chairAtFamilyRequest).toBe(true);
    expect((await as.coach!.request('DELETE', url(`/${m.id}`), { headers: ifMatch(m.version) })).statusCode).toBe(204);
  });

  it('a repeated Idempotency-Key replays the first answer', async () => {
    const body = { title: 'Eenmaal', items: [{ title: 'Een punt', startsAt: at('2027-03-01', '10:00'), endsAt: at('2027-03-01', '11:00') }] };
    const headers = { 'idempotency-key': 'meeting-once-1' };
    const first = await as.jason!.request('POST', url(), { body, headers });
    const again = await as.jason!.request('POST', url(), { body, headers });
    expect(first.statusCode).toBe(201);
    expect(again.json<{ id: string }>().id).toBe(first.json<{ id: string }>().id);
    expectError(await as.jason!.request('POST', url(), { body: { ...body, title: 'Anders' }, headers }), 422, 'idempotency_conflict');
    const m = first.json<MeetingBody>();
    await as.jason!.request('DELETE', url(`/${m.id}`), { headers: ifMatch(m.version) });
  });

  it('changes need If-Match (428), a stale one is 412', async () => {
    const m = (await get('jason', `/${id.meeting}`)).json<MeetingBody>();
    expectError(await as.jason!.request('PATCH', url(`/${id.meeting}`), { body: { place: 'Thuis' } }), 428, 'precondition_required');
    const ok = await as.jason!.request('PATCH', url(`/${id.meeting}`), { body: { place: 'Bij tante Caro, Kerkstraat' }, headers: ifMatch(m.version) });
    expect(ok.statusCode).toBe(200);
    expectError(await as.jason!.request('PATCH', url(`/${id.meeting}`), { body: { place: 'Thuis' }, headers: ifMatch(m.version) }), 412, 'precondition_failed');
  });

  it('only coordinators (parents, coaches) plan and change: the network is 403, outsiders 404 like a random id', async () => {
    const body = { title: 'X', items: [{ title: 'Y', startsAt: at(DAY, '18:00'), endsAt: at(DAY, '19:00') }] };
    expectError(await as.caro!.request('POST', url(), { body }), 403, 'forbidden');
    expectError(await as.juf!.request('PATCH', url(`/${id.meeting}`), { body: { place: 'School' }, headers: ifMatch(1) }), 403, 'forbidden');
    for (const who of ['ander', 'gentCoach', 'coordinator']) {
      await expectSameAsRandom(as[who]!, 'GET', url(`/${id.meeting}`), id.meeting);
      await expectSameAsRandom(as[who]!, 'PATCH', url(`/${id.meeting}`), id.meeting, { place: 'X' });
      expect((await as[who]!.request('POST', url(), { body })).statusCode).toBe(404);
      expect((await as[who]!.request('GET', url())).statusCode).toBe(404);
    }
  });
});

describe('round tables: who sees which item and its notes', () => {
  beforeAll(async () => {
    const m = (await get('jason', `/${id.meeting}`)).json<MeetingBody>();
    await created(as.juf!, url(`/${id.meeting}/items/${id.schoolItem}/notes`), { text: 'Pieter leest graag; hij mist zijn mama in de klas.' });
    await created(as.caro!, url(`/${id.meeting}/items/${id.debtItem}/notes`), { text: 'Jason heeft 4.000 euro schulden bij de energieleverancier.' });
    expect(m.version).toBeGreaterThan(0);
  });

  it('the family sees every item and every note', async () => {
    expect(await titlesFor('jason')).toEqual(['School van Pieter', 'Schulden']);
    const notes = (await get('coach', `/${id.meeting}`)).json<MeetingBody>().items.flatMap((i) => i.notes.map((n) => n.text));
    expect(notes).toHaveLength(2);
  });

  it('the teacher invited for the school item sees only that item, its notes and her own reply; the meeting is her part of it', async () => {
    const res = await get('juf', `/${id.meeting}`);
    const m = res.json<MeetingBody>();
    expect(m.items.map((i) => i.title)).toEqual(['School van Pieter']);
    expect({ startsAt: m.startsAt, endsAt: m.endsAt }).toEqual({ startsAt: at(DAY, '18:00'), endsAt: at(DAY, '18:30') });
    expect(res.body).not.toContain('Schulden');
    expect(res.body).not.toContain('4.000');
    expect(res.body).not.toContain(id.debtItem);
    expect(m.replies.every((r) => r.participantId === a.participants.juf)).toBe(true);
    expect((await get('juf')).body).not.toContain('4.000');
  });

  it('the uncle, in the circle but not invited, sees no meeting at all', async () => {
    expect((await get('oom')).json<{ items: unknown[] }>().items).toEqual([]);
    await expectSameAsRandom(as.oom!, 'GET', url(`/${id.meeting}`), id.meeting);
  });

  it('an item out of sight answers 404 for notes, exactly like a random id', async () => {
    await expectSameAsRandom(as.juf!, 'POST', url(`/${id.meeting}/items/${id.debtItem}/notes`), id.debtItem, { text: 'Mag ik dit zien?' });
    expect((await as.oom!.request('POST', url(`/${id.meeting}/items/${id.schoolItem}/notes`), { body: { text: 'x' } })).statusCode).toBe(404);
  });

  it('attendance opens the item to whoever was there', async () => {
    const m = (await get('jason', `/${id.meeting}`)).json<MeetingBody>();
    const res = await as.jason!.request('PUT', url(`/${id.meeting}/attendance`), { body: { entries: [{ itemId: id.schoolItem, participantId: a.participants.oom, attended: true }] }, headers: ifMatch(m.version) });
    expect(res.statusCode).toBe(200);
    expect(await titlesFor('oom')).toEqual(['School van Pieter']);
    expectError(await as.caro!.request('PUT', url(`/${id.meeting}/attendance`), { body: { entries: [{ itemId: id.debtItem, participantId: a.participants.oom, attended: true }] }, headers: ifMatch(m.version + 1) }), 403, 'forbidden');
    const back = (await get('jason', `/${id.meeting}`)).json<MeetingBody>();
    await as.jason!.request('PUT', url(`/${id.meeting}/attendance`), { body: { entries: [{ itemId: id.schoolItem, participantId: a.participants.oom, attended: false }] }, headers: ifMatch(back.version) });
    expect(await titlesFor('oom')).toEqual([]);
  });

  it('a share of the life domain shows the item; revoking it takes it away on the next request', async () => {
    const [grant] = await t.db.insert(consentGrants).values({
      collaborationId: a.collaborationId, familyId: a.familyId, participantId: a.participants.oom!, lifeDomainId: id.finances!, level: 'read', status: 'active',
      grantedByParticipantId: a.participants.jason!, approvedByParticipantId: a.participants.jason!, approvedAt: new Date(),
    }).returning({ id: consentGrants.id });
    expect(await titlesFor('oom')).toEqual(['Schulden']);
    await t.db.update(consentGrants).set({ revokedAt: new Date() }).where(eq(consentGrants.id, grant!.id));
    expect(await titlesFor('oom')).toEqual([]);
  });

  it('uninviting the teacher from the item takes it out of her sight', async () => {
    const m = (await get('jason', `/${id.meeting}`)).json<MeetingBody>();
    await as.jason!.request('PATCH', url(`/${id.meeting}/items/${id.schoolItem}`), { body: { inviteeIds: [a.participants.caro, a.participants.jason] }, headers: ifMatch(m.version) });
    expect((await get('juf')).json<{ items: unknown[] }>().items).toEqual([]);
    const again = (await get('jason', `/${id.meeting}`)).json<MeetingBody>();
    await as.jason!.request('PATCH', url(`/${id.meeting}/items/${id.schoolItem}`), { body: { inviteeIds: [a.participants.juf, a.participants.caro, a.participants.jason] }, headers: ifMatch(again.version) });
    expect(await titlesFor('juf')).toEqual(['School van Pieter']);
  });

  it('a removed participant gets 404 for everything of the family', async () => {
    await t.db.update(familyParticipants).set({ removedAt: new Date() }).where(eq(familyParticipants.id, a.participants.juf!));
    try {
      await expectSameAsRandom(as.juf!, 'GET', url(`/${id.meeting}`), id.meeting);
      expect((await get('juf')).statusCode).toBe(404);
    } finally {
      await t.db.update(familyParticipants).set({ removedAt: null }).where(eq(familyParticipants.id, a.participants.juf!));
    }
  });
});

describe('round tables: replies, invitations, agreements', () => {
  it('the teacher answers yes for herself; someone not invited cannot answer', async () => {
    const res = await as.juf!.request('PUT', url(`/${id.meeting}/reply`), { body: { reply: 'yes' } });
    expect(res.statusCode).toBe(200);
    expect(res.json<MeetingBody>().myReply).toBe('yes');
    expectError(await as.juf!.request('PUT', url(`/${id.meeting}/reply`), { body: { reply: 'sure' } }), 422, 'validation_failed');
    const jason = (await get('jason', `/${id.meeting}`)).json<MeetingBody>();
    expect(jason.replies.find((r) => r.participantId === a.participants.juf)?.reply).toBe('yes');
  });

  it('invitations are mailed with an .ics of that person\'s own items (METHOD:REQUEST, Europe/Brussels)', async () => {
    expectError(await as.caro!.request('POST', url(`/${id.meeting}/invitations`), { body: {} }), 403, 'forbidden');
    const res = await as.jason!.request('POST', url(`/${id.meeting}/invitations`), { body: {} });
    expect(res.json()).toEqual({ sent: 2 });
    const [mail] = await t.db.select().from(mailOutbox).where(eq(mailOutbox.to, demo('referrer', 'gent')));
    expect(mail!.subject).toContain('Gezin Verbeeck (test)');
    expect(mail!.text).not.toContain('School van Pieter');
    const [file] = await t.db.select().from(mailAttachments).where(eq(mailAttachments.mailId, mail!.id));
    expect(file!.contentType).toContain('method=REQUEST');
    const cal = new ICAL.Component(ICAL.parse(file!.content) as unknown[]);
    expect(cal.getFirstPropertyValue('method')).toBe('REQUEST');
    const tz = cal.getFirstSubcomponent('vtimezone')!;
    expect(tz.getFirstPropertyValue('tzid')).toBe('Europe/Brussels');
    ICAL.TimezoneService.register(tz);
    const event = new ICAL.Event(cal.getFirstSubcomponent('vevent')!);
    expect(event.uid).toBe(`meeting-${id.meeting}@gezinsplan`);
    expect(event.startDate.zone.tzid).toBe('Europe/Brussels');
    expect(event.component.getFirstProperty('dtstart')!.getParameter('tzid')).toBe('Europe/Brussels');
    expect(event.startDate.toJSDate().toISOString()).toBe(at(DAY, '18:00'));
    expect(event.endDate.toJSDate().toISOString()).toBe(at(DAY, '18:30'));
    expect(event.component.getFirstProperty('dtstamp')).toBeTruthy();
    expect(event.attendees.map((p) => String(p.getFirstValue()).toLowerCase())).toEqual([`mailto:${demo('referrer', 'gent')}`]);
    // Sent again only when something changed.
    expect((await as.jason!.request('POST', url(`/${id.meeting}/invitations`), { body: {} })).json()).toEqual({ sent: 0 });
  });

  it('a note becomes a plan agreement in one action, linked to the goal, in the plan\'s history', async () => {
    const goal = await created<{ id: string }>(as.jason!, `/api/v1/families/${a.familyId}/goals`, { text: 'Pieter voelt zich goed op school', lifeDomainId: id.school });
    const m = (await get('jason', `/${id.meeting}`)).json<MeetingBody>();
    const note = m.items.find((i) => i.id === id.schoolItem)!.notes[0]!;
    expectError(await as.jason!.request('POST', url(`/${id.meeting}/items/${id.schoolItem}/notes/${note.id}/agreement`), { body: { ownerParticipantId: a.participants.juf } }), 428, 'precondition_required');
    const res = await as.jason!.request('POST', url(`/${id.meeting}/items/${id.schoolItem}/notes/${note.id}/agreement`), {
      body: { what: 'Juf Sarah leest elke week samen met Pieter', ownerParticipantId: a.participants.juf, dueDate: '2027-02-15', goalId: goal.id }, headers: ifMatch(note.version),
    });
    expect(res.statusCode).toBe(201);
    const { agreement, note: after } = res.json<{ agreement: { id: string; goalId: string; ownerName: string }; note: { agreementId: string } }>();
    expect(agreement).toMatchObject({ goalId: goal.id, ownerName: 'Juf Sarah' });
    expect(after.agreementId).toBe(agreement.id);
    const plan = await as.jason!.request('GET', `/api/v1/families/${a.familyId}/agreements`);
    expect(plan.body).toContain('Juf Sarah leest elke week samen met Pieter');
    const history = await as.jason!.request('GET', `/api/v1/families/${a.familyId}/history`);
    expect(history.json<{ items: { itemType: string; itemId: string; action: string }[] }>().items).toEqual(expect.arrayContaining([
      expect.objectContaining({ itemType: 'agreement', itemId: agreement.id, action: 'create' }),
    ]));
    expectError(await as.jason!.request('POST', url(`/${id.meeting}/items/${id.schoolItem}/notes/${note.id}/agreement`), { body: { ownerParticipantId: a.participants.juf }, headers: ifMatch(note.version + 1) }), 422, 'validation_failed');
  });

  it('the whole-file export holds the meetings as far as each person sees them; reads are in the access log', async () => {
    const exportOf = async (who: string) => (await as[who]!.request('GET', `/api/v1/families/${a.familyId}/export?format=json`));
    const family = (await exportOf('jason')).json<{ meetings: MeetingBody[]; accessLog: { entityType: string }[] }>();
    expect(family.meetings.find((m) => m.id === id.meeting)!.items.map((i) => i.title)).toEqual(['School van Pieter', 'Schulden']);
    expect(family.accessLog.map((r) => r.entityType)).toContain('meeting');
    const teacher = await exportOf('juf');
    expect(teacher.json<{ meetings: MeetingBody[] }>().meetings.flatMap((m) => m.items.map((i) => i.title))).toEqual(['School van Pieter']);
    expect(teacher.body).not.toContain('4.000');
  });

  it('random ids answer 404', async () => {
    expect((await get('jason', `/${RANDOM_UUID}`)).statusCode).toBe(404);
    expect((await as.jason!.request('POST', url(`/${id.meeting}/items/${RANDOM_UUID}/notes`), { body: { text: 'x' } })).statusCode).toBe(404);
  });
});
