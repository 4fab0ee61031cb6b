import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { breakGlassGrants } from '../../db/schema/index.ts';
import { demo, signIn, signInByLink, useTestApp, type Client } from '../../test/harness.ts';
import { collaborationIdOf, expectError, mailsTo, RANDOM_UUID } from '../../test/helpers.ts';
import { ifMatch } from '../plan/plan-test-support.ts';

/*
 * Emergency access stands out: the family reads it in "who looked" with the reason, its parents
 * and the collaboration's admins get a mail, and the admins judge each use in a review list.
 * (What it opens and closes, door by door, is tried in sharing/doors.test.ts.)
 */
const t = useTestApp();
const as: Record<string, Client> = {};
let familyId = '';
let antwerpen = '';
const REASON = 'Kind in gevaar, de coach is ziek en niet bereikbaar';
const ADMIN = demo('admin', 'antwerpen');

beforeAll(async () => {
  antwerpen = await collaborationIdOf(t.db, 'antwerpen');
  as.coordinator = await signIn(t.app, demo('coordinator', 'antwerpen'));
  as.admin = await signIn(t.app, ADMIN);
  as.gentAdmin = await signIn(t.app, demo('admin', 'gent'));
  as.dpo = await signIn(t.app, demo('dpo', 'antwerpen'));
  as.gentDpo = await signIn(t.app, demo('dpo', 'gent'));
  as.coach = await signIn(t.app, demo('coach2', 'antwerpen'));
  as.malika = await signInByLink(t.app, t.db, 'malika@gezinsplan.example');
  familyId = (await as.coach.request('GET', '/api/v1/families?q=Malika')).json().items[0].id;
});

const review = (who: string, grantId: string, version: number, body: object, collaborationId = antwerpen) =>
  as[who]!.request('PUT', `/api/v1/collaborations/${collaborationId}/break-glass/${grantId}/review`, { body, headers: ifMatch(version) });

