import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { accessLog, loginThrottle, recoveryCodes, secondFactorPolicies, secondFactors, sessions } from '../../db/schema/index.ts';
import { clientFor, cookieFrom, demo, PLATFORM_ADMIN, signIn, useTestApp, type Client } from '../../test/harness.ts';
import { collaborationIdOf, expectError, userIdOf } from '../../test/helpers.ts';
import { codeAt } from './totp.ts';

const t = useTestApp();

const THIRTY_S = 30_000;
const later = (steps: number) => new Date(Date.now() + steps * THIRTY_S);

async function startEnrolment(client: Client) {
  const res = await client.request('POST', '/api/v1/me/second-factor/totp');
  expect(res.statusCode).toBe(200);
  return res.json<{ factorId: string; secret: string; otpauthUri: string; qrSvg: string }>();
}

describe('linking an authenticator app', () => {
  it('shows the secret as QR code and text, stores it only encrypted, and confirms with a first code', async () => {
    const email = demo('coach1', 'gent');
    const userId = await userIdOf(t.db, email);
    const other = await signIn(t.app, email);
    const client = await signIn(t.app, email);
    const started = await startEnrolment(client);
    expect(started.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(started.otpauthUri).toBe(`otpauth://totp/Gezinsplan:${encodeURIComponent(email)}?issuer=Gezinsplan&secret=${started.secret}&algorithm=SHA1&digits=6&period=30`);
    expect(started.qrSvg).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    const [stored] = await t.db.select().from(secondFactors).where(eq(secondFactors.id, started.factorId));
    expect(stored).toMatchObject({ userId, kind: 'totp', confirmedAt: null });
    expect(stored!.secretEncrypted).toMatch(/^v1:/);
    expect(stored!.secretEncrypted).not.toContain(started.secret);

    const wrong = await client.request('POST', '/api/v1/me/second-factor/totp/confirm', { body: { factorId: started.factorId, code: codeAt(started.secret, later(5)) } });
    expectError(wrong, 401, 'invalid_code');
    const [throttled] = await t.db.select().from(loginThrottle).where(eq(loginThrottle.key, `email:${email}`));
    expect(throttled?.failures).toBe(1);

    const ok = await client.request('POST', '/api/v1/me/second-factor/totp/confirm', { body: { factorId: started.factorId, code: codeAt(started.secret, new Date()) } });
    expect(ok.statusCode).toBe(200);
    const { recoveryCodes: codes, csrfToken } = ok.json<{ recoveryCodes: string[]; csrfToken: string }>();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    const hashes = await t.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, userId));
    expect(hashes).toHaveLength(10);
    for (const h of hashes) {
      expect(h.codeHash).toMatch(/^\$argon2id\$/);
      expect(codes.some((c) => h.codeHash.includes(c))).toBe(false);
    }
    // A changed factor ends every other session; this one goes on under a new cookie.
    expectError(await other.request('GET', '/api/v1/me'), 401, 'unauthenticated');
    expectError(await client.request('GET', '/api/v1/me'), 401, 'unauthenticated');
    const renewed = ok.cookies.find((c) => c.name === 'gp_session')!;
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: `gp_session=${renewed.value}` } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ secondFactor: { enrolled: true, required: true, enrolBy: null }, csrfToken });
    expect(await t.db.select().from(sessions).where(eq(sessions.userId, userId))).toHaveLength(1);
    expect(await t.db.select().from(loginThrottle).where(eq(loginThrottle.key, `email:${email}`))).toEqual([]);

    const logged = await t.db.select().from(accessLog).where(and(eq(accessLog.actorUserId, userId), eq(accessLog.entityType, 'second_factor')));
    expect(logged.map((r) => [r.action, r.reason, r.outcome])).toEqual([
      ['create', 'totp_enrolment_started', 'success'], ['update', 'totp_enrolled', 'success'],
    ]);
    expect((await t.db.select().from(accessLog).where(and(eq(accessLog.actorUserId, userId), eq(accessLog.entityType, 'second_factor_enrolment')))).map((r) => r.outcome)).toEqual(['denied']);
  });

  it('refuses a code used once already, and regenerates recovery codes only with a fresh code', async () => {
    const email = demo('coach2', 'gent');
    const userId = await userIdOf(t.db, email);
    const first = await signIn(t.app, email);
    const started = await startEnrolment(first);
    const code = codeAt(started.secret, new Date());
    const ok = await first.request('POST', '/api/v1/me/second-factor/totp/confirm', { body: { factorId: started.factorId, code } });
    expect(ok.statusCode).toBe(200);
    const oldCodes = ok.json<{ recoveryCodes: string[] }>().recoveryCodes;
    // Enrolment renewed the session: the answer's cookie is the full one.
    const client = clientFor(t.app, cookieFrom(ok), ok.json<{ csrfToken: string }>().csrfToken);

    expectError(await client.request('POST', '/api/v1/me/second-factor/recovery-codes', { body: { code } }), 401, 'invalid_code');
    const before = await t.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, userId));

    const fresh = await client.request('POST', '/api/v1/me/second-factor/recovery-codes', { body: { code: codeAt(started.secret, later(1)) } });
    expect(fresh.statusCode).toBe(200);
    const newCodes = fresh.json<{ recoveryCodes: string[] }>().recoveryCodes;
    expect(newCodes).toHaveLength(10);
    expect(newCodes.filter((c) => oldCodes.includes(c))).toEqual([]);
    const after = await t.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, userId));
    expect(after.map((r) => r.id).filter((id) => before.some((b) => b.id === id))).toEqual([]);
    // The step just used cannot be used again, not even for an earlier step's code.
    expectError(await client.request('POST', '/api/v1/me/second-factor/recovery-codes', { body: { code: codeAt(started.secret, new Date()) } }), 401, 'invalid_code');
  });

  it('confirms only its own pending enrolment, and answers bad input with 422 and nothing changed', async () => {
    const mine = await signIn(t.app, demo('referrer', 'gent'));
    const theirs = await signIn(t.app, demo('coordinator', 'gent'));
    const started = await startEnrolment(theirs);
    const stolen = await mine.request('POST', '/api/v1/me/second-factor/totp/confirm', { body: { factorId: started.factorId, code: codeAt(started.secret, new Date()) } });
    expectError(stolen, 409, 'no_pending_enrolment');
    expectError(await mine.request('POST', '/api/v1/me/second-factor/totp/confirm', { body: { factorId: started.factorId, code: '12345' } }), 422, 'validation_failed');
    const [row] = await t.db.select().from(secondFactors).where(eq(secondFactors.id, started.factorId));
    expect(row).toMatchObject({ confirmedAt: null, lastUsedStep: null });
  });

  it('asks a signed-out visitor to sign in', async () => {
    expectError(await t.app.inject({ method: 'POST', url: '/api/v1/me/second-factor/totp' }), 401, 'unauthenticated');
    expectError(await t.app.inject({ method: 'GET', url: '/api/v1/auth/second-factor' }), 401, 'unauthenticated');
  });
});

