import { and, asc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { families, lifeDomains, planChanges, planItems } from '../../db/schema/index.ts';
import { createTestFamily, type TestFamily } from '../../test/families.ts';
import { demo, signIn, useTestApp, type Client } from '../../test/harness.ts';
import { auditRowsFor, collaborationIdOf, expectError, requestIdOf } from '../../test/helpers.ts';
import { created, ifMatch } from './plan-test-support.ts';

const t = useTestApp();
let f: TestFamily;
let coach: Client;
let mama: Client;
const url = (path: string) => `/api/v1/families/${f.familyId}/${path}`;

beforeAll(async () => {
  f = await createTestFamily(t.db, {
    displayName: 'Familie Items', coaches: [demo('coach1')],
    people: {
      mama: { role: 'parent', name: 'Mama', email: demo('coach2') },
      kind: { role: 'child', name: 'Kind', birthYear: 2016 },
      weg: { role: 'child', name: 'Weg', removed: true },
      buur: { role: 'network_member', name: 'Buur' },
    },
  });
  coach = await signIn(t.app, demo('coach1'));
  mama = await signIn(t.app, demo('coach2'));
});

/** What the family's file holds: to prove a refused request changed nothing. */
const snapshot = async () => ({
  items: await t.db.select().from(planItems).where(eq(planItems.familyId, f.familyId)).orderBy(asc(planItems.createdAt)),
  changes: (await t.db.select().from(planChanges).where(eq(planChanges.familyId, f.familyId))).length,
  revision: (await t.db.select({ r: families.planRevision }).from(families).where(eq(families.id, f.familyId)))[0]!.r,
});

describe('each kind of item', () => {
  it('questions, strengths, worries and goals: create, read, change, delete', async () => {
    const cases = [
      { path: 'questions', body: { text: 'Hoe krijgen we rust?', memberIds: [f.participants.mama] }, patch: { text: 'Hoe krijgen we meer rust?' } },
      { path: 'strengths', body: { text: 'Mama kookt graag', lifeDomainId: f.lifeDomainIds[2], size: 4 }, patch: { size: 5 } },
      { path: 'worries', body: { text: 'Schulden', lifeDomainId: f.lifeDomainIds[1], size: 5, memberIds: [f.participants.mama] }, patch: { size: 3 } },
      { path: 'goals', body: { text: 'Kind slaapt goed', lifeDomainId: f.lifeDomainIds[2], memberIds: [f.participants.kind], whyItMatters: 'Dan gaat school beter', targetDate: '2027-02-01', progress: 1 }, patch: { progress: 3, status: 'reached' } },
    ];
    for (const { path, body, patch } of cases) {
      const res = await coach.request('POST', url(path), { body });
      expect(res.statusCode).toBe(201);
      const item = res.json();
      expect(item).toMatchObject({ ...body, version: 1, position: 0, isPrivate: false, authorName: 'coach1.antwerpen', onBehalfOfName: null });
      expect(res.headers.etag).toBe('"1"');
      const read = await coach.request('GET', url(`${path}/${item.id}`));
      expect([read.statusCode, read.headers.etag, read.json().text]).toEqual([200, '"1"', body.text]);
      expect((await coach.request('GET', url(path))).json().items.map((i: { id: string }) => i.id)).toEqual([item.id]);
      const changed = await coach.request('PATCH', url(`${path}/${item.id}`), { body: patch, headers: ifMatch(1) });
      expect(changed.json()).toMatchObject({ ...body, ...patch, version: 2 });
      expect(changed.headers.etag).toBe('"2"');
      // Another kind's path does not know this item.
      const other = path === 'goals' ? 'worries' : 'goals';
      expectError(await coach.request('GET', url(`${other}/${item.id}`)), 404, 'not_found');
      expect((await coach.request('DELETE', url(`${path}/${item.id}`), { headers: ifMatch(2) })).statusCode).toBe(204);
      expectError(await coach.request('GET', url(`${path}/${item.id}`)), 404, 'not_found');
      expect((await coach.request('GET', url(path))).json().items).toEqual([]);
      // Deleted is kept: the row stays with deletedAt, and the history tells it.
      const [row] = await t.db.select().from(planItems).where(eq(planItems.id, item.id));
      expect(row!.deletedAt).not.toBeNull();
      const history = (await coach.request('GET', url(`history?itemId=${item.id}`))).json().items;
      expect(history.map((h: { action: string }) => h.action)).toEqual(['delete', 'update', 'create']);
      expect(history[0]).toMatchObject({ before: { ...body, ...patch, version: 2 }, after: null });
    }
  });

  it('keeps only the fields a kind has, and puts new items last', async () => {
    const worry = await created(coach, url('worries'), { text: 'Geen werk', lifeDomainId: f.lifeDomainIds[6], targetDate: '2027-01-01', progress: 3 });
    expect(worry).toMatchObject({ targetDate: null, progress: null, whyItMatters: null });
    const second = await created(coach, url('worries'), { text: 'Weinig vrienden', lifeDomainId: f.lifeDomainIds[8] });
    expect(second.position).toBe((worry.position as number) + 1);
    // A parent writes too; the item is theirs.
    const own = await created(mama, url('worries'), { text: 'Ik ben moe', lifeDomainId: f.lifeDomainIds[3] });
    expect(own).toMatchObject({ position: (worry.position as number) + 2, authorParticipantId: f.participants.mama, authorName: 'Mama' });
  });
});

describe('refused changes', () => {
  it('bad input answers a translated 422 and changes nothing', async () => {
    const goal = await created(coach, url('goals'), { text: 'Een fiets', lifeDomainId: f.lifeDomainIds[7] });
    const before = await snapshot();
    const gentDomain = (await t.db.select().from(lifeDomains).where(eq(lifeDomains.collaborationId, await collaborationIdOf(t.db, 'gent'))))[0]!.id;
    const [archived] = await t.db.insert(lifeDomains).values({ collaborationId: f.collaborationId, labelNl: 'Oud', labelEn: 'Old', pictogram: 'home', position: 99, archivedAt: new Date() }).returning();
    const other = await createTestFamily(t.db, { people: { x: { role: 'parent', name: 'X' } } });
    const refused: [string, string, object, string][] = [
      ['POST', 'goals', { text: 'x', lifeDomainId: gentDomain }, 'lifeDomainId'],
      ['POST', 'goals', { text: 'x', lifeDomainId: archived!.id }, 'lifeDomainId'],
      ['POST', 'strengths', { text: 'x' }, 'lifeDomainId'],
      ['POST', 'worries', { text: 'x', lifeDomainId: f.lifeDomainIds[0], memberIds: [f.participants.buur] }, 'memberIds'],
      ['POST', 'worries', { text: 'x', lifeDomainId: f.lifeDomainIds[0], memberIds: [f.participants.weg] }, 'memberIds'],
      ['POST', 'worries', { text: 'x', lifeDomainId: f.lifeDomainIds[0], memberIds: [f.participants['coach:' + demo('coach1')]] }, 'memberIds'],
      ['POST', 'questions', { text: 'x', memberIds: [other.participants.x] }, 'memberIds'],
      ['POST', 'goals', { text: 'x', lifeDomainId: f.lifeDomainIds[0], progress: 6 }, 'progress'],
      ['POST', 'strengths', { text: 'x', lifeDomainId: f.lifeDomainIds[0], size: 0 }, 'size'],
      ['POST', 'goals', { text: '  ', lifeDomainId: f.lifeDomainIds[0] }, 'text'],
      ['POST', 'goals', { text: 'x', lifeDomainId: f.lifeDomainIds[0], onBehalfOfParticipantId: f.participants.buur }, 'onBehalfOfParticipantId'],
      ['PATCH', `goals/${goal.id}`, { lifeDomainId: null }, 'lifeDomainId'],
      ['PATCH', `goals/${goal.id}`, { progress: 0 }, 'progress'],
      ['PATCH', `goals/${goal.id}`, { status: 'finished' }, 'status'],
    ];
    for (const [method, path, body, field] of refused) {
      const res = await coach.request(method as 'POST', url(path), { body, headers: { ...ifMatch(goal.version), 'accept-language': 'en' } });
      const error = expectError(res, 422, 'validation_failed');
      expect({ path, body, fields: error.details?.map((d) => d.field) }).toEqual({ path, body, fields: [field] });
      expect(error.details![0]!.message).toMatch(/^[A-Z].+\.$/);
    }
    // Only a coach enters something on a member's behalf.
    expectError(await mama.request('POST', url('goals'), { body: { text: 'x', lifeDomainId: f.lifeDomainIds[0], onBehalfOfParticipantId: f.participants.kind } }), 422, 'validation_failed');
    expect(await snapshot()).toEqual(before);
  });

  it('changes need the version: 428 without If-Match, 412 when stale, nothing changed', async () => {
    const goal = await created(coach, url('goals'), { text: 'Zwemmen', lifeDomainId: f.lifeDomainIds[7] });
    await coach.request('PATCH', url(`goals/${goal.id}`), { body: { progress: 2 }, headers: ifMatch(1) });
    const before = await snapshot();
    expectError(await coach.request('PATCH', url(`goals/${goal.id}`), { body: { text: 'x' } }), 428, 'precondition_required');
    expectError(await coach.request('DELETE', url(`goals/${goal.id}`)), 428, 'precondition_required');
    expectError(await coach.request('PATCH', url(`goals/${goal.id}`), { body: { text: 'x' }, headers: ifMatch(1) }), 412, 'precondition_failed');
    expectError(await coach.request('DELETE', url(`goals/${goal.id}`), { headers: ifMatch(1) }), 412, 'precondition_failed');
    expectError(await coach.request('PATCH', url(`goals/${goal.id}`), { body: { text: 'x' }, headers: { 'if-match': 'nonsense' } }), 412, 'precondition_failed');
    expect(await snapshot()).toEqual(before);
  });

  it('a repeated create with the same Idempotency-Key answers the first answer, once', async () => {
    const send = (body: object) => coach.request('POST', url('strengths'), { body, headers: { 'idempotency-key': 'kracht-1' } });
    const body = { text: 'Oma helpt elke woensdag', lifeDomainId: f.lifeDomainIds[8] };
    const first = await send(body);
    const again = await send(body);
    expect([first.statusCode, again.statusCode]).toEqual([201, 201]);
    expect(again.json()).toEqual(first.json());
    expect(await t.db.select().from(planItems).where(and(eq(planItems.familyId, f.familyId), eq(planItems.text, body.text)))).toHaveLength(1);
    expectError(await send({ ...body, text: 'Iets anders' }), 422, 'idempotency_conflict');
  });
});

describe('history and access log', () => {
  it('keeps who changed what, on whose behalf, before and after; every change and read is logged', async () => {
    const res = await coach.request('POST', url('goals'), {
      body: { text: 'Werk vinden', lifeDomainId: f.lifeDomainIds[6], memberIds: [f.participants.mama], onBehalfOfParticipantId: f.participants.mama },
    });
    const goal = res.json();
    expect(goal).toMatchObject({ onBehalfOfParticipantId: f.participants.mama, onBehalfOfName: 'Mama', authorName: 'coach1.antwerpen' });
    expect((await auditRowsFor(t.db, requestIdOf(res))).map((r) => [r.action, r.entityType, r.entityId, r.onBehalfOfParticipantId, r.actorRole]))
      .toEqual([['create', 'goal', goal.id, f.participants.mama, 'coach']]);
    const patch = await mama.request('PATCH', url(`goals/${goal.id}`), { body: { text: 'Werk vinden als kok', progress: 2 }, headers: ifMatch(1) });
    expect((await auditRowsFor(t.db, requestIdOf(patch))).map((r) => [r.action, r.entityType, r.actorRole])).toEqual([['update', 'goal', 'parent']]);

    const history = await coach.request('GET', url(`history?itemType=goal&itemId=${goal.id}`));
    expect(history.json().items).toMatchObject([
      { action: 'update', itemType: 'goal', changedByName: 'Sofie Janssens', onBehalfOfName: null, fields: ['progress', 'text'],
        before: { text: 'Werk vinden', progress: null }, after: { text: 'Werk vinden als kok', progress: 2 } },
      { action: 'create', changedByName: 'Chris Peeters', onBehalfOfName: 'Mama', before: null, after: { text: 'Werk vinden' } },
    ]);
    expect(history.json().items[1].fields).toContain('text');
    expect((await auditRowsFor(t.db, requestIdOf(history))).map((r) => [r.action, r.entityType])).toEqual([['read', 'history']]);
    const plan = await coach.request('GET', url('plan'));
    expect((await auditRowsFor(t.db, requestIdOf(plan))).map((r) => [r.action, r.entityType, r.familyId])).toEqual([['read', 'plan', f.familyId]]);
  });

  it('pages through the history, newest first', async () => {
    const all = (await coach.request('GET', url('history?limit=100'))).json();
    expect(all.items.length).toBeGreaterThan(3);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `history?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page = (await coach.request('GET', url(query))).json();
      seen.push(...page.items.map((i: { id: string }) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.items.map((i: { id: string }) => i.id));
    const times = all.items.map((i: { at: string }) => i.at);
    expect([...times].sort().reverse()).toEqual(times);
  });
});

describe('the family\'s order of worries and goals', () => {
  it('reorders all visible ids at once, guarded by the plan revision, one history row per moved item', async () => {
    const fam = await createTestFamily(t.db, { coaches: [demo('coach1')] });
    const famUrl = (path: string) => `/api/v1/families/${fam.familyId}/${path}`;
    const goals = [];
    for (const text of ['Eén', 'Twee', 'Drie']) goals.push(await created(coach, famUrl('goals'), { text, lifeDomainId: fam.lifeDomainIds[0] }));
    const worry = await created(coach, famUrl('worries'), { text: 'Zorg', lifeDomainId: fam.lifeDomainIds[0] });
    expect(goals.map((g) => g.position)).toEqual([0, 1, 2]);
    const plan = await coach.request('GET', famUrl('plan'));
    const revision = plan.json().revision as number;
    expect(plan.headers.etag).toBe(`"${revision}"`);
    const changesBefore = (await t.db.select().from(planChanges).where(eq(planChanges.familyId, fam.familyId))).length;
    const ids = goals.map((g) => g.id);
    for (const wrong of [[ids[0], ids[1]], [ids[0], ids[1], ids[1]], [...ids, worry.id], [ids[2], ids[0], worry.id]]) {
      expectError(await coach.request('PUT', famUrl('goals/order'), { body: { ids: wrong }, headers: ifMatch(revision) }), 422, 'validation_failed');
    }
    expectError(await coach.request('PUT', famUrl('goals/order'), { body: { ids } }), 428, 'precondition_required');
    expectError(await coach.request('PUT', famUrl('goals/order'), { body: { ids }, headers: ifMatch(revision - 1) }), 412, 'precondition_failed');
    expect((await t.db.select().from(planChanges).where(eq(planChanges.familyId, fam.familyId))).length).toBe(changesBefore);

    // Drie to the front: Eén and Twee move one down, three items moved.
    const res = await coach.request('PUT', famUrl('goals/order'), { body: { ids: [ids[2], ids[0], ids[1]] }, headers: ifMatch(revision) });
    expect(res.json().items.map((g: { text: string; position: number }) => [g.text, g.position])).toEqual([['Drie', 0], ['Eén', 1], ['Twee', 2]]);
    expect(res.headers.etag).toBe(`"${revision + 3}"`);
    const moves = await t.db.select().from(planChanges).where(eq(planChanges.familyId, fam.familyId)).orderBy(asc(planChanges.at));
    // One transaction, one timestamp: compare the moves as a set.
    expect(moves.slice(changesBefore).map((m) => [m.action, (m.before as { position: number }).position, (m.after as { position: number }).position]).sort())
      .toEqual([['update', 0, 1], ['update', 1, 2], ['update', 2, 0]]);
    // The same order again moves nothing; the old revision is stale now.
    expectError(await coach.request('PUT', famUrl('goals/order'), { body: { ids: [ids[2], ids[0], ids[1]] }, headers: ifMatch(revision) }), 412, 'precondition_failed');
    const same = await coach.request('PUT', famUrl('goals/order'), { body: { ids: [ids[2], ids[0], ids[1]] }, headers: ifMatch(revision + 3) });
    expect(same.headers.etag).toBe(`"${revision + 3}"`);
    expect((await coach.request('GET', famUrl('worries'))).json().items.map((w: { id: string }) => w.id)).toEqual([worry.id]);
    const worries = await coach.request('PUT', famUrl('worries/order'), { body: { ids: [worry.id] }, headers: ifMatch(revision + 3) });
    expect(worries.statusCode).toBe(200);
  });
});
