import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { accessLog, memberships } from '../../db/schema/index.ts';
import { demo, PLATFORM_ADMIN, signIn, useTestApp, type Client } from '../../test/harness.ts';
import { collaborationIdOf, expectError, RANDOM_UUID, userIdOf } from '../../test/helpers.ts';

const t = useTestApp();
const as: Record<string, Client> = {};
let antwerpen: string;
let gent: string;
let malika: string;
let coach2: string;
const logUrl = (collaborationId: string, query = '') => `/api/v1/collaborations/${collaborationId}/access-log${query ? `?${query}` : ''}`;

beforeAll(async () => {
  antwerpen = await collaborationIdOf(t.db, 'antwerpen');
  gent = await collaborationIdOf(t.db, 'gent');
  for (const [key, email] of Object.entries({
    dpo: demo('dpo'), gentDpo: demo('dpo', 'gent'), admin: demo('admin'), coordinator: demo('coordinator'),
    coach: demo('coach2'), platform: PLATFORM_ADMIN,
  })) as[key] = await signIn(t.app, email);
  coach2 = await userIdOf(t.db, demo('coach2'));
  malika = (await as.coach!.request('GET', '/api/v1/families?q=Malika')).json().items[0].id;
  expect((await as.coach!.request('GET', `/api/v1/families/${malika}/plan`)).statusCode).toBe(200);
});

describe('the DPO role', () => {
  it('an admin gives it on the members screen, and the database knows no other roles than the listed ones', async () => {
    const res = await as.admin!.request('POST', `/api/v1/collaborations/${antwerpen}/members`, { body: { email: 'tweede.dpo@gezinsplan.example', name: 'Tweede DPO', roles: ['dpo'] } });
    expect(res.statusCode).toBe(201);
    expect(res.json().roles).toEqual(['dpo']);
    await expect(t.db.update(memberships).set({ roles: ['superuser'] })
      .where(and(eq(memberships.collaborationId, antwerpen), eq(memberships.userId, res.json().userId)))).rejects.toThrow();
  });

  it('opens no family: not in the list, 404 on the file, its plan, its log and its export, as for a family that does not exist', async () => {
    expect((await as.dpo!.request('GET', '/api/v1/families')).json().items).toEqual([]);
    expect((await as.dpo!.request('GET', '/api/v1/families?q=Malika')).json().items).toEqual([]);
    for (const path of ['', '/plan', '/members', '/access-log', '/network', '/export?format=json']) {
      const res = await as.dpo!.request('GET', `/api/v1/families/${malika}${path}`);
      expectError(res, 404, 'not_found');
      expect(res.body).not.toContain('Malika');
      expect(res.body).toBe((await as.dpo!.request('GET', `/api/v1/families/${RANDOM_UUID}${path}`)).body);
    }
  });

  it('has none of the team\'s doors: registrations, caseload, figures, people', async () => {
    const period = 'from=2026-01-01&to=2026-12-31';
    for (const url of [
      `/api/v1/collaborations/${antwerpen}/caseload?${period}`, `/api/v1/collaborations/${antwerpen}/figures?${period}`,
      `/api/v1/collaborations/${antwerpen}/members`, `/api/v1/registrations?collaborationId=${antwerpen}`,
    ]) {
      const res = await as.dpo!.request('GET', url);
      expect({ url, status: res.statusCode }).toEqual({ url, status: 403 });
    }
  });
});

