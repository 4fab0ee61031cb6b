import { and, asc, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { accessLog, loginThrottle, sessions } from '../../db/schema/index.ts';
import { seedDemoIfEmpty } from '../../demo/seed.ts';
import { sha256 } from '../auth/tokens.ts';
import { clientFor, cookieFrom, demo, PLATFORM_ADMIN, signIn, useTestApp, type Client } from '../../test/harness.ts';
import { collaborationIdOf, expectError, latestMailTo, tokenInLink, userIdOf } from '../../test/helpers.ts';
import { enrolTotp, signInHalfway, steppingClock } from './test-fixtures.ts';
import { codeAt } from './totp.ts';

const clock = steppingClock();
const t = useTestApp({}, { clock: clock.now });
const DAY_MS = 24 * 3600_000;

const ROLES_OFF = ['admin', 'coordinator', 'coach', 'referrer', 'dpo'].map((role) => ({ role, required: false, graceDays: 7 }));

/** Switches the second factor on for some roles of a collaboration, through its admin. */
async function requireFor(key: 'antwerpen' | 'gent', rules: Record<string, number>) {
  const admin = await signIn(t.app, demo('admin', key));
  const url = `/api/v1/collaborations/${await collaborationIdOf(t.db, key)}/second-factor-policy`;
  const current = await admin.request('GET', url);
  const roles = ROLES_OFF.map((r) => (r.role in rules ? { role: r.role, required: true, graceDays: rules[r.role]! } : r));
  const saved = await admin.request('PUT', url, { body: { roles }, headers: { 'if-match': current.headers.etag as string } });
  expect(saved.statusCode).toBe(200);
}

const loginRows = (userId: string) =>
  t.db.select().from(accessLog)
    .where(and(eq(accessLog.actorUserId, userId), inArray(accessLog.entityType, ['session', 'second_factor', 'second_factor_enrolment'])))
    .orderBy(asc(accessLog.id));

const sessionOf = async (client: Client) => {
  const [row] = await t.db.select().from(sessions).where(eq(sessions.tokenHash, sha256(client.cookie.split('=')[1]!)));
  return row;
};

describe('signing in with a second factor', () => {
  it('asks an enrolled person for a code; the half session reaches nothing else, and a replayed code is refused', async () => {
    const email = demo('coach1', 'antwerpen');
    const userId = await userIdOf(t.db, email);
    const { secret } = await enrolTotp(t.app, await signIn(t.app, email), clock.now());
    clock.nextStep();

    const { client: half, body, res } = await signInHalfway(t.app, email);
    expect(body).toEqual({ secondFactorStep: 'verify', csrfToken: expect.any(String) });
    expect(res.body).not.toContain(email);
    const row = await sessionOf(half);
    expect(row?.level).toBe('second_factor');
    expect(row!.absoluteExpiresAt.getTime() - row!.createdAt.getTime()).toBeLessThanOrEqual(15 * 60_000 + 1000);
    expectError(await half.request('GET', '/api/v1/me'), 401, 'second_factor_required');
    expectError(await half.request('GET', '/api/v1/families'), 401, 'second_factor_required');
    expectError(await half.request('POST', '/api/v1/me/second-factor/totp'), 401, 'second_factor_required');
    const status = await half.request('GET', '/api/v1/auth/second-factor');
    expect(status.json()).toMatchObject({ step: 'verify', required: true });

    expectError(await half.request('POST', '/api/v1/auth/second-factor', { body: { code: codeAt(secret, new Date(clock.now().getTime() + 5 * 30_000)) } }), 401, 'invalid_code');
    const code = codeAt(secret, clock.now());
    const ok = await half.request('POST', '/api/v1/auth/second-factor', { body: { code } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ user: { email }, secondFactor: { enrolled: true } });
    expect(await sessionOf(half)).toBeUndefined();
    const full = clientFor(t.app, cookieFrom(ok), ok.json<{ csrfToken: string }>().csrfToken);
    expect((await sessionOf(full))?.level).toBe('full');
    expect((await full.request('GET', '/api/v1/families')).statusCode).toBe(200);

    // The same code in another sign-in, even within its 30 seconds: refused.
    const again = await signInHalfway(t.app, email);
    expectError(await again.client.request('POST', '/api/v1/auth/second-factor', { body: { code } }), 401, 'invalid_code');

    const rows = (await loginRows(userId)).filter((r) => r.action === 'login');
    expect(rows.map((r) => [r.entityType, r.outcome, r.reason])).toEqual([
      ['session', 'success', null],
      ['session', 'success', 'second_factor_verify'], ['second_factor', 'denied', null], ['second_factor', 'success', 'totp'],
      ['session', 'success', 'second_factor_verify'], ['second_factor', 'denied', null],
    ]);
  });

  it('counts wrong codes toward the sign-in throttle, and a right password in between does not reset it', async () => {
    const email = demo('coach2', 'antwerpen');
    const { secret } = await enrolTotp(t.app, await signIn(t.app, email), clock.now());
    clock.nextStep();
    const wrong = codeAt(secret, new Date(clock.now().getTime() + 10 * 30_000));
    for (let i = 0; i < 5; i++) {
      const { client } = await signInHalfway(t.app, email, `10.9.1.${i}`);
      expectError(await client.request('POST', '/api/v1/auth/second-factor', { body: { code: wrong } }), 401, 'invalid_code');
    }
    const [counted] = await t.db.select().from(loginThrottle).where(eq(loginThrottle.key, `email:${email}`));
    expect(counted?.failures).toBe(5);
    expectError(await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: 'demo-gezinsplan' }, remoteAddress: '10.9.1.9' }), 429, 'too_many_attempts');
  });

  it('takes a recovery code once, mails the person, and says how many are left', async () => {
    const email = demo('referrer', 'antwerpen');
    const { recoveryCodes } = await enrolTotp(t.app, await signIn(t.app, email), clock.now());
    const { client } = await signInHalfway(t.app, email);
    const typed = recoveryCodes[3]!.toUpperCase().replace('-', ' ');
    const ok = await client.request('POST', '/api/v1/auth/second-factor', { body: { recoveryCode: typed } });
    expect(ok.statusCode).toBe(200);
    expect((await latestMailTo(t.db, email)).text).toContain('nog 9 herstelcodes');
    const next = await signInHalfway(t.app, email);
    expectError(await next.client.request('POST', '/api/v1/auth/second-factor', { body: { recoveryCode: recoveryCodes[3] } }), 401, 'invalid_code');
  });

  it('a reset link proves the mailbox, not the second factor: the code is still asked', async () => {
    const email = demo('dpo', 'antwerpen');
    await enrolTotp(t.app, await signIn(t.app, email), clock.now());
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email } });
    const token = tokenInLink((await latestMailTo(t.db, email)).text, '/reset-password');
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/set-password', payload: { token, password: 'a-new-password-1', passwordRepeat: 'a-new-password-1' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ secondFactorStep: 'verify', csrfToken: expect.any(String) });
    const half = clientFor(t.app, cookieFrom(res), res.json<{ csrfToken: string }>().csrfToken);
    expectError(await half.request('GET', '/api/v1/families'), 401, 'second_factor_required');
  });
});

