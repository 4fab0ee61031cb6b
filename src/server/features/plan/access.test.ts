import { beforeAll, describe, expect, it } from 'vitest';
import { consentGrants, familyParticipants } from '../../db/schema/index.ts';
import { createTestFamily, type TestFamily } from '../../test/families.ts';
import { demo, PLATFORM_ADMIN, signIn, useTestApp, type Client } from '../../test/harness.ts';
import { expectError, RANDOM_UUID } from '../../test/helpers.ts';
import { eq } from 'drizzle-orm';
import { pdfText } from '../../test/pdf.ts';

const t = useTestApp();
let f: TestFamily;
const as: Record<string, Client> = {};
const ids: Record<string, string> = {};
const url = (path: string) => `/api/v1/families/${f.familyId}/${path}`;

/*
 * Demo accounts stand in for the people around this family: the referrer's account is linked as
 * the neighbour (a network member), coach2 as the mother and the admin as the father.
 */
beforeAll(async () => {
  f = await createTestFamily(t.db, {
    displayName: 'Familie Toegang', coaches: [demo('coach1', 'antwerpen')],
    people: {
      mama: { role: 'parent', name: 'Mama', email: demo('coach2', 'antwerpen') },
      papa: { role: 'parent', name: 'Papa', email: demo('admin', 'antwerpen') },
      buur: { role: 'network_member', name: 'Buurvrouw', email: demo('referrer', 'antwerpen') },
    },
  });
  for (const [key, email] of Object.entries({
    coach: demo('coach1', 'antwerpen'), mama: demo('coach2', 'antwerpen'), papa: demo('admin', 'antwerpen'), buur: demo('referrer', 'antwerpen'),
    coordinator: demo('coordinator', 'antwerpen'), gent: demo('coordinator', 'gent'), gentCoach: demo('coach1', 'gent'), platform: PLATFORM_ADMIN,
  })) as[key] = await signIn(t.app, email);
  const post = async (who: string, path: string, body: object) => {
    const res = await as[who]!.request('POST', url(path), { body });
    if (res.statusCode !== 201) throw new Error(res.body);
    return res.json().id as string;
  };
  ids.school = await post('coach', 'goals', { text: 'Naar school gaan', lifeDomainId: f.lifeDomainIds[5] });
  ids.money = await post('coach', 'goals', { text: 'Schulden afbetalen', lifeDomainId: f.lifeDomainIds[1] });
  ids.secret = await post('mama', 'worries', { text: 'Iets voor mezelf', lifeDomainId: f.lifeDomainIds[3], isPrivate: true });
  ids.contact = await post('coach', 'contacts', { occurredOn: '2026-11-02', place: 'home', summary: 'Huisbezoek' });
});

const goalTexts = async (who: string) => (await as[who]!.request('GET', url('goals'))).json().items?.map((g: { text: string }) => g.text).sort();

/** Every door to one item: reads, changes, history, versions and the plan as a whole. */
async function expectNothing(client: Client, familyUrl: (p: string) => string, itemId: string) {
  for (const [method, path] of [['GET', `goals/${itemId}`], ['PATCH', `goals/${itemId}`], ['DELETE', `goals/${itemId}`]] as const) {
    const res = await client.request(method, familyUrl(path), { body: method === 'PATCH' ? { text: 'x' } : undefined, headers: { 'if-match': '"1"' } });
    const random = await client.request(method, familyUrl(path.replace(itemId, RANDOM_UUID)), { body: method === 'PATCH' ? { text: 'x' } : undefined, headers: { 'if-match': '"1"' } });
    expect({ path, status: res.statusCode, body: res.body }).toEqual({ path, status: 404, body: random.body });
  }
}

describe('outside the family', () => {
  it('another collaboration, the platform administrator and a coordinator outside the circle get 404 on everything of the plan', async () => {
    for (const who of ['gent', 'gentCoach', 'platform']) {
      for (const path of ['plan', 'goals', 'history', 'plan/versions', 'members', 'contacts', 'participants', 'evaluations']) {
        const res = await as[who]!.request('GET', url(path));
        const random = await as[who]!.request('GET', `/api/v1/families/${RANDOM_UUID}/${path}`);
        expect({ who, path, status: res.statusCode, body: res.body }).toEqual({ who, path, status: 404, body: random.body });
      }
      expectError(await as[who]!.request('GET', `/api/v1/families/${f.familyId}`), 404, 'not_found');
      await expectNothing(as[who]!, url, ids.school!);
    }
    // The coordinator may see the family record (to register and assign), not what is in its plan.
    expect((await as.coordinator!.request('GET', `/api/v1/families/${f.familyId}`)).json()).toMatchObject({ displayName: 'Familie Toegang', reach: 'metadata' });
    for (const path of ['plan', 'goals', 'history', 'contacts']) expectError(await as.coordinator!.request('GET', url(path)), 404, 'not_found');
    expectError(await as.coordinator!.request('POST', url('goals'), { body: { text: 'x', lifeDomainId: f.lifeDomainIds[0] } }), 404, 'not_found');
  });

  it('a family of another family is 404 through this family\'s paths', async () => {
    const other = await createTestFamily(t.db, { coaches: [demo('coach1', 'antwerpen')] });
    const otherUrl = (path: string) => `/api/v1/families/${other.familyId}/${path}`;
    await expectNothing(as.coach!, otherUrl, ids.school!);
  });
});

