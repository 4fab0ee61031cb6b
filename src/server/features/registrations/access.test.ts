import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { registrations } from '../../db/schema/index.ts';
import { demo, PLATFORM_ADMIN, signIn, useTestApp, type Client } from '../../test/harness.ts';
import { auditRowsOf, collaborationIdOf, expectError, RANDOM_UUID, userIdOf } from '../../test/helpers.ts';

const now = new Date('2026-11-23T10:00:00Z');
const t = useTestApp({}, { clock: () => now });
let antwerpen: string;
let gent: string;
const ids: Record<string, string> = {};
const as: Record<string, Client> = {};
beforeAll(async () => {
  antwerpen = await collaborationIdOf(t.db, 'antwerpen');
  gent = await collaborationIdOf(t.db, 'gent');
  for (const row of await t.db.select().from(registrations)) ids[row.familyName] = row.id;
  for (const [key, email] of Object.entries({
    gentCoordinator: demo('coordinator', 'gent'), gentReferrer: demo('referrer', 'gent'),
    coordinator: demo('coordinator', 'antwerpen'), admin: demo('admin', 'antwerpen'), coach1: demo('coach1', 'antwerpen'),
    coach2: demo('coach2', 'antwerpen'), referrer: demo('referrer', 'antwerpen'), platform: PLATFORM_ADMIN,
  })) as[key] = await signIn(t.app, email);
});

const IF = { 'if-match': '"1"' };
/** Every door to one registration, reads and changes. */
const doors = (id: string, coachId: string) => [
  ['GET', `/api/v1/registrations/${id}`, undefined],
  ['PUT', `/api/v1/registrations/${id}/coaches`, { coachIds: [coachId] }],
  ['POST', `/api/v1/registrations/${id}/first-contact`, { date: '2026-11-23', method: 'phone' }],
  ['POST', `/api/v1/registrations/${id}/outcome`, { outcome: 'not_started', reason: 'x' }],
  ['POST', `/api/v1/registrations/${id}/forward`, { collaborationId: gent }],
] as const;

async function expectAllNotFound(client: Client, id: string, coachId: string) {
  for (const [method, url, body] of doors(id, coachId)) {
    const res = await client.request(method, url, { body, headers: IF });
    const random = await client.request(method, url.replace(id, RANDOM_UUID), { body, headers: IF });
    expect({ url, status: res.statusCode, body: res.body }).toEqual({ url, status: 404, body: random.body });
  }
}

const names = (res: { json: () => { items: { familyName: string }[] } }) => res.json().items.map((i) => i.familyName).sort();

describe('another collaboration does not exist', () => {
  it('a coordinator of Gent gets 404 for an Antwerp registration through every door, and nothing changes', async () => {
    const before = await t.db.select().from(registrations).where(eq(registrations.collaborationId, antwerpen));
    await expectAllNotFound(as.gentCoordinator!, ids['Claessens']!, await userIdOf(t.db, demo('coach1', 'gent')));
    expect(await t.db.select().from(registrations).where(eq(registrations.collaborationId, antwerpen))).toEqual(before);
    expect((await auditRowsOf(t.db, await userIdOf(t.db, demo('coordinator', 'gent')), 'not_found')).length).toBeGreaterThanOrEqual(5);
  });

  it('and for the Antwerp queue, figures and coach options', async () => {
    const c = as.gentCoordinator!;
    expectError(await c.request('GET', `/api/v1/registrations?collaborationId=${antwerpen}`), 404, 'not_found');
    expectError(await c.request('GET', `/api/v1/registrations/stats?collaborationId=${antwerpen}&from=2026-11-01&to=2026-11-30`), 404, 'not_found');
    expectError(await c.request('GET', `/api/v1/collaborations/${antwerpen}/coach-options`), 404, 'not_found');
    expect(names(await c.request('GET', `/api/v1/registrations?collaborationId=${gent}&open=false`))).toEqual(['De Clercq', 'Mahmoudi', 'Vandamme']);
  });

  it('a referrer of Gent does not see an Antwerp registration; platform administrators see none', async () => {
    await expectAllNotFound(as.gentReferrer!, ids['Malika Bennani']!, RANDOM_UUID);
    await expectAllNotFound(as.platform!, ids['Malika Bennani']!, RANDOM_UUID);
    expectError(await as.platform!.request('GET', `/api/v1/registrations?collaborationId=${antwerpen}`), 404, 'not_found');
  });
});