describe('reading the collaboration\'s access log', () => {
  it('shows who did what to which file, newest first, with the person, role and organisation and no family content', async () => {
    const res = await as.dpo!.request('GET', logUrl(antwerpen, `familyId=${malika}&personId=${coach2}`));
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { id: string; familyId: string; actorUserId: string; entityType: string; actorName: string; actorRole: string; organisationName: string | null }[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.familyId === malika && i.actorUserId === coach2)).toBe(true);
    expect(items.map((i) => Number(i.id))).toEqual([...items.map((i) => Number(i.id))].sort((a, b) => b - a));
    expect(items.find((i) => i.entityType === 'plan')).toMatchObject({ actorName: 'Sofie Janssens', actorRole: 'coach', organisationName: expect.any(String) });
    expect(Object.keys(items[0]!).sort()).toEqual([
      'action', 'actorName', 'actorRole', 'actorUserId', 'clientAddress', 'entityId', 'entityType', 'familyId', 'id', 'occurredAt',
      'onBehalf', 'organisationName', 'outcome', 'reason', 'requestId',
    ]);
    expect(res.body).not.toContain('El Amrani (Malika)');
  });

  it('holds only its own collaboration, plus its members\' sign-ins and refusals', async () => {
    const gentCoach = await signIn(t.app, demo('coach1', 'gent'));
    expectError(await gentCoach.request('GET', `/api/v1/families/${malika}/plan`), 404, 'not_found');
    const all = (await as.dpo!.request('GET', logUrl(antwerpen, 'limit=200'))).json().items as { actorUserId: string | null }[];
    const gentCoachId = await userIdOf(t.db, demo('coach1', 'gent'));
    expect(all.some((i) => i.actorUserId === gentCoachId)).toBe(false);
    const theirs = (await as.gentDpo!.request('GET', logUrl(gent, `personId=${gentCoachId}&outcome=not_found`))).json().items;
    expect(theirs).toEqual([expect.objectContaining({ entityType: '/api/v1/families/:id/plan', entityId: malika, outcome: 'not_found', familyId: null })]);
    const logins = (await as.dpo!.request('GET', logUrl(antwerpen, `action=login&personId=${coach2}`))).json().items;
    expect(logins.length).toBeGreaterThan(0);
    expect(logins.every((i: { action: string }) => i.action === 'login')).toBe(true);
  });

  it('filters by action, outcome and days in Brussels', async () => {
    const [sofie] = [coach2];
    const at = (iso: string) => ({ collaborationId: antwerpen, familyId: malika, actorUserId: sofie, actorRole: 'coach', action: 'export' as const, entityType: 'family_export', outcome: 'success' as const, occurredAt: new Date(iso) });
    // 23:30 UTC on 2 March is 00:30 on 3 March in Brussels.
    await t.db.insert(accessLog).values([at('2026-03-01T12:00:00Z'), at('2026-03-02T23:30:00Z'), at('2026-03-04T10:00:00Z')]);
    const days = (await as.dpo!.request('GET', logUrl(antwerpen, 'action=export&from=2026-03-03&to=2026-03-04'))).json().items;
    expect(days.map((i: { occurredAt: string }) => i.occurredAt)).toEqual(['2026-03-04T10:00:00.000Z', '2026-03-02T23:30:00.000Z']);
    const denied = (await as.dpo!.request('GET', logUrl(antwerpen, 'outcome=denied'))).json().items;
    expect(denied.every((i: { outcome: string }) => i.outcome === 'denied')).toBe(true);
  });

  it('pages by cursor without gaps or repeats, also while new rows are written', async () => {
    const all = (await as.dpo!.request('GET', logUrl(antwerpen, 'limit=200'))).json().items.map((i: { id: string }) => i.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await as.dpo!.request('GET', logUrl(antwerpen, `limit=7${cursor ? `&cursor=${cursor}` : ''}`));
      seen.push(...res.json().items.map((i: { id: string }) => i.id));
      cursor = res.json().nextCursor;
    } while (cursor && seen.length < all.length + 50);
    // Each page's own look is logged, newer than the first page: the walk ends with exactly the rows there were.
    expect(seen.filter((id) => Number(id) <= Number(all[0]))).toEqual(all.filter((id: string) => Number(id) <= Number(all[0])));
    expect(new Set(seen).size).toBe(seen.length);
    expectError(await as.dpo!.request('GET', logUrl(antwerpen, 'cursor=bm9wZQ')), 400, 'malformed_request');
    expectError(await as.dpo!.request('GET', logUrl(antwerpen, `cursor=${Buffer.from('["x","1 or 1=1"]').toString('base64url')}`)), 400, 'malformed_request');
  });

  it('logs each look, with the filter chosen', async () => {
    const dpoId = await userIdOf(t.db, demo('dpo'));
    await as.dpo!.request('GET', logUrl(antwerpen, `familyId=${malika}&action=read`));
    const [row] = await t.db.select().from(accessLog).where(eq(accessLog.actorUserId, dpoId)).orderBy(sql`${accessLog.id} desc`).limit(1);
    expect(row).toMatchObject({ collaborationId: antwerpen, action: 'read', entityType: 'collaboration_access_log', actorRole: 'dpo', outcome: 'success', reason: `familyId=${malika} action=read`, familyId: null });
  });

  it('is closed to everyone else: 404 for another collaboration, 403 for other roles and the platform administrator, nothing leaked', async () => {
    const dpoId = await userIdOf(t.db, demo('dpo'));
    const before = await t.db.$count(accessLog, and(eq(accessLog.actorUserId, dpoId), eq(accessLog.outcome, 'not_found')));
    for (const res of [
      await as.dpo!.request('GET', logUrl(gent)), await as.dpo!.request('GET', logUrl(RANDOM_UUID)), await as.gentDpo!.request('GET', logUrl(antwerpen)),
    ]) {
      expectError(res, 404, 'not_found');
      expect(res.body).not.toContain('occurredAt');
    }
    for (const who of ['admin', 'coordinator', 'coach', 'platform']) {
      const res = await as[who]!.request('GET', logUrl(antwerpen));
      expectError(res, 403, 'forbidden');
      expect(res.body).not.toContain('occurredAt');
    }
    expect(await t.db.$count(accessLog, and(eq(accessLog.actorUserId, dpoId), eq(accessLog.outcome, 'not_found')))).toBe(before + 2);
  });

  it('refuses a malformed filter with 400 and logs nothing read', async () => {
    for (const q of ['familyId=nope', 'action=peek', 'from=yesterday', 'limit=0']) {
      expectError(await as.dpo!.request('GET', logUrl(antwerpen, q)), 400, 'malformed_request');
    }
  });
});
