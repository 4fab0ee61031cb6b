import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/connection.ts';
import { demo, signIn, useTestApp, type Client } from '../../test/harness.ts';
import { createTestFamily } from '../../test/families.ts';
import { expectError } from '../../test/helpers.ts';
import { ifMatch } from '../plan/plan-test-support.ts';
import { retentionHandler } from './job.ts';

const t = useTestApp();
const as = {} as Record<'coordinator' | 'coach' | 'gentCoordinator', Client>;
const ids = {} as Record<'due' | 'past' | 'held' | 'later', string>;
let antwerpen: string;
const DAY = 86_400_000;

/** A closed family whose closure is `days` ago. */
async function closedFamily(name: string, daysAgo: number): Promise<string> {
  const f = await createTestFamily(t.db, { displayName: name, coaches: [demo('coach1', 'antwerpen')] });
  antwerpen = f.collaborationId;
  await t.db.execute(sql`insert into family_closures (collaboration_id, family_id, closed_at, reason, summary, duration_days)
    values (${f.collaborationId}, ${f.familyId}, ${new Date(Date.now() - daysAgo * DAY).toISOString()}::timestamptz, 'goals_reached', 'Klaar.', 100)`);
  await t.db.execute(sql`update families set status = 'closed' where id = ${f.familyId}`);
  return f.familyId;
}
const erased = async (familyId: string) =>
  rowsOf<{ e: boolean }>(await t.db.execute(sql`select erased_at is not null as e from families where id = ${familyId}`))[0]!.e;

beforeAll(async () => {
  as.coordinator = await signIn(t.app, demo('coordinator', 'antwerpen'));
  as.coach = await signIn(t.app, demo('coach1', 'antwerpen'));
  as.gentCoordinator = await signIn(t.app, demo('coordinator', 'gent'));
  // Default term: 5 years. Due in ~20 days, past it by a day, past it but to be held, and far off.
  ids.due = await closedFamily('Gezin Bijna', 5 * 365 - 20);
  ids.past = await closedFamily('Gezin Voorbij', 5 * 366 + 1);
  ids.held = await closedFamily('Gezin Bewaard', 5 * 366 + 1);
  ids.later = await closedFamily('Gezin Later', 400);
});