describe('inside the collaboration', () => {
  it('coordinators and admins see all its registrations', async () => {
    const all = ['Claessens', 'Gezin D. (consult)', 'Jacobs', 'Malika Bennani', 'Peeters-Wouters', 'Van Aken', 'Öztürk'];
    expect(names(await as.coordinator!.request('GET', `/api/v1/registrations?collaborationId=${antwerpen}`))).toEqual(all);
    expect(names(await as.admin!.request('GET', `/api/v1/registrations?collaborationId=${antwerpen}`))).toEqual(all);
  });

  it('a coach sees only the registrations assigned to them; another one is 404', async () => {
    expect(names(await as.coach1!.request('GET', `/api/v1/registrations?collaborationId=${antwerpen}&open=false`))).toEqual(['Jacobs', 'Van Aken']);
    expect(names(await as.coach2!.request('GET', `/api/v1/registrations?collaborationId=${antwerpen}`))).toEqual(['Öztürk']);
    // Asking for another coach's registrations gives nothing more.
    const coach1Id = await userIdOf(t.db, demo('coach1', 'antwerpen'));
    expect(names(await as.coach2!.request('GET', `/api/v1/registrations?collaborationId=${antwerpen}&coachId=${coach1Id}`))).toEqual([]);
    await expectAllNotFound(as.coach2!, ids['Van Aken']!, coach1Id);
  });

  it('an assigned coach may read and record, but not assign, forward, or see the figures and options', async () => {
    const id = ids['Van Aken']!;
    expect((await as.coach1!.request('GET', `/api/v1/registrations/${id}`)).statusCode).toBe(200);
    expectError(await as.coach1!.request('PUT', `/api/v1/registrations/${id}/coaches`, { body: { coachIds: [await userIdOf(t.db, demo('coach1', 'antwerpen'))] }, headers: IF }), 403, 'forbidden');
    expectError(await as.coach1!.request('POST', `/api/v1/registrations/${id}/forward`, { body: { collaborationId: gent }, headers: IF }), 403, 'forbidden');
    expectError(await as.coach1!.request('GET', `/api/v1/registrations/stats?collaborationId=${antwerpen}&from=2026-11-01&to=2026-11-30`), 403, 'forbidden');
    expectError(await as.coach1!.request('GET', `/api/v1/collaborations/${antwerpen}/coach-options`), 403, 'forbidden');
  });

  it('a referrer follows only the status of their own registration, and may change nothing', async () => {
    const own = ids['Malika Bennani']!;
    const mine = (await as.referrer!.request('GET', '/api/v1/registrations/mine')).json();
    expect(mine.items.map((i: { familyName: string }) => i.familyName)).toEqual(['Malika Bennani']);
    expect(Object.keys(mine.items[0]).sort()).toEqual(['collaborationName', 'familyName', 'id', 'kind', 'receivedAt', 'status']);
    expectError(await as.referrer!.request('GET', `/api/v1/registrations?collaborationId=${antwerpen}`), 403, 'forbidden');
    for (const [method, url, body] of doors(own, RANDOM_UUID)) {
      expectError(await as.referrer!.request(method, url, { body, headers: IF }), 403, 'forbidden');
    }
    await expectAllNotFound(as.referrer!, ids['Claessens']!, RANDOM_UUID);
    expectError(await as.referrer!.request('GET', `/api/v1/registrations/stats?collaborationId=${antwerpen}&from=2026-11-01&to=2026-11-30`), 403, 'forbidden');
  });
});

describe('signed out', () => {
  it('answers 401 on everything but the public form and routing', async () => {
    const id = ids['Claessens']!;
    for (const [method, url] of [
      ['GET', `/api/v1/registrations?collaborationId=${antwerpen}`],
      ['GET', '/api/v1/registrations/mine'],
      ['GET', `/api/v1/registrations/stats?collaborationId=${antwerpen}&from=2026-11-01&to=2026-11-30`],
      ['GET', `/api/v1/collaborations/${antwerpen}/coach-options`],
      ...doors(id, RANDOM_UUID).map(([m, u]) => [m, u]),
    ] as const) {
      const res = await t.app.inject({ method, url, payload: method === 'GET' ? undefined : {}, headers: IF });
      expect({ url, status: res.statusCode }).toEqual({ url, status: 401 });
    }
  });
});
