import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { accessLog, identityProviderDomains, identityProviders } from '../../db/schema/index.ts';
import { demo, PLATFORM_ADMIN, signIn, useTestApp } from '../../test/harness.ts';
import { collaborationIdOf, expectError, RANDOM_UUID } from '../../test/helpers.ts';
import { openClientSecret } from './secret.ts';

const t = useTestApp();

const SECRET = 'a-very-secret-client-secret-4711';
const body = (over: Record<string, unknown> = {}) => ({
  name: 'CAW Antwerpen', issuer: 'https://login.caw-antwerpen.example/realms/staff', clientId: 'gezinsplan', clientSecret: SECRET,
  domains: ['caw-antwerpen.example', '@CAW.example'], ...over,
});

const urlOf = async (key: 'antwerpen' | 'gent') => `/api/v1/collaborations/${await collaborationIdOf(t.db, key)}/identity-providers`;

describe('identity providers of a collaboration', () => {
  it('lets an admin connect one: the secret is stored encrypted, never answered, and the change is logged', async () => {
    const admin = await signIn(t.app, demo('admin', 'antwerpen'));
    const url = await urlOf('antwerpen');
    const created = await admin.request('POST', url, { body: body() });
    expect(created.statusCode).toBe(201);
    expect(created.headers.etag).toBe('"1"');
    const provider = created.json<{ id: string; redirectUri: string }>();
    expect(provider).toEqual({
      id: expect.any(String), name: 'CAW Antwerpen', issuer: 'https://login.caw-antwerpen.example/realms/staff', clientId: 'gezinsplan',
      clientSecretSet: true, domains: ['caw-antwerpen.example', 'caw.example'], active: true,
      redirectUri: `${t.config.publicUrl}/api/v1/auth/sso/callback`, version: 1,
    });
    expect(created.body).not.toContain(SECRET);

    const [row] = await t.db.select().from(identityProviders).where(eq(identityProviders.id, provider.id));
    expect(row!.clientSecretEncrypted).toMatch(/^v1:/);
    expect(row!.clientSecretEncrypted).not.toContain(SECRET);
    expect(openClientSecret(t.config, provider.id, row!.clientSecretEncrypted)).toBe(SECRET);
    // Bound to its row: the same ciphertext under another id does not open.
    expect(() => openClientSecret(t.config, RANDOM_UUID, row!.clientSecretEncrypted)).toThrow();

    const list = await admin.request('GET', url);
    expect(list.statusCode).toBe(200);
    expect(list.json()).toEqual({ items: [created.json()], redirectUri: `${t.config.publicUrl}/api/v1/auth/sso/callback` });
    expect(list.body).not.toContain(SECRET);
    const one = await admin.request('GET', `${url}/${provider.id}`);
    expect(one.json()).toEqual(created.json());
    expect(one.body).not.toContain(SECRET);

    const logged = await t.db.select().from(accessLog).where(and(eq(accessLog.entityType, 'identity_provider'), eq(accessLog.entityId, provider.id)));
    expect(logged.map((r) => [r.action, r.actorRole, r.collaborationId])).toEqual([['create', 'admin', await collaborationIdOf(t.db, 'antwerpen')]]);
    expect(JSON.stringify(logged)).not.toContain(SECRET);
  });

  it('changes a provider with If-Match: missing 428, stale 412; a new secret replaces the old, left out it stays', async () => {
    const admin = await signIn(t.app, demo('admin', 'gent'));
    const url = await urlOf('gent');
    const created = await admin.request('POST', url, { body: body({ name: 'OCMW Gent', domains: ['ocmw-gent.example'] }) });
    expect(created.statusCode).toBe(201);
    const { id } = created.json<{ id: string }>();
    const [before] = await t.db.select().from(identityProviders).where(eq(identityProviders.id, id));

    expectError(await admin.request('PATCH', `${url}/${id}`, { body: { name: 'OCMW' } }), 428, 'precondition_required');
    const renamed = await admin.request('PATCH', `${url}/${id}`, { body: { name: 'OCMW Gent (staff)', domains: ['ocmw-gent.example', 'gent-ocmw.example'] }, headers: { 'if-match': '"1"' } });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ name: 'OCMW Gent (staff)', domains: ['gent-ocmw.example', 'ocmw-gent.example'], version: 2 });
    const [kept] = await t.db.select().from(identityProviders).where(eq(identityProviders.id, id));
    expect(kept!.clientSecretEncrypted).toBe(before!.clientSecretEncrypted);
    expectError(await admin.request('PATCH', `${url}/${id}`, { body: { name: 'late' }, headers: { 'if-match': '"1"' } }), 412, 'precondition_failed');

    const newSecret = await admin.request('PATCH', `${url}/${id}`, { body: { clientSecret: 'the-new-one', active: false }, headers: { 'if-match': '"2"' } });
    expect(newSecret.json()).toMatchObject({ active: false, clientSecretSet: true, version: 3 });
    const [after] = await t.db.select().from(identityProviders).where(eq(identityProviders.id, id));
    expect(openClientSecret(t.config, id, after!.clientSecretEncrypted)).toBe('the-new-one');
    const logged = await t.db.select().from(accessLog).where(and(eq(accessLog.entityType, 'identity_provider'), eq(accessLog.entityId, id)));
    expect(logged.map((r) => [r.action, r.reason])).toEqual([['create', null], ['update', null], ['update', 'client_secret_replaced']]);
  });

  it('gives a domain to one provider only, over all collaborations, and changes nothing when refused', async () => {
    const antwerpen = await signIn(t.app, demo('admin', 'antwerpen'));
    const gent = await signIn(t.app, demo('admin', 'gent'));
    const first = await antwerpen.request('POST', await urlOf('antwerpen'), { body: body({ name: 'CLB', domains: ['clb-one.example'] }) });
    expect(first.statusCode).toBe(201);
    const providersBefore = (await t.db.select().from(identityProviders)).length;

    const taken = await gent.request('POST', await urlOf('gent'), { body: body({ name: 'CLB Gent', domains: ['clb-gent.example', 'clb-one.example'] }) });
    const error = expectError(taken, 409, 'domain_taken');
    expect(error.details).toEqual([{ field: 'domains.1', code: 'domainTaken', message: 'Dit domein hoort al bij een andere aanmelddienst.' }]);
    expect(await t.db.select().from(identityProviders)).toHaveLength(providersBefore);
    expect(await t.db.select().from(identityProviderDomains).where(eq(identityProviderDomains.domain, 'clb-gent.example'))).toEqual([]);

    const twice = await antwerpen.request('POST', await urlOf('antwerpen'), { body: body({ domains: ['x.example', 'X.example'] }) });
    expect(expectError(twice, 422, 'validation_failed').details).toEqual([{ field: 'domains', code: 'domainTwice', message: 'Elk domein één keer.' }]);
  });

  it('answers bad input with translated field messages', async () => {
    const admin = await signIn(t.app, demo('admin', 'antwerpen'));
    const res = await admin.request('POST', await urlOf('antwerpen'), {
      body: { name: '', issuer: 'http://idp.example.com', clientId: 'x', clientSecret: '', domains: ['not a domain'] },
      headers: { 'accept-language': 'en' },
    });
    const error = expectError(res, 422, 'validation_failed');
    expect(Object.fromEntries(error.details!.map((d) => [d.field, d.message]))).toEqual({
      name: 'Please fill this in.',
      issuer: 'Use an address that starts with https://.',
      clientSecret: 'Please fill this in.',
      'domains.0': 'This is not an email domain. Write it like caw-antwerpen.be.',
    });
  });

  it('refuses plain http to a provider in production, even on this machine', async () => {
    const { createProvider } = await import('./service.ts');
    const production = { ...t.config, NODE_ENV: 'production' as const, SECOND_FACTOR_KEY: 'ab'.repeat(32) };
    const ctx = { requestId: 'r', clientAddress: '127.0.0.1', userAgent: null, locale: 'en' as const, actor: null, sessionTokenHash: null, sessionLevel: null, csrfToken: null };
    const collaborationId = await collaborationIdOf(t.db, 'antwerpen');
    await expect(t.db.transaction((tx) => createProvider(tx, production, ctx, collaborationId, { ...body(), issuer: 'http://localhost:9000', domains: ['local.example'] }, 'admin')))
      .rejects.toMatchObject({ statusCode: 422, details: [{ field: 'issuer', code: 'httpsRequired' }] });
  });

  it('is for admins: other members get 403, another collaboration and the signed-out get nothing', async () => {
    const admin = await signIn(t.app, demo('admin', 'antwerpen'));
    const url = await urlOf('antwerpen');
    const created = await admin.request('POST', url, { body: body({ name: 'Kind en Gezin', domains: ['kindengezin.example'] }) });
    const { id } = created.json<{ id: string }>();
    const count = async () => (await t.db.select().from(identityProviders)).length;
    const before = await count();

    for (const role of ['coordinator', 'coach1', 'referrer', 'dpo']) {
      const member = await signIn(t.app, demo(role, 'antwerpen'));
      expectError(await member.request('GET', url), 403, 'forbidden');
      expectError(await member.request('GET', `${url}/${id}`), 403, 'forbidden');
      expectError(await member.request('POST', url, { body: body({ domains: [`${role}.example`] }) }), 403, 'forbidden');
      expectError(await member.request('PATCH', `${url}/${id}`, { body: { active: false }, headers: { 'if-match': '"1"' } }), 403, 'forbidden');
    }
    const other = await signIn(t.app, demo('admin', 'gent'));
    expectError(await other.request('GET', url), 404, 'not_found');
    expectError(await other.request('GET', `${url}/${id}`), 404, 'not_found');
    expectError(await other.request('PATCH', `${url}/${id}`, { body: { active: false }, headers: { 'if-match': '"1"' } }), 404, 'not_found');
    expectError(await other.request('POST', url, { body: body({ domains: ['sneaky.example'] }) }), 404, 'not_found');
    // Through its own collaboration's path, Gent's admin still cannot reach Antwerpen's provider.
    expectError(await other.request('GET', `${await urlOf('gent')}/${id}`), 404, 'not_found');
    expectError(await other.request('PATCH', `${await urlOf('gent')}/${id}`, { body: { active: false }, headers: { 'if-match': '"1"' } }), 404, 'not_found');
    expectError(await t.app.inject({ method: 'GET', url }), 401, 'unauthenticated');

    expect(await count()).toBe(before);
    const [row] = await t.db.select().from(identityProviders).where(eq(identityProviders.id, id));
    expect(row).toMatchObject({ active: true, version: 1 });

    const platform = await signIn(t.app, PLATFORM_ADMIN);
    expect((await platform.request('GET', url)).statusCode).toBe(200);
  });
});
