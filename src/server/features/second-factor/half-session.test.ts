import { describe, expect, it } from 'vitest';
import { families, users } from '../../db/schema/index.ts';
import { demo, signIn, useTestApp, type Client } from '../../test/harness.ts';
import { collaborationIdOf, RANDOM_UUID } from '../../test/helpers.ts';
import { enrolTotp, signInHalfway } from './test-fixtures.ts';

interface Door { method: string; url: string; public: boolean; secondFactorStep: boolean }

const doors: Door[] = [];
const t = useTestApp({}, {
  onRoute: (route) => {
    const config = (route.config ?? {}) as { public?: boolean; secondFactorStep?: boolean };
    for (const method of [route.method].flat()) {
      if (method === 'HEAD' || method === 'OPTIONS') continue;
      if (!route.url.startsWith('/api/') && !route.url.startsWith('/dev/')) continue;
      // The same rule as http/request-context.ts: only /api/ asks for a session; the docs are open.
      const open = config.public === true || !route.url.startsWith('/api/') || route.url.startsWith('/api/docs');
      doors.push({ method, url: route.url, public: open, secondFactorStep: config.secondFactorStep === true });
    }
  },
});

/** The only routes a half session may use: the second step itself, enrolment, and signing out. */
const SECOND_STEP_ROUTES = [
  'GET /api/v1/auth/second-factor', 'POST /api/v1/auth/second-factor', 'POST /api/v1/auth/logout',
  'POST /api/v1/me/second-factor/totp', 'POST /api/v1/me/second-factor/totp/confirm',
];

type Ids = { familyId: string; collaborationId: string; registrationId: string };

function urlFor(door: Door, ids: Ids): string {
  return door.url
    .replace(/\*$/, 'index.html')
    .replaceAll(':collaborationId', ids.collaborationId)
    .replace(/^\/api\/v1\/families\/:id/, `/api/v1/families/${ids.familyId}`)
    .replace(/^\/api\/v1\/registrations\/:id/, `/api/v1/registrations/${ids.registrationId}`)
    .replace(':postcode', '2000')
    .replace(':token', 'x'.repeat(43))
    .replace(/:[A-Za-z]+/g, RANDOM_UUID);
}

const call = (client: Client | null, door: Door, ids: Ids) => {
  const url = urlFor(door, ids);
  const payload = door.method === 'GET' || door.method === 'DELETE' ? undefined : {};
  if (!client) return t.app.inject({ method: door.method as 'GET', url, ...(payload ? { payload } : {}) });
  return client.request(door.method as 'GET', url, { body: payload, headers: { 'if-match': '"1"' } });
};

/** Every name and address of a person and every family name in the database: what must not come out. */
async function personalMarkers(): Promise<string[]> {
  const people = await t.db.select({ name: users.name, email: users.email }).from(users);
  const names = await t.db.select({ name: families.displayName }).from(families);
  return [...people.flatMap((p) => [p.name, p.email]), ...names.map((f) => f.name)].filter((m) => m.length >= 6);
}

describe('a half-signed-in session (password given, second factor not yet)', () => {
  it('reaches no route with personal data: every registered route answers 401 or exactly what a visitor gets', async () => {
    const email = demo('coach1', 'antwerpen');
    const full = await signIn(t.app, email);
    const familyId = (await full.request('GET', '/api/v1/families')).json<{ items: { id: string }[] }>().items[0]!.id;
    const collaborationId = await collaborationIdOf(t.db, 'antwerpen');
    const registrationId = (await full.request('GET', `/api/v1/registrations?collaborationId=${collaborationId}`)).json<{ items: { id: string }[] }>().items[0]!.id;
    const ids = { familyId, collaborationId, registrationId };
    const { client: enrolled } = await enrolTotp(t.app, full, new Date());
    const markers = await personalMarkers();
    const found = (body: string) => markers.filter((m) => body.includes(m));

    // The control: with the full session the same doors, with the same ids, do give personal data.
    let fullReads = 0;
    // (The live message stream stays open for a signed-in reader, so it is left out here only.)
    for (const door of doors.filter((d) => d.method === 'GET' && !d.public && !d.url.endsWith('/events'))) {
      const res = await call(enrolled, door, ids);
      if (res.statusCode === 200 && found(res.body).length > 0) fullReads += 1;
    }
    expect(fullReads).toBeGreaterThan(20);

    const { client: half } = await signInHalfway(t.app, email);
    expect(doors.length).toBeGreaterThan(150);
    expect(doors.filter((d) => d.secondFactorStep).map((d) => `${d.method} ${d.url}`).sort()).toEqual([...SECOND_STEP_ROUTES].sort());

    const leaks: string[] = [];
    for (const door of doors) {
      if (door.url.endsWith('/auth/logout')) continue;
      const res = await call(half, door, ids);
      const label = `${door.method} ${door.url} → ${res.statusCode}`;
      if (door.public) {
        // Public doors answer the half session as they answer anyone: nothing personal that a visitor would not see.
        const visitor = await call(null, door, ids);
        const extra = found(res.body).filter((m) => !visitor.body.includes(m));
        if (res.statusCode !== visitor.statusCode || extra.length > 0) leaks.push(`${label} (a visitor gets ${visitor.statusCode}; extra: ${extra.join(', ')})`);
      } else if (door.secondFactorStep) {
        if (![200, 401, 409, 422].includes(res.statusCode) || found(res.body).length > 0) leaks.push(`${label}: ${found(res.body).join(', ')}`);
      } else if (res.statusCode !== 401 || res.json<{ error?: { code: string } }>().error?.code !== 'second_factor_required' || found(res.body).length > 0) {
        leaks.push(label);
      }
    }
    expect(leaks).toEqual([]);

    // Still only half signed in after all that; signing out is the one other thing it can do.
    expect((await half.request('GET', '/api/v1/auth/second-factor')).json()).toMatchObject({ step: 'verify' });
    expect((await half.request('POST', '/api/v1/auth/logout')).statusCode).toBe(204);
    expect((await half.request('GET', '/api/v1/auth/second-factor')).statusCode).toBe(401);
  }, 120_000);
});
