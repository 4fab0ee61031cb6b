import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { accessLog, loginThrottle, sessions, users } from '../../db/schema/index.ts';
import { DEMO_PASSWORD } from '../../demo/accounts.ts';
import { clientFor, cookieFrom, demo, signIn, useTestApp } from '../../test/harness.ts';
import { collaborationIdOf, expectError, userIdOf } from '../../test/helpers.ts';
import { sha256 } from './tokens.ts';

const t = useTestApp();

const login = (email: string, password: string, remoteAddress = '127.0.0.1') =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, remoteAddress });
const me = (cookie: string) => t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });
const sessionRow = async (cookie: string) => {
  const [row] = await t.db.select().from(sessions).where(eq(sessions.tokenHash, sha256(cookie.split('=')[1]!)));
  return row;
};

describe('POST /auth/login', () => {
  it('sets an HttpOnly, SameSite=Lax session cookie and answers Me with the CSRF token and memberships', async () => {
    const email = demo('admin', 'antwerpen');
    const res = await login(email, DEMO_PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'gp_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie.secure).toBeFalsy();
    expect(cookie.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const body = res.json();
    expect(body).toEqual({
      user: { id: await userIdOf(t.db, email), email, name: 'An Wouters', locale: 'nl-BE', platformAdmin: false, governmentAnalyst: false },
      memberships: [{
        collaborationId: await collaborationIdOf(t.db, 'antwerpen'),
        collaborationName: 'Samenwerkingsverband Regio Antwerpen (demo)',
        roles: ['admin'],
        partnerOrganisationId: null,
      }],
      // The demo stores "not required" for every role (see second-factor/sign-in.test.ts for the rest).
      secondFactor: { enrolled: false, required: false, enrolBy: null },
      csrfToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    });
    // The cookie holds a secret; the table holds only its hash, with the same CSRF token.
    const row = await sessionRow(cookieFrom(res));
    expect(row).toMatchObject({ userId: body.user.id, csrfToken: body.csrfToken });
    const again = await me(cookieFrom(res));
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(body);
    const logged = await t.db.select().from(accessLog).where(and(eq(accessLog.action, 'login'), eq(accessLog.actorUserId, body.user.id)));
    expect(logged.map((r) => [r.outcome, r.entityType])).toEqual([['success', 'session']]);
  });

  it('accepts the email in any case', async () => {
    const res = await login('  Coach1.Gent@Gezinsplan.Example ', DEMO_PASSWORD);
    expect(res.statusCode).toBe(200);
    expect(res.json().user.email).toBe(demo('coach1', 'gent'));
  });

  it('answers an unknown email and a wrong password byte for byte the same', async () => {
    const wrong = await login(demo('coach2', 'gent'), 'not-the-password', '10.0.1.1');
    const unknown = await login('nobody@gezinsplan.example', 'not-the-password', '10.0.1.2');
    expectError(wrong, 401, 'invalid_credentials');
    expect(wrong.cookies).toEqual([]);
    expect({ status: unknown.statusCode, body: unknown.body, type: unknown.headers['content-type'] })
      .toEqual({ status: wrong.statusCode, body: wrong.body, type: wrong.headers['content-type'] });
    expect(wrong.json().error.message).toBe('Dit e-mailadres en wachtwoord passen niet bij elkaar.');
  });

  it('refuses a deactivated account with the same answer, and ends what it could still do', async () => {
    const email = demo('referrer', 'gent');
    const before = await signIn(t.app, email);
    const wrong = await login(email, 'not-the-password', '10.0.2.1');
    await t.db.update(users).set({ active: false }).where(eq(users.email, email));
    const refused = await login(email, DEMO_PASSWORD, '10.0.2.2');
    expect({ status: refused.statusCode, body: refused.body }).toEqual({ status: wrong.statusCode, body: wrong.body });
    expectError(await me(before.cookie), 401, 'unauthenticated');
  });
});

describe('login throttling', () => {
  it('after 5 failures for an email the 6th attempt is refused even with the right password, and unknown emails alike', async () => {
    const email = demo('coach1', 'antwerpen');
    for (let i = 0; i < 5; i++) expectError(await login(email, `wrong-${i}`, '10.0.3.1'), 401, 'invalid_credentials');
    const known = await login(email, DEMO_PASSWORD, '10.0.3.1');
    expectError(known, 429, 'too_many_attempts');
    expect(known.headers['retry-after']).toBe('900');
    expect(known.cookies).toEqual([]);
    // The limit is per email: another address does not reset it.
    expectError(await login(email, DEMO_PASSWORD, '10.0.3.9'), 429, 'too_many_attempts');

    const unknownEmail = 'nobody.here@gezinsplan.example';
    for (let i = 0; i < 5; i++) expectError(await login(unknownEmail, `wrong-${i}`, '10.0.4.1'), 401, 'invalid_credentials');
    const unknown = await login(unknownEmail, DEMO_PASSWORD, '10.0.4.1');
    expect({ status: unknown.statusCode, body: unknown.body, retry: unknown.headers['retry-after'] })
      .toEqual({ status: known.statusCode, body: known.body, retry: known.headers['retry-after'] });

    const [row] = await t.db.select().from(loginThrottle).where(eq(loginThrottle.key, `email:${email}`));
    expect(row?.failures).toBe(5);
  });

  it('lets the right password in once the window has passed, and then forgets the failures', async () => {
    const email = demo('coach1', 'antwerpen');
    await t.db.update(loginThrottle).set({ windowStartedAt: sql`now() - interval '16 minutes'` });
    const res = await login(email, DEMO_PASSWORD, '10.0.3.1');
    expect(res.statusCode).toBe(200);
    expect(await t.db.select().from(loginThrottle).where(eq(loginThrottle.key, `email:${email}`))).toEqual([]);
  });

  it('does not lock everyone behind one address out because of one person\'s typos', async () => {
    for (let i = 0; i < 5; i++) expectError(await login(demo('coordinator', 'antwerpen'), `wrong-${i}`, '10.0.5.1'), 401, 'invalid_credentials');
    expect((await login(demo('coach2', 'antwerpen'), DEMO_PASSWORD, '10.0.5.1')).statusCode).toBe(200);
  });

  it('still stops one address that tries many accounts', async () => {
    await t.db.insert(loginThrottle).values({ key: 'ip:10.0.6.1', failures: 50 });
    expectError(await login(demo('coach2', 'antwerpen'), DEMO_PASSWORD, '10.0.6.1'), 429, 'too_many_attempts');
    expect((await login(demo('coach2', 'antwerpen'), DEMO_PASSWORD, '10.0.6.2')).statusCode).toBe(200);
  });
});

describe('sessions', () => {
  it('logout ends the session: the cookie stops working and is cleared', async () => {
    const client = await signIn(t.app, demo('coordinator', 'gent'));
    const res = await client.request('POST', '/api/v1/auth/logout');
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');
    const cleared = res.cookies.find((c) => c.name === 'gp_session');
    expect(cleared?.value).toBe('');
    expect(await sessionRow(client.cookie)).toBeUndefined();
    expectError(await me(client.cookie), 401, 'unauthenticated');
    expectError(await client.request('POST', '/api/v1/auth/logout'), 401, 'unauthenticated');
  });

  it('expires after the idle timeout and after the absolute timeout', async () => {
    const idle = await signIn(t.app, demo('coach2', 'gent'));
    const absolute = await signIn(t.app, demo('coach2', 'gent'));
    expect((await me(idle.cookie)).statusCode).toBe(200);
    await t.db.update(sessions).set({ idleExpiresAt: sql`now() - interval '1 second'` }).where(eq(sessions.tokenHash, sha256(idle.cookie.split('=')[1]!)));
    await t.db.update(sessions).set({ absoluteExpiresAt: sql`now() - interval '1 second'` }).where(eq(sessions.tokenHash, sha256(absolute.cookie.split('=')[1]!)));
    expectError(await me(idle.cookie), 401, 'unauthenticated');
    expectError(await me(absolute.cookie), 401, 'unauthenticated');
  });

  it('slides the idle expiry on use, at most once a minute and never past the absolute expiry', async () => {
    const client = await signIn(t.app, demo('admin', 'gent'));
    const hash = sha256(client.cookie.split('=')[1]!);
    const set = (values: Partial<typeof sessions.$inferInsert>) => t.db.update(sessions).set(values).where(eq(sessions.tokenHash, hash));

    const recently = new Date(Date.now() - 30_000);
    const soon = new Date(Date.now() + 5 * 60_000);
    await set({ lastSeenAt: recently, idleExpiresAt: soon });
    expect((await me(client.cookie)).statusCode).toBe(200);
    expect(await sessionRow(client.cookie)).toMatchObject({ lastSeenAt: recently, idleExpiresAt: soon });

    await set({ lastSeenAt: new Date(Date.now() - 2 * 60_000) });
    const before = Date.now();
    expect((await me(client.cookie)).statusCode).toBe(200);
    const slid = (await sessionRow(client.cookie))!;
    expect(slid.idleExpiresAt.getTime()).toBeGreaterThanOrEqual(before + 30 * 60_000 - 1000);
    expect(slid.idleExpiresAt.getTime()).toBeLessThanOrEqual(Date.now() + 30 * 60_000 + 1000);
    expect(slid.lastSeenAt.getTime()).toBeGreaterThanOrEqual(before - 1000);

    const absolute = new Date(Date.now() + 10 * 60_000);
    await set({ lastSeenAt: new Date(Date.now() - 2 * 60_000), absoluteExpiresAt: absolute });
    expect((await me(client.cookie)).statusCode).toBe(200);
    expect((await sessionRow(client.cookie))!.idleExpiresAt).toEqual(absolute);
  });

  it('survives a restart: a second app on the same database knows the cookie', async () => {
    const client = await signIn(t.app, demo('referrer', 'antwerpen'));
    const restarted = await buildApp({ config: t.config, db: t.db });
    try {
      const res = await restarted.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: client.cookie } });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ user: { email: demo('referrer', 'antwerpen') }, csrfToken: client.csrf });
      const changed = await clientFor(restarted, client.cookie, client.csrf).request('PATCH', '/api/v1/me', { body: { locale: 'en' } });
      expect(changed.statusCode).toBe(200);
      expect(changed.json().user.locale).toBe('en');
    } finally {
      await restarted.close();
    }
  });

  it('ignores a made-up cookie', async () => {
    expectError(await me('gp_session=made-up-token'), 401, 'unauthenticated');
  });
});