describe('removing the app', () => {
  it('needs a current code from it; then the password alone signs in, and other sessions end', async () => {
    const email = demo('dpo', 'gent');
    const other = await signIn(t.app, email);
    const { secret, client } = await enrolTotp(t.app, await signIn(t.app, email), clock.now());
    clock.nextStep();
    expectError(await client.request('POST', '/api/v1/me/second-factor/removal', { body: { code: codeAt(secret, new Date(clock.now().getTime() + 9 * 30_000)) } }), 401, 'invalid_code');
    expect((await client.request('POST', '/api/v1/me/second-factor/removal', { body: { code: codeAt(secret, clock.now()) } })).statusCode).toBe(204);
    expectError(await other.request('GET', '/api/v1/me'), 401, 'unauthenticated');
    expect((await client.request('GET', '/api/v1/me')).json()).toMatchObject({ secondFactor: { enrolled: false } });
    expect((await signInHalfway(t.app, email)).body).toMatchObject({ user: { email } });
    const logged = await t.db.select().from(accessLog).where(and(eq(accessLog.entityType, 'second_factor'), eq(accessLog.action, 'delete')));
    expect(logged.map((r) => [r.actorUserId, r.reason])).toEqual([[await userIdOf(t.db, email), 'totp_removed']]);
  });
});

