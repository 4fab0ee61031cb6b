import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { familyParticipants, planChanges, planTemplates } from '../../db/schema/index.ts';
import { createTestFamily, type TestFamily } from '../../test/families.ts';
import { demo, signIn, useTestApp, type Client } from '../../test/harness.ts';
import { collaborationIdOf, expectError } from '../../test/helpers.ts';

const now = new Date('2026-11-23T10:00:00Z');
const t = useTestApp({}, { clock: () => now });
let f: TestFamily;
let coach: Client;
const url = (path: string) => `/api/v1/families/${f.familyId}/${path}`;
beforeAll(async () => {
  f = await createTestFamily(t.db, {
    displayName: 'Familie Janssens', coaches: [demo('coach1', 'antwerpen')],
    people: { mama: { role: 'parent', name: 'Ilse', email: demo('coach2', 'antwerpen') }, papa: { role: 'parent', name: 'Tom', email: demo('admin', 'antwerpen') } },
  });
  await createTestFamily(t.db, { displayName: 'Familie Zonder Mij', coaches: [demo('coach2', 'antwerpen')] });
  coach = await signIn(t.app, demo('coach1', 'antwerpen'));
});

describe('families', () => {
  it('lists the families in my circle, with my place in them; a coordinator sees all of the collaboration', async () => {
    const mine = (await coach.request('GET', '/api/v1/families?q=familie')).json().items;
    expect(mine.map((i: { displayName: string; myRole: string; memberCount: number }) => [i.displayName, i.myRole, i.memberCount])).toEqual([['Familie Janssens', 'coach', 2]]);
    const coordinator = await signIn(t.app, demo('coordinator', 'antwerpen'));
    const all = (await coordinator.request('GET', '/api/v1/families?q=Familie%20')).json().items.map((i: { displayName: string }) => i.displayName);
    expect(all).toEqual(expect.arrayContaining(['Familie Janssens', 'Familie Zonder Mij']));
    const gent = await signIn(t.app, demo('coordinator', 'gent'));
    expect((await gent.request('GET', '/api/v1/families?q=Janssens')).json().items).toEqual([]);
    // Wildcards in the search are taken literally.
    expect((await coach.request('GET', '/api/v1/families?q=%25')).json().items).toEqual([]);
  });

  it('renames the family with If-Match', async () => {
    const family = await coach.request('GET', `/api/v1/families/${f.familyId}`);
    expect(family.json()).toMatchObject({ reach: 'full', myRole: 'coach', coachNames: ['coach1.antwerpen'] });
    const renamed = await coach.request('PATCH', `/api/v1/families/${f.familyId}`, { body: { displayName: 'Gezin Janssens' }, headers: { 'if-match': family.headers.etag as string } });
    expect(renamed.json().displayName).toBe('Gezin Janssens');
    expectError(await coach.request('PATCH', `/api/v1/families/${f.familyId}`, { body: { displayName: 'X' }, headers: { 'if-match': family.headers.etag as string } }), 412, 'precondition_failed');
  });

  it('chooses a plan template of its own collaboration that is in use, nothing else', async () => {
    const [own] = await t.db.insert(planTemplates).values({ collaborationId: f.collaborationId, name: 'Kort plan', sections: [] }).returning();
    const [archived] = await t.db.insert(planTemplates).values({ collaborationId: f.collaborationId, name: 'Oud plan', sections: [], archivedAt: new Date() }).returning();
    const gent = await collaborationIdOf(t.db, 'gent');
    const [foreign] = await t.db.insert(planTemplates).values({ collaborationId: gent, name: 'Plan van Gent', sections: [] }).returning();
    const patch = async (planTemplateId: string) => {
      const current = await coach.request('GET', `/api/v1/families/${f.familyId}`);
      return coach.request('PATCH', `/api/v1/families/${f.familyId}`, { body: { planTemplateId }, headers: { 'if-match': current.headers.etag as string } });
    };
    for (const refused of [archived!.id, foreign!.id]) expectError(await patch(refused), 422, 'validation_failed');
    expect((await patch(own!.id)).json().planTemplateId).toBe(own!.id);
  });
});

