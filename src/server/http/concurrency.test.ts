import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { collaborations, idempotencyKeys, memberships, partnerOrganisations } from '../db/schema/index.ts';
import { demo, signIn, useTestApp, type Client } from '../test/harness.ts';
import { collaborationIdOf, expectError, userIdOf } from '../test/helpers.ts';

const t = useTestApp();
let admin: Client;
let antwerpen: string;
beforeAll(async () => {
  admin = await signIn(t.app, demo('admin', 'antwerpen'));
  antwerpen = await collaborationIdOf(t.db, 'antwerpen');
});

/**
 * The same If-Match contract for every mutable resource: GET gives the ETag, a PATCH without it is
 * 428, with a stale one 412 (and nothing changes), with the current one 200 and the next ETag.
 */
async function checkIfMatch(url: string, body: object, readState: () => Promise<unknown>) {
  const got = await admin.request('GET', url);
  expect(got.statusCode).toBe(200);
  expect(got.headers.etag).toBe('"1"');
  expect(got.json().version).toBe(1);
  const before = await readState();

  expectError(await admin.request('PATCH', url, { body }), 428, 'precondition_required');
  const stale = await admin.request('PATCH', url, { body, headers: { 'if-match': '"0"' } });
  expect(stale.json()).toEqual({ error: { code: 'precondition_failed', message: 'Iemand anders heeft dit intussen gewijzigd. Laad opnieuw om de nieuwste versie te zien.' } });
  expect(stale.statusCode).toBe(412);
  expectError(await admin.request('PATCH', url, { body, headers: { 'if-match': 'garbage' } }), 412, 'precondition_failed');
  expect(await readState()).toEqual(before);

  const ok = await admin.request('PATCH', url, { body, headers: { 'if-match': '"1"' } });
  expect(ok.statusCode).toBe(200);
  expect(ok.headers.etag).toBe('"2"');
  expect(ok.json().version).toBe(2);
  expect(await readState()).not.toEqual(before);

  // The first writer wins; a second one who saw version 1 is told to reload.
  expectError(await admin.request('PATCH', url, { body, headers: { 'if-match': '"1"' } }), 412, 'precondition_failed');
  const weak = await admin.request('PATCH', url, { body, headers: { 'if-match': 'W/"2"' } });
  expect(weak.statusCode).toBe(200);
  expect(weak.headers.etag).toBe('"3"');
  expect((await admin.request('GET', url)).headers.etag).toBe('"3"');
}

describe('ETag and If-Match', () => {
  it('guards collaboration settings', async () => {
    const state = async () => (await t.db.select().from(collaborations).where(eq(collaborations.id, antwerpen)))[0];
    await checkIfMatch(`/api/v1/collaborations/${antwerpen}/settings`, { name: 'Regio Antwerpen' }, state);
    expect((await state())).toMatchObject({ name: 'Regio Antwerpen', version: 3 });
  });

  it('guards partner organisations', async () => {
    const [partner] = await t.db.select().from(partnerOrganisations).where(and(eq(partnerOrganisations.collaborationId, antwerpen), eq(partnerOrganisations.name, 'CAW Antwerpen')));
    const state = async () => (await t.db.select().from(partnerOrganisations).where(eq(partnerOrganisations.id, partner!.id)))[0];
    await checkIfMatch(`/api/v1/collaborations/${antwerpen}/partner-organisations/${partner!.id}`, { contactPhone: '03 123 45 67' }, state);
    expect(await state()).toMatchObject({ contactPhone: '03 123 45 67', version: 3 });
  });

  it('guards memberships', async () => {
    const userId = await userIdOf(t.db, demo('coach2', 'antwerpen'));
    const state = async () => (await t.db.select().from(memberships).where(and(eq(memberships.collaborationId, antwerpen), eq(memberships.userId, userId))))[0];
    await checkIfMatch(`/api/v1/collaborations/${antwerpen}/members/${userId}`, { roles: ['coach', 'coordinator'] }, state);
    expect(await state()).toMatchObject({ roles: ['coach', 'coordinator'], version: 3 });
  });
});

describe('Idempotency-Key', () => {
  const url = () => `/api/v1/collaborations/${antwerpen}/partner-organisations`;
  const rowsNamed = (name: string) => t.db.select().from(partnerOrganisations).where(and(eq(partnerOrganisations.collaborationId, antwerpen), eq(partnerOrganisations.name, name)));

  it('replays the first answer for a repeat: one row, the same id twice, 201 both times', async () => {
    const body = { name: 'JAC Antwerpen', kind: 'jac' };
    const headers = { 'idempotency-key': 'create-jac-1' };
    const first = await admin.request('POST', url(), { body, headers });
    const second = await admin.request('POST', url(), { body, headers });
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.json()).toEqual(first.json());
    expect(first.json()).toEqual({ id: expect.any(String), name: 'JAC Antwerpen', kind: 'jac', contactEmail: null, contactPhone: null, active: true, version: 1 });
    expect(second.headers.etag).toBe('"1"');
    const rows = await rowsNamed('JAC Antwerpen');
    expect(rows.map((r) => r.id)).toEqual([first.json().id]);
  });

  it('refuses the same key with a different body, and creates nothing', async () => {
    const headers = { 'idempotency-key': 'create-jac-1' };
    const res = await admin.request('POST', url(), { body: { name: 'VAPH Antwerpen', kind: 'vaph' }, headers });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toEqual({ error: { code: 'idempotency_conflict', message: 'Deze sleutel werd al gebruikt voor een ander verzoek.' } });
    expect(await rowsNamed('VAPH Antwerpen')).toEqual([]);
  });

  it('keeps keys apart per person, and creates twice without a key', async () => {
    const otherAdmin = await signIn(t.app, demo('coordinator', 'antwerpen'));
    // Another person's identical key is not a replay of someone else's answer (a coordinator may not create at all).
    expectError(await otherAdmin.request('POST', url(), { body: { name: 'JAC Antwerpen', kind: 'jac' }, headers: { 'idempotency-key': 'create-jac-1' } }), 403, 'forbidden');
    const body = { name: 'Lokaal bestuur Antwerpen', kind: 'local_government' };
    const a = await admin.request('POST', url(), { body });
    const b = await admin.request('POST', url(), { body });
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    expect(a.json().id).not.toBe(b.json().id);
    expect((await rowsNamed('Lokaal bestuur Antwerpen')).length).toBe(2);
    expect((await t.db.select().from(idempotencyKeys)).map((k) => k.key)).toEqual(['create-jac-1']);
  });

  it('answers concurrent twins with one creation', async () => {
    const body = { name: 'CKG Twins', kind: 'ckg' };
    const headers = { 'idempotency-key': 'twins' };
    const [a, b] = await Promise.all([admin.request('POST', url(), { body, headers }), admin.request('POST', url(), { body, headers })]);
    expect([a!.statusCode, b!.statusCode]).toEqual([201, 201]);
    expect(a!.json().id).toBe(b!.json().id);
    expect((await rowsNamed('CKG Twins')).length).toBe(1);
  });

  it('refuses a key longer than 200 characters', async () => {
    expectError(await admin.request('POST', url(), { body: { name: 'Long key', kind: 'other' }, headers: { 'idempotency-key': 'k'.repeat(201) } }), 400, 'malformed_request');
    expect(await rowsNamed('Long key')).toEqual([]);
  });
});
