import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { partnerOrganisations, sessions, users } from '../db/schema/index.ts';
import { DEMO_PASSWORD } from '../demo/accounts.ts';
import { demo, signIn, useTestApp, type Client } from '../test/harness.ts';
import { collaborationIdOf, expectError, RANDOM_UUID } from '../test/helpers.ts';

const t = useTestApp();
let admin: Client;
let antwerpen: string;
beforeAll(async () => {
  admin = await signIn(t.app, demo('admin', 'antwerpen'));
  antwerpen = await collaborationIdOf(t.db, 'antwerpen');
});

const NOT_FOUND_NL = { error: { code: 'not_found', message: 'Dit bestaat niet (meer), of je mag het niet zien.' } };

describe('error shape and language', () => {
  it('answers 422 with a detail per field, in nl-BE by default', async () => {
    const res = await admin.request('POST', `/api/v1/collaborations/${antwerpen}/members`, { body: { email: 'no-at-sign', name: '  ', roles: ['coach'] } });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toEqual({
      error: {
        code: 'validation_failed',
        message: 'Niet alles is goed ingevuld. Kijk de velden na.',
        details: [
          { field: 'email', code: 'invalid_format', message: 'Dit is geen geldig e-mailadres.' },
          { field: 'name', code: 'too_small', message: 'Vul dit in.' },
        ],
      },
    });
  });

  it('answers in English with Accept-Language: en', async () => {
    const res = await admin.request('POST', `/api/v1/collaborations/${antwerpen}/members`, {
      body: { email: 'no-at-sign', name: '', roles: ['coach'] },
      headers: { 'accept-language': 'en' },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toEqual({
      error: {
        code: 'validation_failed',
        message: 'Not everything is filled in correctly. Please check the fields.',
        details: [
          { field: 'email', code: 'invalid_format', message: 'This is not a valid email address.' },
          { field: 'name', code: 'too_small', message: 'Please fill this in.' },
        ],
      },
    });
    // A language without a catalogue falls through to the next one the browser accepts.
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { 'accept-language': 'de, en-US;q=0.8' } });
    expect(anonymous.json()).toEqual({ error: { code: 'unauthenticated', message: 'Please sign in first.' } });
    const french = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { 'accept-language': 'fr, en-US;q=0.8' } });
    expect(french.json()).toEqual({ error: { code: 'unauthenticated', message: "Connectez-vous d'abord." } });
  });

  it('answers malformed JSON with 400 malformed_request, signed in or not', async () => {
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"email":' });
    expect(login.statusCode).toBe(400);
    expect(login.json()).toEqual({ error: { code: 'malformed_request', message: 'Het verzoek kon niet gelezen worden.' } });
    const patch = await admin.request('PATCH', '/api/v1/me', { headers: { 'content-type': 'application/json' }, body: '{"locale": en}' });
    expect(patch.statusCode).toBe(400);
    expect(patch.json()).toEqual(login.json());
  });

  it('answers an unknown API path with a JSON 404, signed in or not', async () => {
    for (const res of [
      await admin.request('GET', '/api/v1/no-such-thing'),
      await admin.request('POST', '/api/v1/no-such-thing', { body: {} }),
      await t.app.inject({ method: 'GET', url: '/api/v1/no-such-thing' }),
      await t.app.inject({ method: 'DELETE', url: '/api/v2/collaborations' }),
    ]) {
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.json()).toEqual(NOT_FOUND_NL);
    }
  });

  it('answers an id that is not a uuid exactly like an unknown one', async () => {
    const malformed = await admin.request('GET', '/api/v1/collaborations/not-a-uuid/settings');
    const unknown = await admin.request('GET', `/api/v1/collaborations/${RANDOM_UUID}/settings`);
    expect(malformed.statusCode).toBe(404);
    expect(malformed.json()).toEqual(NOT_FOUND_NL);
    expect({ status: unknown.statusCode, body: unknown.body }).toEqual({ status: malformed.statusCode, body: malformed.body });
    const partner = await admin.request('GET', `/api/v1/collaborations/${antwerpen}/partner-organisations/123`);
    expect({ status: partner.statusCode, body: partner.body }).toEqual({ status: malformed.statusCode, body: malformed.body });
  });

  it('answers a bad query string with 400 and details', async () => {
    const res = await admin.request('GET', `/api/v1/collaborations/${antwerpen}/partner-organisations?limit=1000`, { headers: { 'accept-language': 'en' } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      error: { code: 'malformed_request', message: 'The request could not be read.', details: [{ field: 'limit', code: 'too_big', message: 'The number must be at most 100.' }] },
    });
    expectError(await admin.request('GET', `/api/v1/collaborations/${antwerpen}/partner-organisations?cursor=!!`), 400, 'malformed_request');
  });
});