describe('the second-factor policy of a collaboration', () => {
  it('defaults to every role for a new collaboration, admins, coordinators and the DPO at once, others within 7 days', async () => {
    const platform = await signIn(t.app, PLATFORM_ADMIN);
    const made = await platform.request('POST', '/api/v1/collaborations', { body: { name: 'Samenwerkingsverband Nieuw' } });
    expect(made.statusCode).toBe(201);
    const read = await platform.request('GET', `/api/v1/collaborations/${made.json<{ id: string }>().id}/second-factor-policy`);
    expect(read.statusCode).toBe(200);
    expect(read.headers.etag).toBe('"1"');
    expect(read.json()).toEqual({
      version: 1,
      roles: [
        { role: 'admin', required: true, graceDays: 0 }, { role: 'coordinator', required: true, graceDays: 0 },
        { role: 'coach', required: true, graceDays: 7 }, { role: 'referrer', required: true, graceDays: 7 },
        { role: 'dpo', required: true, graceDays: 0 },
      ],
    });
  });

  it('is stored as "not required" for every role in the demo, and an admin changes it with If-Match', async () => {
    const admin = await signIn(t.app, demo('admin', 'antwerpen'));
    const collaborationId = await collaborationIdOf(t.db, 'antwerpen');
    const url = `/api/v1/collaborations/${collaborationId}/second-factor-policy`;
    const read = await admin.request('GET', url);
    expect(read.statusCode).toBe(200);
    expect(read.headers.etag).toBe('"1"');
    expect(read.json()).toEqual({
      version: 1,
      roles: [
        { role: 'admin', required: false, graceDays: 0 }, { role: 'coordinator', required: false, graceDays: 0 },
        { role: 'coach', required: false, graceDays: 7 }, { role: 'referrer', required: false, graceDays: 7 },
        { role: 'dpo', required: false, graceDays: 0 },
      ],
    });
    // Admins stay free of it here: the next test signs in as this admin with the password alone.
    const roles = [
      { role: 'admin', required: false, graceDays: 0 }, { role: 'coordinator', required: true, graceDays: 2 },
      { role: 'coach', required: true, graceDays: 14 }, { role: 'referrer', required: false, graceDays: 7 },
      { role: 'dpo', required: true, graceDays: 1 },
    ];
    expectError(await admin.request('PUT', url, { body: { roles } }), 428, 'precondition_required');
    expectError(await admin.request('PUT', url, { body: { roles: roles.slice(1) }, headers: { 'if-match': '"1"' } }), 422, 'validation_failed');
    expectError(await admin.request('PUT', url, { body: { roles: roles.map((r) => ({ ...r, graceDays: 91 })) }, headers: { 'if-match': '"1"' } }), 422, 'validation_failed');
    const saved = await admin.request('PUT', url, { body: { roles }, headers: { 'if-match': '"1"' } });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toEqual({ version: 2, roles });
    expectError(await admin.request('PUT', url, { body: { roles }, headers: { 'if-match': '"1"' } }), 412, 'precondition_failed');
    const logged = await t.db.select().from(accessLog).where(eq(accessLog.entityType, 'second_factor_policy'));
    expect(logged.map((r) => [r.action, r.collaborationId, r.actorRole])).toEqual([['update', collaborationId, 'admin']]);
  });

  it('is not visible to another collaboration (404) and not changeable by a coordinator, referrer or DPO (403)', async () => {
    const gent = await collaborationIdOf(t.db, 'gent');
    const url = `/api/v1/collaborations/${gent}/second-factor-policy`;
    const outsider = await signIn(t.app, demo('admin', 'antwerpen'));
    expectError(await outsider.request('GET', url), 404, 'not_found');
    const roles = (['admin', 'coordinator', 'coach', 'referrer', 'dpo'] as const).map((role) => ({ role, required: false, graceDays: 0 }));
    expectError(await outsider.request('PUT', url, { body: { roles }, headers: { 'if-match': '"1"' } }), 404, 'not_found');
    // (Both coaches of Gent linked an app in the tests above, so they sign in with a code.)
    for (const role of ['coordinator', 'referrer', 'dpo']) {
      const member = await signIn(t.app, demo(role, 'gent'));
      expectError(await member.request('GET', url), 403, 'forbidden');
      expectError(await member.request('PUT', url, { body: { roles }, headers: { 'if-match': '"1"' } }), 403, 'forbidden');
    }
    const stored = await t.db.select().from(secondFactorPolicies).where(eq(secondFactorPolicies.collaborationId, gent));
    expect(stored.map((r) => [r.required, r.version])).toEqual(Array.from({ length: 5 }, () => [false, 1]));
  });
});