describe('inside the family', () => {
  it('a parent sees the plan but not the other parent\'s private item, through any door', async () => {
    expect(await goalTexts('papa')).toEqual(['Naar school gaan', 'Schulden afbetalen']);
    const worries = (await as.papa!.request('GET', url('worries'))).json().items;
    expect(worries).toEqual([]);
    const own = await as.mama!.request('GET', url(`worries/${ids.secret}`));
    expect(own.statusCode).toBe(200);
    const hidden = await as.papa!.request('GET', url(`worries/${ids.secret}`));
    const random = await as.papa!.request('GET', url(`worries/${RANDOM_UUID}`));
    expect({ status: hidden.statusCode, body: hidden.body }).toEqual({ status: 404, body: random.body });
    const history = (await as.papa!.request('GET', url('history'))).json().items.map((h: { itemId: string }) => h.itemId);
    expect(history).not.toContain(ids.secret);
    // The coach sees it (coaches see everything in the file).
    expect((await as.coach!.request('GET', url(`worries/${ids.secret}`))).statusCode).toBe(200);
  });

  it('a network member sees nothing without the family\'s consent, and only the shared life domain with it', async () => {
    expect(await goalTexts('buur')).toEqual([]);
    expect((await as.buur!.request('GET', url('contacts'))).json().items).toEqual([]);
    const [grant] = await t.db.insert(consentGrants).values({
      collaborationId: f.collaborationId, familyId: f.familyId, participantId: f.participants.buur!, lifeDomainId: f.lifeDomainIds[5], level: 'read',
    }).returning();
    expect(await goalTexts('buur')).toEqual(['Naar school gaan']);
    const history = (await as.buur!.request('GET', url('history'))).json().items.map((h: { itemId: string }) => h.itemId);
    expect(history).toEqual([ids.school]);
    // Reading is not changing: 403 on a shared item, 404 on one that is not shared.
    expectError(await as.buur!.request('PATCH', url(`goals/${ids.school}`), { body: { text: 'x' }, headers: { 'if-match': '"1"' } }), 403, 'forbidden');
    await expectNothing(as.buur!, url, ids.money!);
    // Revoked: gone on the next request.
    await t.db.update(consentGrants).set({ revokedAt: new Date() }).where(eq(consentGrants.id, grant!.id));
    expect(await goalTexts('buur')).toEqual([]);
  });

  it('exports (JSON and PDF) hold what the asker may see, and nothing else', async () => {
    const pdfOf = async (who: string) => {
      const res = await as[who]!.request('GET', url('export?format=pdf'));
      expect(res.headers['content-type']).toBe('application/pdf');
      return pdfText(res.rawPayload);
    };
    const mamas = await pdfOf('mama');
    expect(mamas).toContain('Gezinsplan van Familie Toegang');
    expect(mamas).toContain('Naar school gaan');
    expect(mamas).toContain('Iets voor mezelf');
    const papas = await pdfOf('papa');
    expect(papas).toContain('Schulden afbetalen');
    expect(papas).not.toContain('Iets voor mezelf');
    const json = await as.papa!.request('GET', url('export?format=json'));
    expect(json.headers['content-disposition']).toMatch(/^attachment; filename="gezinsplan-familie-toegang-\d{4}-\d{2}-\d{2}\.json"$/);
    expect(json.body).toContain('Huisbezoek');
    expect(json.body).not.toContain('Iets voor mezelf');
    for (const who of ['gent', 'platform', 'coordinator']) {
      for (const format of ['json', 'pdf']) expectError(await as[who]!.request('GET', url(`export?format=${format}`)), 404, 'not_found');
    }
  });

  it('a removed participant loses the family at once', async () => {
    const before = await as.buur!.request('GET', `/api/v1/families/${f.familyId}`);
    expect(before.statusCode).toBe(200);
    await t.db.update(familyParticipants).set({ removedAt: new Date() }).where(eq(familyParticipants.id, f.participants.buur!));
    expectError(await as.buur!.request('GET', `/api/v1/families/${f.familyId}`), 404, 'not_found');
    expectError(await as.buur!.request('GET', url('plan')), 404, 'not_found');
  });
});
