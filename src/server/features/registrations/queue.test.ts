import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { accessLog, families, familyParticipants, registrations } from '../../db/schema/index.ts';
import { demo, signIn, useTestApp, type Client } from '../../test/harness.ts';
import { collaborationIdOf, expectError, mailsTo, requestIdOf, userIdOf } from '../../test/helpers.ts';
import { createRegistrationId, DAY, registrationBody } from './test-fixtures.ts';

let now = new Date('2026-11-23T10:00:00Z');
const t = useTestApp({}, { clock: () => now });
let antwerpen: string;
let gent: string;
let coordinator: Client;
let coach1: Client;
let coach1Id: string;
let coach2Id: string;
beforeAll(async () => {
  antwerpen = await collaborationIdOf(t.db, 'antwerpen');
  gent = await collaborationIdOf(t.db, 'gent');
  coordinator = await signIn(t.app, demo('coordinator', 'antwerpen'));
  coach1 = await signIn(t.app, demo('coach1', 'antwerpen'));
  coach1Id = await userIdOf(t.db, demo('coach1', 'antwerpen'));
  coach2Id = await userIdOf(t.db, demo('coach2', 'antwerpen'));
});

const queue = (client: Client, query = '') => client.request('GET', `/api/v1/registrations?collaborationId=${antwerpen}${query}`);
type Summary = { id: string; familyName: string; daysSince: number; timing: string; status: string; receivedAt: string; version: number; coaches: { userId: string }[] };
const byName = (items: Summary[], name: string) => items.find((i) => i.familyName === name)!;
const regRow = async (id: string) => (await t.db.select().from(registrations).where(eq(registrations.id, id)))[0]!;