describe('retention', () => {
  const list = () => as.coordinator.request('GET', `/api/v1/collaborations/${antwerpen}/retention`);

  it('shows the coordinator the files erased within 30 days, not the others', async () => {
    const res = await list();
    expect(res.statusCode).toBe(200);
    const names = res.json().items.map((f: { displayName: string }) => f.displayName);
    expect(res.json()).toMatchObject({ retentionYears: 5, noticeDays: 30 });
    expect(names).toEqual(expect.arrayContaining(['Gezin Bijna', 'Gezin Voorbij', 'Gezin Bewaard']));
    expect(names).not.toContain('Gezin Later');
  });

  it('is for coordinators and admins of the collaboration only', async () => {
    expectError(await as.coach.request('GET', `/api/v1/collaborations/${antwerpen}/retention`), 403, 'forbidden');
    expectError(await as.gentCoordinator.request('GET', `/api/v1/collaborations/${antwerpen}/retention`), 404, 'not_found');
    const hold = `/api/v1/collaborations/${antwerpen}/retention/${ids.held}/hold`;
    expectError(await as.coach.request('PUT', hold, { body: { reason: 'Lopende rechtszaak bij de jeugdrechter' }, headers: ifMatch(1) }), 403, 'forbidden');
    expectError(await as.gentCoordinator.request('PUT', hold, { body: { reason: 'Lopende rechtszaak bij de jeugdrechter' }, headers: ifMatch(1) }), 404, 'not_found');
    // A family of another collaboration, named in this collaboration's path, is not found.
    const gent = await createTestFamily(t.db, { collaboration: 'gent', displayName: 'Gezin Gent' });
    await t.db.execute(sql`update families set status = 'closed' where id = ${gent.familyId}`);
    expectError(await as.coordinator.request('PUT', `/api/v1/collaborations/${antwerpen}/retention/${gent.familyId}/hold`, { body: { reason: 'Lopende rechtszaak bij de jeugdrechter' }, headers: ifMatch(1) }), 404, 'not_found');
  });

  it('puts a file on legal hold with a reason (If-Match), and lifts it', async () => {
    const hold = `/api/v1/collaborations/${antwerpen}/retention/${ids.held}/hold`;
    expectError(await as.coordinator.request('PUT', hold, { body: { reason: 'kort' }, headers: ifMatch(1) }), 422, 'validation_failed');
    expectError(await as.coordinator.request('PUT', hold, { body: { reason: 'Lopende rechtszaak bij de jeugdrechter' } }), 428, 'precondition_required');
    expectError(await as.coordinator.request('PUT', hold, { body: { reason: 'Lopende rechtszaak bij de jeugdrechter' }, headers: ifMatch(9) }), 412, 'precondition_failed');
    const res = await as.coordinator.request('PUT', hold, { body: { reason: 'Lopende rechtszaak bij de jeugdrechter' }, headers: ifMatch(1) });
    expect(res.statusCode).toBe(200);
    expect(res.json().legalHold).toMatchObject({ reason: 'Lopende rechtszaak bij de jeugdrechter' });
    const lifted = await as.coordinator.request('DELETE', hold, { headers: ifMatch(res.json().version) });
    expect(lifted.json().legalHold).toBeNull();
    const again = await as.coordinator.request('PUT', hold, { body: { reason: 'Lopende rechtszaak bij de jeugdrechter' }, headers: ifMatch(lifted.json().version) });
    expect(again.statusCode).toBe(200);
  });

  it('the daily job erases files past their term, never held ones, and a second run changes nothing', async () => {
    const lines: unknown[] = [];
    const logger = { info: (o: unknown) => void lines.push(o), warn: (o: unknown) => void lines.push(o) };
    await retentionHandler(t.db, logger as never)({});
    expect(await erased(ids.past)).toBe(true);
    expect(await erased(ids.held)).toBe(false);
    expect(await erased(ids.due)).toBe(false);
    expect(await erased(ids.later)).toBe(false);
    expect(lines).toContainEqual({ due: 1, erased: 1 });
    await retentionHandler(t.db, logger as never)({});
    expect(lines).toContainEqual({ due: 0, erased: 0 });
    const names = (await list()).json().items.map((f: { displayName: string }) => f.displayName);
    expect(names).not.toContain('Gezin Voorbij');
    const [jobs] = rowsOf<{ n: number }>(await t.db.execute(sql`select count(*)::int as n from jobs where kind = 'retention.daily' and done_at is null`));
    expect(jobs!.n).toBe(1);
  });

  it('the term is a setting of the collaboration, from 1 to 30 years', async () => {
    const settings = await as.coordinator.request('GET', `/api/v1/collaborations/${antwerpen}/settings`);
    expect(settings.json().retentionYears).toBe(5);
    const admin = await signIn(t.app, demo('admin', 'antwerpen'));
    const current = await admin.request('GET', `/api/v1/collaborations/${antwerpen}/settings`);
    expectError(await admin.request('PATCH', `/api/v1/collaborations/${antwerpen}/settings`, { body: { retentionYears: 0 }, headers: { 'if-match': current.headers.etag as string } }), 422, 'validation_failed');
    const res = await admin.request('PATCH', `/api/v1/collaborations/${antwerpen}/settings`, { body: { retentionYears: 1 }, headers: { 'if-match': current.headers.etag as string } });
    expect(res.json().retentionYears).toBe(1);
    expect((await list()).json().items.map((f: { displayName: string }) => f.displayName)).toContain('Gezin Later');
  });
});
