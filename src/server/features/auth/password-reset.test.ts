import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { accessLog, authTokens, jobs, mailOutbox, sessions } from '../../db/schema/index.ts';
import { DEMO_PASSWORD } from '../../demo/accounts.ts';
import { cookieFrom, demo, signIn, useTestApp } from '../../test/harness.ts';
import { expectError, latestMailTo, mailsTo, tokenInLink, userIdOf } from '../../test/helpers.ts';
import { sha256 } from './tokens.ts';

const t = useTestApp();

const post = (url: string, payload: object, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: `/api/v1${url}`, payload, headers });
const describeToken = (token: string) => t.app.inject({ method: 'GET', url: `/api/v1/auth/tokens/${token}` });
const NEW_PASSWORD = 'a-brand-new-password';

describe('password reset', () => {
  const email = demo('coach1', 'gent');

  it('answers 202 for known and unknown emails alike; only the known one gets a mail and a send job', async () => {
    const mailsBefore = await t.db.select().from(mailOutbox);
    const known = await post('/auth/password-reset', { email });
    const unknown = await post('/auth/password-reset', { email: 'nobody@gezinsplan.example' });
    expect({ status: known.statusCode, body: known.json() }).toEqual({ status: 202, body: {} });
    expect({ status: unknown.statusCode, body: unknown.body }).toEqual({ status: known.statusCode, body: known.body });

    const mailsAfter = await t.db.select().from(mailOutbox);
    expect(mailsAfter.length).toBe(mailsBefore.length + 1);
    expect(await mailsTo(t.db, 'nobody@gezinsplan.example')).toEqual([]);
    const mail = await latestMailTo(t.db, email);
    expect(mail).toMatchObject({ subject: 'Kies een nieuw wachtwoord voor Gezinsplan', sentAt: null, collaborationId: null });
    expect(mail.text).toContain('Dag Yusuf Demir,');
    expect(mail.html).toContain(`href="http://localhost:3000/reset-password?token=${tokenInLink(mail.text, '/reset-password')}"`);
    const queued = await t.db.select().from(jobs).where(eq(jobs.kind, 'mail.send'));
    expect(queued.map((j) => j.payload)).toEqual([{ mailId: mail.id }]);
    // Only the hash of the secret is stored.
    const [stored] = await t.db.select().from(authTokens).where(eq(authTokens.tokenHash, sha256(tokenInLink(mail.text, '/reset-password'))));
    expect(stored).toMatchObject({ userId: await userIdOf(t.db, email), purpose: 'password_reset', usedAt: null });
    expect(stored!.expiresAt.getTime() - Date.now()).toBeGreaterThan(59 * 60_000);
    expect(stored!.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(60 * 60_000);
  });

  it('writes the mail in the language of the request', async () => {
    await post('/auth/password-reset', { email: demo('coach2', 'gent') }, { 'accept-language': 'en-GB,en;q=0.9' });
    const mail = await latestMailTo(t.db, demo('coach2', 'gent'));
    expect(mail.subject).toBe('Choose a new password for Gezinsplan');
    expect(mail.text).toContain('Hello Nina Maes,');
  });

  it('refuses a malformed email with 422 and sends nothing', async () => {
    const res = await post('/auth/password-reset', { email: 'not-an-email' });
    expect(expectError(res, 422, 'validation_failed').details).toEqual([{ field: 'email', code: 'invalid_format', message: 'Dit is geen geldig e-mailadres.' }]);
  });

  it('follows the link: describe it, refuse differing passwords, set the password, and sign in', async () => {
    const oldSession = await signIn(t.app, email);
    const token = tokenInLink((await latestMailTo(t.db, email)).text, '/reset-password');

    const described = await describeToken(token);
    expect(described.statusCode).toBe(200);
    expect(described.json()).toEqual({ purpose: 'password_reset', email, name: 'Yusuf Demir' });

    const differ = await post('/auth/set-password', { token, password: NEW_PASSWORD, passwordRepeat: `${NEW_PASSWORD}!` });
    expect(expectError(differ, 422, 'validation_failed').details).toEqual([
      { field: 'passwordRepeat', code: 'passwordsDiffer', message: 'De twee wachtwoorden zijn niet gelijk.' },
    ]);
    const tooShort = await post('/auth/set-password', { token, password: 'short', passwordRepeat: 'short' }, { 'accept-language': 'en' });
    expect(expectError(tooShort, 422, 'validation_failed').details).toEqual([
      { field: 'password', code: 'too_small', message: 'Use at least 10 characters.' },
    ]);
    // A refused attempt does not use the link up.
    expect((await describeToken(token)).statusCode).toBe(200);

    const res = await post('/auth/set-password', { token, password: NEW_PASSWORD, passwordRepeat: NEW_PASSWORD });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ user: { email }, csrfToken: expect.any(String) });
    const cookie = cookieFrom(res);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.email).toBe(email);

    // Every other session of this person ended; only the new one is left.
    expectError(await oldSession.request('GET', '/api/v1/me'), 401, 'unauthenticated');
    const userId = await userIdOf(t.db, email);
    expect((await t.db.select().from(sessions).where(eq(sessions.userId, userId))).map((s) => s.tokenHash))
      .toEqual([sha256(cookie.split('=')[1]!)]);

    expectError(await post('/auth/login', { email, password: DEMO_PASSWORD }), 401, 'invalid_credentials');
    expect((await post('/auth/login', { email, password: NEW_PASSWORD })).statusCode).toBe(200);

    const logged = await t.db.select().from(accessLog).where(and(eq(accessLog.entityType, 'password'), eq(accessLog.entityId, userId)));
    expect(logged.map((r) => [r.action, r.outcome, r.reason])).toEqual([['update', 'success', 'password_reset']]);
  });

  it('works only once', async () => {
    const token = tokenInLink((await latestMailTo(t.db, email)).text, '/reset-password');
    const again = await post('/auth/set-password', { token, password: 'yet-another-password', passwordRepeat: 'yet-another-password' });
    expectError(again, 404, 'token_invalid');
    expectError(await describeToken(token), 404, 'token_invalid');
    expect((await post('/auth/login', { email, password: NEW_PASSWORD })).statusCode).toBe(200);
  });

  it('refuses an unknown or expired link with the same answer', async () => {
    const unknown = await describeToken('x'.repeat(43));
    expectError(unknown, 404, 'token_invalid');
    const target = demo('referrer', 'antwerpen');
    await post('/auth/password-reset', { email: target });
    const token = tokenInLink((await latestMailTo(t.db, target)).text, '/reset-password');
    await t.db.update(authTokens).set({ expiresAt: sql`now() - interval '1 second'` }).where(eq(authTokens.tokenHash, sha256(token)));
    const expired = await describeToken(token);
    expect({ status: expired.statusCode, body: expired.body }).toEqual({ status: unknown.statusCode, body: unknown.body });
    const set = await post('/auth/set-password', { token, password: NEW_PASSWORD, passwordRepeat: NEW_PASSWORD });
    expect({ status: set.statusCode, body: set.body }).toEqual({ status: unknown.statusCode, body: unknown.body });
    expect((await post('/auth/login', { email: target, password: DEMO_PASSWORD })).statusCode).toBe(200);
  });
});