describe('the queue', () => {
  it('lists open registrations first due first, with days, due date and timing from the clock', async () => {
    const res = await queue(coordinator);
    expect(res.statusCode).toBe(200);
    const items = res.json().items as Summary[];
    expect(items.map((i) => [i.familyName, i.daysSince, i.timing])).toEqual([
      ['Claessens', 33, 'overdue'],
      ['Peeters-Wouters', 27, 'warning'],
      ['Öztürk', 24, 'warning'],
      ['Gezin D. (consult)', 19, 'on_track'],
      ['Jacobs', 16, 'done'],
      ['Van Aken', 12, 'on_track'],
      ['Malika Bennani', 3, 'on_track'],
    ]);
    expect(byName(items, 'Claessens')).toMatchObject({ firstContactDueBy: new Date(now.getTime() - 3 * DAY).toISOString(), collaborationId: antwerpen });
    const logged = await t.db.select().from(accessLog).where(eq(accessLog.requestId, requestIdOf(res)));
    expect(logged).toMatchObject([{ action: 'read', entityType: 'registration_list', collaborationId: antwerpen, actorRole: 'coordinator' }]);
  });

  it('a registration 25 days old stands out as a warning, at 31 days it is overdue', async () => {
    const received = now;
    const id = await createRegistrationId(t, { family: { name: 'Klok Gezin', language: 'nl' } });
    now = new Date(received.getTime() + 25 * DAY);
    expect(byName((await queue(coordinator)).json().items, 'Klok Gezin')).toMatchObject({ id, daysSince: 25, timing: 'warning' });
    now = new Date(received.getTime() + 30 * DAY);
    expect(byName((await queue(coordinator)).json().items, 'Klok Gezin')).toMatchObject({ daysSince: 30, timing: 'warning' });
    now = new Date(received.getTime() + 31 * DAY);
    expect(byName((await queue(coordinator)).json().items, 'Klok Gezin')).toMatchObject({ daysSince: 31, timing: 'overdue' });
    now = received;
  });

  it('filters by status, coach and referrer type, and pages with a cursor', async () => {
    const mine = (await queue(coordinator, `&coachId=${coach1Id}`)).json().items as Summary[];
    expect(mine.map((i) => i.familyName)).toEqual(['Jacobs', 'Van Aken']);
    expect((await queue(coordinator, '&status=first_contact')).json().items.map((i: Summary) => i.familyName)).toEqual(['Jacobs']);
    expect((await queue(coordinator, '&referrerType=gp')).json().items.map((i: Summary) => i.familyName)).toEqual(['Peeters-Wouters']);
    const first = (await queue(coordinator, '&limit=3')).json();
    const second = (await queue(coordinator, `&limit=3&cursor=${first.nextCursor}`)).json();
    expect([...first.items, ...second.items].map((i: Summary) => i.familyName).slice(0, 6)).toEqual(['Claessens', 'Peeters-Wouters', 'Öztürk', 'Gezin D. (consult)', 'Jacobs', 'Van Aken']);
  });

  it('gives one registration with its ETag', async () => {
    const [item] = (await queue(coordinator)).json().items as Summary[];
    const res = await coordinator.request('GET', `/api/v1/registrations/${item!.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).toBe(`"${item!.version}"`);
    expect(res.json()).toMatchObject({ familyName: 'Claessens', question: 'Veel diensten, niemand die het overzicht houdt.', referrerOrganisation: 'OCMW Antwerpen', forwardedFrom: null });
  });
});

describe('assigning coaches', () => {
  it('shows coach options with their open families, assigns, and counts them again', async () => {
    const options = await coordinator.request('GET', `/api/v1/collaborations/${antwerpen}/coach-options`);
    expect(options.json().items).toEqual([
      { userId: coach1Id, name: 'Chris Peeters', partnerOrganisationName: expect.any(String), openFamilies: 3 },
      { userId: coach2Id, name: 'Sofie Janssens', partnerOrganisationName: expect.any(String), openFamilies: 2 },
    ]);
    const claessens = byName((await queue(coordinator)).json().items, 'Claessens');
    const res = await coordinator.request('PUT', `/api/v1/registrations/${claessens.id}/coaches`, { body: { coachIds: [coach1Id, coach2Id] }, headers: { 'if-match': `"${claessens.version}"` } });
    expect(res.statusCode).toBe(200);
    expect(res.json().coaches.map((c: { name: string }) => c.name)).toEqual(['Chris Peeters', 'Sofie Janssens']);
    expect(res.headers.etag).toBe(`"${claessens.version + 1}"`);
    const after = (await coordinator.request('GET', `/api/v1/collaborations/${antwerpen}/coach-options`)).json().items;
    expect(after.map((o: { openFamilies: number }) => o.openFamilies)).toEqual([4, 3]);
    expectError(await coordinator.request('PUT', `/api/v1/registrations/${claessens.id}/coaches`, { body: { coachIds: [coach1Id] }, headers: { 'if-match': `"${claessens.version}"` } }), 412, 'precondition_failed');
    expectError(await coordinator.request('PUT', `/api/v1/registrations/${claessens.id}/coaches`, { body: { coachIds: [coach1Id] } }), 428, 'precondition_required');
  });

  it('refuses someone who is not a coach of this collaboration, per field', async () => {
    const reg = byName((await queue(coordinator)).json().items, 'Peeters-Wouters');
    const referrerId = await userIdOf(t.db, demo('referrer', 'antwerpen'));
    const gentCoach = await userIdOf(t.db, demo('coach1', 'gent'));
    const res = await coordinator.request('PUT', `/api/v1/registrations/${reg.id}/coaches`, { body: { coachIds: [referrerId, gentCoach] }, headers: { 'if-match': `"${reg.version}"`, 'accept-language': 'en' } });
    expect(expectError(res, 422, 'validation_failed').details).toEqual([
      { field: 'coachIds.0', code: 'notACoach', message: 'Choose a coach of this collaboration.' },
      { field: 'coachIds.1', code: 'notACoach', message: 'Choose a coach of this collaboration.' },
    ]);
    expect((await regRow(reg.id)).version).toBe(reg.version);
  });

  it('a coach cannot assign (403)', async () => {
    const reg = byName((await queue(coach1)).json().items, 'Van Aken');
    expectError(await coach1.request('PUT', `/api/v1/registrations/${reg.id}/coaches`, { body: { coachIds: [coach1Id] }, headers: { 'if-match': `"${reg.version}"` } }), 403, 'forbidden');
  });
});

describe('first contact and outcome', () => {
  it('the assigned coach records first contact: not in the future, not before the registration', async () => {
    const reg = byName((await queue(coach1)).json().items, 'Van Aken');
    const url = `/api/v1/registrations/${reg.id}/first-contact`;
    const headers = { 'if-match': `"${reg.version}"` };
    expect(expectError(await coach1.request('POST', url, { body: { date: '2026-11-24', method: 'phone' }, headers }), 422, 'validation_failed').details).toEqual([
      { field: 'date', code: 'dateInFuture', message: 'Deze datum ligt nog in de toekomst.' },
    ]);
    expect(expectError(await coach1.request('POST', url, { body: { date: '2026-11-10', method: 'phone' }, headers }), 422, 'validation_failed').details).toEqual([
      { field: 'date', code: 'dateBeforeRegistration', message: 'Deze datum ligt vóór de aanmelding.' },
    ]);
    const ok = await coach1.request('POST', url, { body: { date: '2026-11-20', method: 'home_visit' }, headers });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'first_contact', timing: 'done', firstContactMethod: 'home_visit', firstContactAt: '2026-11-20T12:00:00.000Z' });
    expectError(await coach1.request('POST', url, { body: { date: '2026-11-20', method: 'phone' }, headers: { 'if-match': ok.headers.etag as string } }), 409, 'registration_state');
  });

  it('starting a trajectory makes the family file with the coaches, the parent and the children, in one go', async () => {
    const reg = (await coach1.request('GET', `/api/v1/registrations/${byName((await queue(coach1)).json().items, 'Van Aken').id}`)).json();
    const res = await coach1.request('POST', `/api/v1/registrations/${reg.id}/outcome`, { body: { outcome: 'trajectory_started' }, headers: { 'if-match': `"${reg.version}"` } });
    expect(res.statusCode).toBe(200);
    const familyId = res.json().familyId as string;
    expect(res.json()).toMatchObject({ status: 'trajectory_started', familyId: expect.any(String) });
    const [family] = await t.db.select().from(families).where(and(eq(families.collaborationId, antwerpen), eq(families.id, familyId)));
    expect(family).toMatchObject({ displayName: 'Van Aken', status: 'active' });
    const people = await t.db.select().from(familyParticipants).where(eq(familyParticipants.familyId, familyId));
    expect(people.map((p) => [p.role, p.ring, p.displayName, p.userId, p.birthYear]).sort()).toEqual([
      ['child', 1, 'Lucas', null, 2022],
      ['coach', 3, 'Chris Peeters', coach1Id, null],
      ['parent', 1, 'Van Aken', null, null],
    ]);
    // Counted as an open family of the coach; the registration itself no longer is.
    const options = (await coordinator.request('GET', `/api/v1/collaborations/${antwerpen}/coach-options`)).json().items;
    expect(options[0].openFamilies).toBe(4);
  });

  it('a trajectory needs first contact, and only a family registration can start one; a consultation gets answered', async () => {
    const items = (await queue(coordinator)).json().items as Summary[];
    const consult = byName(items, 'Gezin D. (consult)');
    const url = `/api/v1/registrations/${consult.id}/outcome`;
    expect(expectError(await coordinator.request('POST', url, { body: { outcome: 'trajectory_started' }, headers: { 'if-match': `"${consult.version}"` } }), 422, 'validation_failed').details![0]!.field).toBe('outcome');
    const answered = await coordinator.request('POST', url, { body: { outcome: 'consultation_answered', note: 'Tips gegeven aan de school.' }, headers: { 'if-match': `"${consult.version}"` } });
    expect(answered.json()).toMatchObject({ status: 'consultation_answered', closedReason: 'Tips gegeven aan de school.', familyId: null });
    const oz = byName(items, 'Öztürk');
    expectError(await coordinator.request('POST', `/api/v1/registrations/${oz.id}/outcome`, { body: { outcome: 'trajectory_started' }, headers: { 'if-match': `"${oz.version}"` } }), 409, 'registration_state');
    expectError(await coordinator.request('POST', `/api/v1/registrations/${oz.id}/outcome`, { body: { outcome: 'consultation_answered' }, headers: { 'if-match': `"${oz.version}"` } }), 422, 'validation_failed');
    const notStarted = await coordinator.request('POST', `/api/v1/registrations/${oz.id}/outcome`, { body: { outcome: 'not_started', reason: 'Gezin wil geen begeleiding.', warmReferralTo: 'CAW Antwerpen' }, headers: { 'if-match': `"${oz.version}"` } });
    expect(notStarted.json()).toMatchObject({ status: 'not_started', closedReason: 'Gezin wil geen begeleiding.', warmReferralTo: 'CAW Antwerpen', timing: 'done' });
    expect((await queue(coordinator)).json().items.map((i: Summary) => i.familyName)).not.toContain('Öztürk');
  });
});

describe('forwarding', () => {
  it('moves a registration to another collaboration keeping its date, logged in both', async () => {
    const reg = byName((await queue(coordinator)).json().items, 'Peeters-Wouters');
    const url = `/api/v1/registrations/${reg.id}/forward`;
    expect(expectError(await coordinator.request('POST', url, { body: { collaborationId: antwerpen }, headers: { 'if-match': `"${reg.version}"` } }), 422, 'validation_failed').details![0]).toMatchObject({ field: 'collaborationId', code: 'sameCollaboration' });
    const res = await coordinator.request('POST', url, { body: { collaborationId: gent }, headers: { 'if-match': `"${reg.version}"` } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'forwarded', timing: 'done' });
    const copies = await t.db.select().from(registrations).where(and(eq(registrations.collaborationId, gent), eq(registrations.familyName, 'Peeters-Wouters')));
    expect(copies).toHaveLength(1);
    expect(copies[0]).toMatchObject({ status: 'new', receivedAt: new Date(reg.receivedAt), forwardedFromCollaborationId: antwerpen, version: 1 });
    const gentCoordinator = await signIn(t.app, demo('coordinator', 'gent'));
    const there = byName((await gentCoordinator.request('GET', `/api/v1/registrations?collaborationId=${gent}`)).json().items, 'Peeters-Wouters');
    expect(there).toMatchObject({ daysSince: 27, timing: 'warning', receivedAt: reg.receivedAt });
    expect((await gentCoordinator.request('GET', `/api/v1/registrations/${there.id}`)).json().forwardedFrom).toBe('Samenwerkingsverband Regio Antwerpen (demo)');
    // The coordinators of Gent hear of it, with the date that still counts and a link to the registration.
    const [mail] = await mailsTo(t.db, demo('coordinator', 'gent'));
    expect(mail).toMatchObject({ collaborationId: gent, subject: 'Een aanmelding werd doorgestuurd naar Samenwerkingsverband Regio Gent (demo)' });
    expect(mail!.text).toContain('Samenwerkingsverband Regio Antwerpen (demo) stuurde de aanmelding van het gezin Peeters-Wouters door');
    expect(mail!.text).toContain(`${t.config.publicUrl}/collaborations/${gent}/registrations/${there.id}`);
    expect(await mailsTo(t.db, demo('coach1', 'gent'))).toEqual([]);
    const logged = await t.db.select().from(accessLog).where(eq(accessLog.requestId, requestIdOf(res)));
    expect(logged.map((l) => [l.action, l.collaborationId])).toEqual([['update', antwerpen], ['create', gent]]);
    expect((await queue(coordinator)).json().items.map((i: Summary) => i.familyName)).not.toContain('Peeters-Wouters');
  });

  it('a referrer sees a forwarded registration once, with the status of its copy', async () => {
    const referrer = await signIn(t.app, demo('referrer', 'antwerpen'));
    const created = await referrer.request('POST', '/api/v1/registrations', { body: registrationBody({ family: { name: 'Doorgestuurd', language: 'nl' } }) });
    const reg = (await coordinator.request('GET', `/api/v1/registrations/${created.json().id}`)).json();
    expect((await coordinator.request('POST', `/api/v1/registrations/${reg.id}/forward`, { body: { collaborationId: gent }, headers: { 'if-match': `"${reg.version}"` } })).statusCode).toBe(200);
    const mine = (await referrer.request('GET', '/api/v1/registrations/mine')).json().items.filter((i: { familyName: string }) => i.familyName === 'Doorgestuurd');
    expect(mine).toEqual([expect.objectContaining({ status: 'received', collaborationName: 'Samenwerkingsverband Regio Gent (demo)' })]);
  });
});