describe('the policy at sign-in', () => {
  it('lets a coach work during the grace period, then asks them to enrol before anything else', async () => {
    await requireFor('gent', { coach: 7, coordinator: 0 });
    const email = demo('coach1', 'gent');
    const first = await signInHalfway(t.app, email);
    const askedAt = clock.now().getTime();
    expect(first.body).toMatchObject({ user: { email }, secondFactor: { enrolled: false, required: true } });
    const enrolBy = new Date((first.body as unknown as { secondFactor: { enrolBy: string } }).secondFactor.enrolBy).getTime();
    expect(Math.abs(enrolBy - (askedAt + 7 * DAY_MS))).toBeLessThan(5000);
    expect((await first.client.request('GET', '/api/v1/families')).statusCode).toBe(200);

    // A later sign-in within the period does not move the date.
    const later = await signInHalfway(t.app, email);
    expect(later.body).toMatchObject({ secondFactor: { enrolBy: new Date(enrolBy).toISOString() } });

    clock.advance(7 * DAY_MS + 60_000);
    const past = await signInHalfway(t.app, email);
    expect(past.body).toEqual({ secondFactorStep: 'enrol', csrfToken: expect.any(String) });
    expectError(await past.client.request('GET', '/api/v1/families'), 401, 'second_factor_required');
    expect((await past.client.request('GET', '/api/v1/auth/second-factor')).json()).toMatchObject({ step: 'enrol', factors: [] });

    // Enrolling is the way through: the confirmed app turns the half session into a full one.
    const started = await past.client.request('POST', '/api/v1/me/second-factor/totp');
    expect(started.statusCode).toBe(200);
    const { factorId, secret } = started.json<{ factorId: string; secret: string }>();
    const done = await past.client.request('POST', '/api/v1/me/second-factor/totp/confirm', { body: { factorId, code: codeAt(secret, clock.now()) } });
    expect(done.statusCode).toBe(200);
    const full = clientFor(t.app, cookieFrom(done), done.json<{ csrfToken: string }>().csrfToken);
    expect((await sessionOf(full))?.level).toBe('full');
    expect((await full.request('GET', '/api/v1/families')).statusCode).toBe(200);
    const rows = await loginRows(await userIdOf(t.db, email));
    expect(rows.slice(-4).map((r) => [r.action, r.entityType, r.reason])).toEqual([
      ['login', 'session', 'second_factor_enrol'], ['create', 'second_factor', 'totp_enrolment_started'],
      ['update', 'second_factor', 'totp_enrolled'], ['login', 'second_factor', 'totp_enrolment'],
    ]);
  });

  it('asks a coordinator with no grace period to enrol at the first sign-in; other collaborations are untouched', async () => {
    const coordinator = await signInHalfway(t.app, demo('coordinator', 'gent'));
    expect(coordinator.body).toEqual({ secondFactorStep: 'enrol', csrfToken: expect.any(String) });
    const antwerpen = await signInHalfway(t.app, demo('coordinator', 'antwerpen'));
    expect(antwerpen.body).toMatchObject({ secondFactor: { enrolled: false, required: false, enrolBy: null } });
  });
});

describe('the platform policy (platform administrators and government analysts)', () => {
  it('is stored as off in the demo; only a platform administrator changes it, with If-Match, logged', async () => {
    const platform = await signIn(t.app, PLATFORM_ADMIN);
    const read = await platform.request('GET', '/api/v1/platform/second-factor-policy');
    expect(read.json()).toEqual({ version: 1, roles: [{ role: 'platform_admin', required: false, graceDays: 0 }, { role: 'government_analyst', required: false, graceDays: 0 }] });
    const roles = [{ role: 'platform_admin', required: false, graceDays: 0 }, { role: 'government_analyst', required: true, graceDays: 0 }];
    for (const who of [await signIn(t.app, 'government@gezinsplan.example'), await signIn(t.app, demo('admin', 'antwerpen'))]) {
      expectError(await who.request('GET', '/api/v1/platform/second-factor-policy'), 403, 'forbidden');
      expectError(await who.request('PUT', '/api/v1/platform/second-factor-policy', { body: { roles }, headers: { 'if-match': '"1"' } }), 403, 'forbidden');
    }
    expectError(await platform.request('PUT', '/api/v1/platform/second-factor-policy', { body: { roles } }), 428, 'precondition_required');
    expectError(await platform.request('PUT', '/api/v1/platform/second-factor-policy', { body: { roles: roles.slice(1) }, headers: { 'if-match': '"1"' } }), 422, 'validation_failed');
    const saved = await platform.request('PUT', '/api/v1/platform/second-factor-policy', { body: { roles }, headers: { 'if-match': '"1"' } });
    expect(saved.json()).toEqual({ version: 2, roles });
    expectError(await platform.request('PUT', '/api/v1/platform/second-factor-policy', { body: { roles }, headers: { 'if-match': '"1"' } }), 412, 'precondition_failed');
    const logged = await t.db.select().from(accessLog).where(eq(accessLog.entityType, 'platform_second_factor_policy'));
    expect(logged.map((r) => [r.action, r.actorUserId, r.actorRole])).toEqual([['update', await userIdOf(t.db, PLATFORM_ADMIN), 'platform_admin']]);

    expect((await signInHalfway(t.app, 'government@gezinsplan.example')).body).toEqual({ secondFactorStep: 'enrol', csrfToken: expect.any(String) });
    expect((await signInHalfway(t.app, PLATFORM_ADMIN)).body).toMatchObject({ secondFactor: { required: false } });
  });
});

describe('the demo data', () => {
  it('is never loaded in production', async () => {
    expect(loadConfig({ NODE_ENV: 'production', DEMO_DATA: 'true', SECOND_FACTOR_KEY: 'a'.repeat(64) }).loadDemoData).toBe(false);
    const before = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await expect(seedDemoIfEmpty(t.db, { info: () => undefined })).rejects.toThrow(/never loaded in production/);
    } finally {
      process.env.NODE_ENV = before;
    }
  });
});