describe('members and homes', () => {
  it('adds a child living in two homes, with what is important to her', async () => {
    const mamas = (await coach.request('POST', url('homes'), { body: { label: 'Bij mama' } })).json();
    const papas = (await coach.request('POST', url('homes'), { body: { label: 'Bij papa' } })).json();
    const res = await coach.request('POST', url('members'), {
      body: {
        role: 'child', displayName: 'Lotte', dateOfBirth: '2017-05-04', languages: ['nl', 'fr'], importantToMe: 'Mijn konijn',
        homes: [{ homeId: mamas.id, arrangement: 'week om week' }, { homeId: papas.id, arrangement: 'week om week' }],
      },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ displayName: 'Lotte', birthYear: 2017, languages: ['nl', 'fr'], importantToMe: 'Mijn konijn', hasAccount: false });
    expect(res.json().homes).toHaveLength(2);
    const patched = await coach.request('PATCH', url(`members/${res.json().id}`), { body: { importantToMe: 'Mijn konijn en mijn fiets' }, headers: { 'if-match': '"1"' } });
    // A change leaves the rest as it was (no defaults on a change).
    expect(patched.json()).toMatchObject({ importantToMe: 'Mijn konijn en mijn fiets', languages: ['nl', 'fr'] });
    expect(patched.json().homes).toHaveLength(2);
  });

  it('refuses a young person under twelve, a birth date in the future and a home of another family, in plain words', async () => {
    const young = expectError(await coach.request('POST', url('members'), { body: { role: 'young_person', displayName: 'Mo', dateOfBirth: '2016-01-01' }, headers: { 'accept-language': 'en' } }), 422, 'validation_failed');
    expect(young.details).toEqual([{ field: 'dateOfBirth', code: 'youngerThanTwelve', message: 'A young person is 12 or older. Choose "child" for someone younger.' }]);
    expectError(await coach.request('POST', url('members'), { body: { role: 'child', displayName: 'Mo', dateOfBirth: '2027-01-01' } }), 422, 'validation_failed');
    const other = await createTestFamily(t.db, { coaches: [demo('coach1', 'antwerpen')] });
    const foreignHome = (await coach.request('POST', `/api/v1/families/${other.familyId}/homes`, { body: { label: 'Elders' } })).json();
    expectError(await coach.request('POST', url('members'), { body: { role: 'child', displayName: 'Mo', homes: [{ homeId: foreignHome.id, arrangement: null }] } }), 422, 'validation_failed');
    expect(await t.db.select().from(familyParticipants).where(eq(familyParticipants.displayName, 'Mo'))).toEqual([]);
  });

  it('removing a member keeps the history, and their account loses access at once', async () => {
    const dad = await signIn(t.app, demo('admin', 'antwerpen'));
    expect((await dad.request('GET', url('plan'))).statusCode).toBe(200);
    const [tom] = (await coach.request('GET', url('members'))).json().items.filter((m: { displayName: string }) => m.displayName === 'Tom');
    expect((await coach.request('DELETE', url(`members/${tom.id}`), { headers: { 'if-match': `"${tom.version}"` } })).statusCode).toBe(204);
    expectError(await dad.request('GET', url('plan')), 404, 'not_found');
    expect((await t.db.select().from(planChanges).where(eq(planChanges.itemId, tom.id))).map((c) => c.action)).toEqual(['delete']);
  });
});

describe('contact moments', () => {
  it('the family reads the coach\'s notes; a parent\'s private note is seen by that parent and the coaches', async () => {
    const present = [f.participants.mama];
    const visit = await coach.request('POST', url('contacts'), { body: { occurredOn: '2026-11-20', place: 'home', summary: 'Huisbezoek: we spraken over de schulden.', presentParticipantIds: present, minutesSpent: 60 } });
    expect(visit.json()).toMatchObject({ place: 'home', minutesSpent: 60, authorName: 'coach1.antwerpen' });
    const mama = await signIn(t.app, demo('coach2', 'antwerpen'));
    const own = await mama.request('POST', url('contacts'), { body: { occurredOn: '2026-11-21', place: 'phone', summary: 'Voor mezelf', isPrivate: true } });
    expect(own.statusCode).toBe(201);
    expect((await mama.request('GET', url('contacts'))).json().items.map((c: { summary: string }) => c.summary)).toEqual(['Voor mezelf', 'Huisbezoek: we spraken over de schulden.']);
    expect((await coach.request('GET', url('contacts'))).json().items).toHaveLength(2);
    expectError(await coach.request('POST', url('contacts'), { body: { occurredOn: '2026-11-24', place: 'home', summary: 'Morgen' } }), 422, 'validation_failed');
    expectError(await coach.request('POST', url('contacts'), { body: { occurredOn: '2026-11-20', place: 'home', summary: 'x', presentParticipantIds: [f.familyId] } }), 422, 'validation_failed');
  });
});