describe('emergency access stands out', () => {
  let grant: { id: string; version: number };

  it('the opening mails the family\'s parents and the admins, without the reason', async () => {
    const before = { malika: (await mailsTo(t.db, 'malika@gezinsplan.example')).length, admin: (await mailsTo(t.db, ADMIN)).length };
    const res = await as.coordinator!.request('POST', `/api/v1/families/${familyId}/break-glass`, { body: { reason: REASON } });
    expect(res.statusCode).toBe(201);
    grant = res.json();
    const malika = (await mailsTo(t.db, 'malika@gezinsplan.example')).slice(before.malika);
    expect(malika.map((m) => m.subject)).toEqual([expect.stringContaining('Noodtoegang tot het dossier van')]);
    expect(malika[0]!.text).toContain(`/families/${familyId}/access`);
    const admin = (await mailsTo(t.db, ADMIN)).slice(before.admin);
    expect(admin.map((m) => m.subject)).toEqual(['Noodtoegang gebruikt: graag nakijken']);
    expect(admin[0]!.text).toContain(`/collaborations/${antwerpen}/break-glass`);
    for (const m of [...malika, ...admin]) expect(m.text + m.html).not.toContain(REASON);
  });

  it('the family sees a row of its own in "who looked", with the reason, and the reads marked as break-glass', async () => {
    const log = (await as.malika!.request('GET', `/api/v1/families/${familyId}/access-log?limit=100`)).json().items as { action: string; reason: string | null; actorRole: string | null; actorName: string | null }[];
    const opening = log.filter((r) => r.action === 'break_glass');
    expect(opening).toMatchObject([{ reason: REASON, actorRole: 'coordinator', actorName: expect.any(String) }]);
    await as.coordinator!.request('GET', `/api/v1/families/${familyId}/plan`);
    const again = (await as.malika!.request('GET', `/api/v1/families/${familyId}/access-log?limit=5`)).json().items as { action: string; actorRole: string | null; entityType: string }[];
    expect(again.find((r) => r.entityType === 'plan' || r.action === 'read' && r.actorRole === 'break_glass')).toMatchObject({ actorRole: 'break_glass' });
    const filtered = (await as.malika!.request('GET', `/api/v1/families/${familyId}/access-log?action=break_glass`)).json().items;
    expect(filtered).toHaveLength(1);
  });

  it('the admins review each use, justified or not, with a note; not someone else\'s collaboration, not the coordinator, not one\'s own use', async () => {
    const list = await as.admin!.request('GET', `/api/v1/collaborations/${antwerpen}/break-glass?status=pending`);
    expect(list.json().items).toMatchObject([{ id: grant.id, reason: REASON, reviewStatus: 'pending', familyName: expect.any(String), userName: expect.any(String) }]);
    expectError(await as.coordinator!.request('GET', `/api/v1/collaborations/${antwerpen}/break-glass`), 403, 'forbidden');
    const gent = await as.gentAdmin!.request('GET', `/api/v1/collaborations/${antwerpen}/break-glass`);
    const random = await as.gentAdmin!.request('GET', `/api/v1/collaborations/${RANDOM_UUID}/break-glass`);
    expect({ status: gent.statusCode, body: gent.body }).toEqual({ status: 404, body: random.body });
    expectError(await review('gentAdmin', grant.id, grant.version, { status: 'justified', note: 'Terecht gebruikt' }), 404, 'not_found');
    expectError(await review('coordinator', grant.id, grant.version, { status: 'justified', note: 'Mijn eigen gebruik' }), 403, 'forbidden');
    expectError(await review('admin', grant.id, grant.version, { status: 'justified', note: '' }), 422, 'validation_failed');
    expectError(await review('admin', grant.id, grant.version + 5, { status: 'justified', note: 'Terecht' }), 412, 'precondition_failed');
    expectError(await review('admin', RANDOM_UUID, 1, { status: 'justified', note: 'Terecht' }), 404, 'not_found');
    const judged = await review('admin', grant.id, grant.version, { status: 'not_justified', note: 'Er was een collega-coach bereikbaar' });
    expect(judged.statusCode).toBe(200);
    expect(judged.json()).toMatchObject({ reviewStatus: 'not_justified', reviewNote: 'Er was een collega-coach bereikbaar', reviewerName: expect.any(String), reviewedAt: expect.any(String) });
    expect((await as.admin!.request('GET', `/api/v1/collaborations/${antwerpen}/break-glass?status=pending`)).json().items).toEqual([]);
    // Nobody reviews their own use: an admin who opened a file cannot judge it.
    const [own] = await t.db.insert(breakGlassGrants).values({
      collaborationId: antwerpen, familyId, userId: (await t.db.select({ id: breakGlassGrants.reviewerUserId }).from(breakGlassGrants).where(eq(breakGlassGrants.id, grant.id)))[0]!.id!,
      role: 'coordinator', reason: REASON, startedAt: new Date(Date.now() - 7_200_000), endsAt: new Date(Date.now() - 3_600_000),
    }).returning();
    expectError(await review('admin', own!.id, 1, { status: 'justified', note: 'Mijn eigen gebruik' }), 403, 'forbidden');
    await as.coordinator!.request('POST', `/api/v1/families/${familyId}/break-glass/end`);
  });

  it('the collaboration setting: hours between 1 and 24, coaches allowed or not; only the admin changes it', async () => {
    const settings = await as.admin!.request('GET', `/api/v1/collaborations/${antwerpen}/settings`);
    expect(settings.json()).toMatchObject({ breakGlassHours: 4, breakGlassCoaches: false });
    const version = settings.json().version as number;
    expectError(await as.admin!.request('PATCH', `/api/v1/collaborations/${antwerpen}/settings`, { body: { breakGlassHours: 25 }, headers: ifMatch(version) }), 422, 'validation_failed');
    expectError(await as.coordinator!.request('PATCH', `/api/v1/collaborations/${antwerpen}/settings`, { body: { breakGlassHours: 2 }, headers: ifMatch(version) }), 403, 'forbidden');
    const changed = await as.admin!.request('PATCH', `/api/v1/collaborations/${antwerpen}/settings`, { body: { breakGlassHours: 2, breakGlassCoaches: true }, headers: ifMatch(version) });
    expect(changed.json()).toMatchObject({ breakGlassHours: 2, breakGlassCoaches: true });
    const opened = await as.coordinator!.request('POST', `/api/v1/families/${familyId}/break-glass`, { body: { reason: 'Tweede noodgeval: de politie belt over de kinderen' } });
    expect(Date.parse(opened.json().endsAt) - Date.parse(opened.json().startedAt)).toBe(2 * 3_600_000);
  });

  it('the DPO reviews too, by family id and never the family\'s name; not the DPO of another collaboration', async () => {
    const list = await as.dpo!.request('GET', `/api/v1/collaborations/${antwerpen}/break-glass?status=pending`);
    expect(list.statusCode).toBe(200);
    const [pending] = list.json().items as { id: string; familyId: string; familyName: string | null; version: number }[];
    expect(pending).toMatchObject({ familyId, familyName: null });
    expect(list.body).not.toContain('Malika');
    const gent = await as.gentDpo!.request('GET', `/api/v1/collaborations/${antwerpen}/break-glass`);
    const random = await as.gentDpo!.request('GET', `/api/v1/collaborations/${RANDOM_UUID}/break-glass`);
    expect({ status: gent.statusCode, body: gent.body }).toEqual({ status: 404, body: random.body });
    expectError(await review('gentDpo', pending!.id, pending!.version, { status: 'justified', note: 'Terecht' }), 404, 'not_found');
    const judged = await review('dpo', pending!.id, pending!.version, { status: 'justified', note: 'Het kind was in gevaar' });
    expect(judged.json()).toMatchObject({ reviewStatus: 'justified', familyName: null, reviewerName: expect.any(String) });
    expectError(await review('dpo', pending!.id, pending!.version, { status: 'not_justified', note: 'Toch niet' }), 412, 'precondition_failed');
    // The admin still reads the family's name.
    const forAdmin = (await as.admin!.request('GET', `/api/v1/collaborations/${antwerpen}/break-glass`)).json().items as { id: string; familyName: string | null }[];
    expect(forAdmin.find((g) => g.id === pending!.id)?.familyName).toContain('Malika');
  });
});