describe('headers', () => {
  it('marks every API answer no-store, errors included, and sends the security headers', async () => {
    for (const res of [
      await admin.request('GET', '/api/v1/me'),
      await t.app.inject({ method: 'GET', url: '/api/v1/me' }),
      await admin.request('GET', `/api/v1/collaborations/${RANDOM_UUID}/settings`),
    ]) {
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(res.headers['content-security-policy']).toContain("object-src 'none'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['strict-transport-security']).toBeUndefined();
    }
  });

  it('echoes a well-formed x-request-id and replaces anything else', async () => {
    const given = await admin.request('GET', '/api/v1/me', { headers: { 'x-request-id': 'trace-12345678' } });
    expect(given.headers['x-request-id']).toBe('trace-12345678');
    const odd = await admin.request('GET', '/api/v1/me', { headers: { 'x-request-id': 'no spaces <allowed>' } });
    expect(odd.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('serves the OpenAPI document without signing in', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json<{ openapi: string; paths: Record<string, unknown> }>();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/auth/login', '/api/v1/me', '/api/v1/collaborations/{collaborationId}/settings']));
  });
});

describe('authentication and CSRF', () => {
  it('answers 401 unauthenticated without a session, for reads and changes', async () => {
    for (const [method, url] of [
      ['GET', '/api/v1/me'],
      ['GET', '/api/v1/collaborations'],
      ['PATCH', `/api/v1/collaborations/${antwerpen}/settings`],
      ['POST', `/api/v1/collaborations/${antwerpen}/partner-organisations`],
      ['POST', '/api/v1/auth/logout'],
    ] as const) {
      const res = await t.app.inject({ method, url, payload: method === 'GET' ? undefined : { name: 'x' } });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({ error: { code: 'unauthenticated', message: 'Meld je eerst aan.' } });
    }
  });

  it('refuses a change with a valid cookie but a missing, wrong or other session\'s CSRF token, and changes nothing', async () => {
    const other = await signIn(t.app, demo('coach1', 'antwerpen'));
    const partnersBefore = await t.db.select().from(partnerOrganisations).where(eq(partnerOrganisations.collaborationId, antwerpen));
    const attempts = [
      { cookie: admin.cookie },
      { cookie: admin.cookie, 'x-csrf-token': 'wrong' },
      { cookie: admin.cookie, 'x-csrf-token': `${admin.csrf.slice(0, -1)}x` },
      { cookie: admin.cookie, 'x-csrf-token': other.csrf },
    ];
    for (const headers of attempts) {
      const patch = await t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers, payload: { locale: 'en' } });
      expect(patch.statusCode).toBe(403);
      expect(patch.json()).toEqual({ error: { code: 'csrf_failed', message: 'Je sessie is verlopen of ongeldig. Laad de pagina opnieuw.' } });
      const create = await t.app.inject({ method: 'POST', url: `/api/v1/collaborations/${antwerpen}/partner-organisations`, headers, payload: { name: 'Sneaky', kind: 'other' } });
      expectError(create, 403, 'csrf_failed');
      expectError(await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers }), 403, 'csrf_failed');
    }
    const [user] = await t.db.select().from(users).where(eq(users.email, demo('admin', 'antwerpen')));
    expect(user!.locale).toBe('nl-BE');
    expect(await t.db.select().from(partnerOrganisations).where(eq(partnerOrganisations.collaborationId, antwerpen))).toEqual(partnersBefore);
    expect((await t.db.select().from(sessions).where(eq(sessions.userId, user!.id))).length).toBe(1);
    // Reads need no token, and with the right one the change goes through.
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: admin.cookie } })).statusCode).toBe(200);
    const ok = await admin.request('PATCH', '/api/v1/me', { body: { locale: 'en' } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().user.locale).toBe('en');
    const [after] = await t.db.select().from(users).where(eq(users.id, user!.id));
    expect(after!.locale).toBe('en');
  });
});

describe('in production behind HTTPS', () => {
  it('uses a __Host- Secure cookie, sends HSTS, and has no development mailbox', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/dev/mail.json' })).statusCode).toBe(200);
    const config = loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent', PUBLIC_URL: 'https://gezinsplan.example' });
    const production = await buildApp({ config, db: t.db });
    try {
      const login = await production.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: demo('coach2', 'gent'), password: DEMO_PASSWORD } });
      expect(login.statusCode).toBe(200);
      const cookie = login.cookies.find((c) => c.name === '__Host-gp_session');
      expect(cookie).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax', path: '/' });
      expect(login.cookies.find((c) => c.name === 'gp_session')).toBeUndefined();
      expect(login.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      const me = await production.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: `__Host-gp_session=${cookie!.value}` } });
      expect(me.statusCode).toBe(200);
      // The plain name is not accepted there.
      expectError(await production.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: `gp_session=${cookie!.value}` } }), 401, 'unauthenticated');
      expect((await production.inject({ method: 'GET', url: '/dev/mail.json' })).statusCode).toBe(404);
      expect((await production.inject({ method: 'GET', url: '/dev/mail' })).statusCode).toBe(404);
    } finally {
      await production.close();
    }
  });
});
