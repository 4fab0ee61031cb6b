import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { lifeDomains, socialMapEntries } from '../../db/schema/index.ts';
import { demo, signIn, useTestApp, type Client } from '../../test/harness.ts';
import { collaborationIdOf, expectError, RANDOM_UUID } from '../../test/helpers.ts';
import { created, ifMatch } from '../plan/plan-test-support.ts';

/* The social map: Dutch search, filters, waiting times that go stale, CSV in and out, and its walls. */
let now = new Date('2026-12-01T10:00:00Z');
const t = useTestApp({}, { clock: () => now });
const as: Record<string, Client> = {};
let antwerpen: string;
let parenting: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  antwerpen = await collaborationIdOf(t.db, 'antwerpen');
  for (const [key, email] of Object.entries({ coach: demo('coach1'), referrer: demo('referrer'), gentCoach: demo('coach1', 'gent'), admin: demo('admin') })) {
    as[key] = await signIn(t.app, email);
  }
  const [domain] = await t.db.select({ id: lifeDomains.id }).from(lifeDomains).where(eq(lifeDomains.collaborationId, antwerpen)).orderBy(lifeDomains.position);
  parenting = domain!.id;
  await t.db.delete(socialMapEntries).where(eq(socialMapEntries.collaborationId, antwerpen));
  ids.ckg = (await created(as.coach!, '/api/v1/social-map', {
    collaborationId: antwerpen, organisation: 'CKG De Boomhut', service: 'Opvoedingsondersteuning aan huis', lifeDomainIds: [parenting],
    postcodes: ['2000', '2018'], howToRegister: 'Bel ons', waitingWeeks: 8,
  })).id;
  ids.ocmw = (await created(as.coach!, '/api/v1/social-map', { collaborationId: antwerpen, organisation: 'OCMW Antwerpen', service: 'Budgetbegeleiding', postcodes: ['2000'] })).id;
  ids.caw = (await created(as.coach!, '/api/v1/social-map', { collaborationId: antwerpen, organisation: 'CAW', service: 'Onthaal voor iedereen' })).id;
});

const search = async (query: string) =>
  (await as.coach!.request('GET', `/api/v1/social-map?collaborationId=${antwerpen}&${query}`)).json<{ items: { organisation: string }[] }>().items.map((e) => e.organisation);

describe('social map', () => {
  it('"opvoeding" finds "opvoedingsondersteuning" (Dutch stems as prefixes); filters by domain and postcode', async () => {
    expect(await search('q=opvoeding')).toEqual(['CKG De Boomhut']);
    expect(await search('q=budget')).toEqual(['OCMW Antwerpen']);
    expect(await search('q=aan%20huis%20opvoeding')).toEqual(['CKG De Boomhut']);
    // Query syntax typed by a person is read as words, never as tsquery operators.
    expect(await search(`q=${encodeURIComponent("'):* | ! opvoeding")}`)).toEqual(['CKG De Boomhut']);
    expect(await search(`lifeDomainId=${parenting}`)).toEqual(['CKG De Boomhut']);
    // No postcodes means the whole region.
    expect(await search('postcode=2018')).toEqual(['CAW', 'CKG De Boomhut']);
  });

  it('pages with a cursor', async () => {
    const first = (await as.coach!.request('GET', `/api/v1/social-map?collaborationId=${antwerpen}&limit=2`)).json<{ items: { organisation: string }[]; nextCursor: string }>();
    expect(first.items.map((e) => e.organisation)).toEqual(['CAW', 'CKG De Boomhut']);
    const second = (await as.coach!.request('GET', `/api/v1/social-map?collaborationId=${antwerpen}&limit=2&cursor=${first.nextCursor}`)).json<{ items: { organisation: string }[]; nextCursor: null }>();
    expect(second).toEqual({ items: [expect.objectContaining({ organisation: 'OCMW Antwerpen' })], nextCursor: null });
  });

  it('a waiting time goes stale after the configured months; a coach confirms it with their name and the date', async () => {
    const fresh = (await as.coach!.request('GET', `/api/v1/social-map/${ids.ckg}`)).json<{ stale: boolean; version: number; waitingConfirmedByName: string }>();
    expect(fresh).toMatchObject({ stale: false, waitingConfirmedByName: expect.any(String) });
    now = new Date('2027-07-01T10:00:00Z');
    const old = (await as.coach!.request('GET', `/api/v1/social-map/${ids.ckg}`)).json<{ stale: boolean; version: number }>();
    expect(old.stale).toBe(true);
    expectError(await as.coach!.request('PUT', `/api/v1/social-map/${ids.ckg}/waiting-time`, { body: { waitingWeeks: 4 } }), 428, 'precondition_required');
    const confirmed = await as.coach!.request('PUT', `/api/v1/social-map/${ids.ckg}/waiting-time`, { body: { waitingWeeks: 4, waitingNote: 'na telefoon' }, headers: ifMatch(old.version) });
    expect(confirmed.json()).toMatchObject({ stale: false, waitingWeeks: 4, waitingConfirmedAt: '2027-07-01T10:00:00.000Z' });
  });

  it('exports CSV and imports it back: known ids update, new rows are added, a bad line refuses the whole file', async () => {
    const res = await as.coach!.request('GET', `/api/v1/social-map/export?collaborationId=${antwerpen}`);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.body).toContain('Opvoedingsondersteuning aan huis');
    const csv = res.body.replace('Budgetbegeleiding', 'Budgetbeheer') + ';Huis van het Kind;Spelinloop;;;;2000;;;;;\r\n';
    const imported = await as.coach!.request('POST', '/api/v1/social-map/import', { body: { collaborationId: antwerpen, csv } });
    expect(imported.json()).toEqual({ created: 1, updated: 3 });
    expect(await search('q=budgetbeheer')).toEqual(['OCMW Antwerpen']);
    const bad = expectError(await as.coach!.request('POST', '/api/v1/social-map/import', { body: { collaborationId: antwerpen, csv: 'organisation;service\r\nX;\r\n' } }), 422, 'validation_failed');
    expect(bad.details).toEqual([expect.objectContaining({ field: 'csv.2.service' })]);
  });

  it('referrers may not use it (403); another collaboration does not find it (404)', async () => {
    expectError(await as.referrer!.request('GET', `/api/v1/social-map?collaborationId=${antwerpen}`), 403, 'forbidden');
    expectError(await as.gentCoach!.request('GET', `/api/v1/social-map?collaborationId=${antwerpen}`), 404, 'not_found');
    const other = await as.gentCoach!.request('GET', `/api/v1/social-map/${ids.ckg}`);
    const random = await as.gentCoach!.request('GET', `/api/v1/social-map/${RANDOM_UUID}`);
    expect({ status: other.statusCode, body: other.body }).toEqual({ status: 404, body: random.body });
    expectError(await as.gentCoach!.request('PATCH', `/api/v1/social-map/${ids.ckg}`, { body: { service: 'x' }, headers: ifMatch(1) }), 404, 'not_found');
    expectError(await as.gentCoach!.request('GET', `/api/v1/social-map/export?collaborationId=${antwerpen}`), 404, 'not_found');
  });

  it('validates postcodes and life domains of another collaboration', async () => {
    const gent = await collaborationIdOf(t.db, 'gent');
    const [gentDomain] = await t.db.select({ id: lifeDomains.id }).from(lifeDomains).where(eq(lifeDomains.collaborationId, gent));
    const bad = expectError(await as.coach!.request('POST', '/api/v1/social-map', { body: { collaborationId: antwerpen, organisation: 'X', service: 'Y', postcodes: ['20'] } }), 422, 'validation_failed');
    expect(bad.details!.map((d) => d.field)).toEqual(['postcodes.0']);
    const domain = expectError(await as.coach!.request('POST', '/api/v1/social-map', { body: { collaborationId: antwerpen, organisation: 'X', service: 'Y', lifeDomainIds: [gentDomain!.id] } }), 422, 'validation_failed');
    expect(domain.details).toEqual([expect.objectContaining({ field: 'lifeDomainIds' })]);
  });
});
