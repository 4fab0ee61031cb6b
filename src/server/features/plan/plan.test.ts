import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { accessLog, planChanges, planItems } from '../../db/schema/index.ts';
import { createTestFamily, type TestFamily } from '../../test/families.ts';
import { demo, signIn, useTestApp, type Client } from '../../test/harness.ts';
import { expectError, requestIdOf } from '../../test/helpers.ts';

const now = new Date('2026-11-23T10:00:00Z');
const t = useTestApp({}, { clock: () => now });
let f: TestFamily;
let coach: Client;
let url: (path: string) => string;
beforeAll(async () => {
  f = await createTestFamily(t.db, {
    displayName: 'Familie Plan', coaches: [demo('coach1', 'antwerpen')],
    people: { mama: { role: 'parent', name: 'Malika' }, sami: { role: 'child', name: 'Sami', birthYear: 2016 }, buur: { role: 'network_member', name: 'Buurvrouw Rita' } },
  });
  coach = await signIn(t.app, demo('coach1', 'antwerpen'));
  url = (path) => `/api/v1/families/${f.familyId}/${path}`;
});

const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });

describe('plan items', () => {
  it('creates a goal in the family\'s words, for a member, on behalf of the mother, with history and audit', async () => {
    const res = await coach.request('POST', url('goals'), {
      body: { text: 'Meer rust in huis', lifeDomainId: f.lifeDomainIds[4], memberIds: [f.participants.mama], whyItMatters: 'Dan slapen de kinderen beter', targetDate: '2027-03-01', progress: 2, onBehalfOfParticipantId: f.participants.mama },
    });
    expect(res.statusCode).toBe(201);
    const goal = res.json();
    expect(goal).toMatchObject({ kind: 'goal', text: 'Meer rust in huis', progress: 2, status: 'active', position: 0, memberIds: [f.participants.mama], onBehalfOfName: 'Malika', authorName: 'coach1.antwerpen', version: 1 });
    expect(res.headers.etag).toBe('"1"');
    const [change] = await t.db.select().from(planChanges).where(eq(planChanges.itemId, goal.id));
    expect(change).toMatchObject({ action: 'create', itemType: 'goal', onBehalfOfParticipantId: f.participants.mama, before: null });
    const logged = await t.db.select().from(accessLog).where(eq(accessLog.requestId, requestIdOf(res)));
    expect(logged.map((l) => [l.action, l.entityType, l.onBehalfOfParticipantId])).toEqual([['create', 'goal', f.participants.mama]]);
  });

  it('refuses bad input with translated field errors and stores nothing', async () => {
    const before = await t.db.select().from(planItems).where(eq(planItems.familyId, f.familyId));
    const res = await coach.request('POST', url('worries'), { body: { text: '', lifeDomainId: f.lifeDomainIds[0], size: 9 }, headers: { 'accept-language': 'en' } });
    const error = expectError(res, 422, 'validation_failed');
    expect(error.details!.map((d) => d.field).sort()).toEqual(['size', 'text']);
    expectError(await coach.request('POST', url('worries'), { body: { text: 'Schulden', lifeDomainId: f.lifeDomainIds[0], memberIds: [f.participants.buur] } }), 422, 'validation_failed');
    expectError(await coach.request('POST', url('goals'), { body: { text: 'x', lifeDomainId: f.lifeDomainIds[0], onBehalfOfParticipantId: f.participants.buur } }), 422, 'validation_failed');
    expect(await t.db.select().from(planItems).where(eq(planItems.familyId, f.familyId))).toEqual(before);
  });

  it('changes with If-Match only: 428 without, 412 when stale, and the history keeps before and after', async () => {
    const goal = (await coach.request('POST', url('goals'), { body: { text: 'Werk vinden', lifeDomainId: f.lifeDomainIds[6] } })).json();
    expectError(await coach.request('PATCH', url(`goals/${goal.id}`), { body: { progress: 3 } }), 428, 'precondition_required');
    const changed = await coach.request('PATCH', url(`goals/${goal.id}`), { body: { progress: 3 }, headers: ifMatch(1) });
    expect(changed.json()).toMatchObject({ progress: 3, version: 2, text: 'Werk vinden' });
    expectError(await coach.request('PATCH', url(`goals/${goal.id}`), { body: { text: 'Ander werk' }, headers: ifMatch(1) }), 412, 'precondition_failed');
    const history = (await coach.request('GET', `${url('history')}?itemId=${goal.id}`)).json();
    expect(history.items.map((h: { action: string; fields: string[] }) => [h.action, h.fields])).toEqual([['update', ['progress']], ['create', expect.any(Array)]]);
    expect(history.items[0].before.progress).toBeNull();
    expect(history.items[0].after.progress).toBe(3);
    expect((await coach.request('DELETE', url(`goals/${goal.id}`), { headers: ifMatch(2) })).statusCode).toBe(204);
    expectError(await coach.request('GET', url(`goals/${goal.id}`)), 404, 'not_found');
  });

  it('keeps worries in the family\'s order, guarded by the plan revision', async () => {
    const a = (await coach.request('POST', url('worries'), { body: { text: 'Schulden', lifeDomainId: f.lifeDomainIds[1], size: 5 } })).json();
    const b = (await coach.request('POST', url('worries'), { body: { text: 'Slecht slapen', lifeDomainId: f.lifeDomainIds[2], size: 3 } })).json();
    const plan = await coach.request('GET', url('plan'));
    const revision = plan.json().revision;
    expect(plan.headers.etag).toBe(`"${revision}"`);
    expectError(await coach.request('PUT', url('worries/order'), { body: { ids: [b.id] }, headers: ifMatch(revision) }), 422, 'validation_failed');
    const reordered = await coach.request('PUT', url('worries/order'), { body: { ids: [b.id, a.id] }, headers: ifMatch(revision) });
    expect(reordered.json().items.map((i: { text: string }) => i.text)).toEqual(['Slecht slapen', 'Schulden']);
    expectError(await coach.request('PUT', url('worries/order'), { body: { ids: [a.id, b.id] }, headers: ifMatch(revision) }), 412, 'precondition_failed');
  });
});

describe('agreements', () => {
  it('takes the goal\'s life domain, names its owner, and stands out when overdue (Brussels date)', async () => {
    const goal = (await coach.request('POST', url('goals'), { body: { text: 'Papieren in orde', lifeDomainId: f.lifeDomainIds[10] } })).json();
    const late = await coach.request('POST', url('agreements'), { body: { what: 'Rita rijdt Sami naar school', goalId: goal.id, ownerParticipantId: f.participants.buur, dueDate: '2026-11-22' } });
    expect(late.json()).toMatchObject({ lifeDomainId: f.lifeDomainIds[10], ownerName: 'Buurvrouw Rita', overdue: true, status: 'open' });
    const today = (await coach.request('POST', url('agreements'), { body: { what: 'Bellen naar OCMW', lifeDomainId: f.lifeDomainIds[1], ownerParticipantId: f.participants.mama, dueDate: '2026-11-23' } })).json();
    expect(today.overdue).toBe(false);
    const done = await coach.request('PATCH', url(`agreements/${late.json().id}`), { body: { status: 'done' }, headers: ifMatch(1) });
    expect(done.json()).toMatchObject({ status: 'done', overdue: false });
    expectError(await coach.request('POST', url('agreements'), { body: { what: 'x', ownerParticipantId: f.participants.buur, goalId: f.lifeDomainIds[0] } }), 422, 'validation_failed');
  });
});

describe('versions, evaluation and where we started', () => {
  it('saves a read-only version, evaluates, and shows what changed since the start', async () => {
    expectError(await coach.request('GET', url('plan/compare')), 409, 'no_plan_version');
    const strength = (await coach.request('POST', url('strengths'), { body: { text: 'Malika kookt graag', lifeDomainId: f.lifeDomainIds[2], size: 2 } })).json();
    const first = await coach.request('POST', url('plan/versions'), { body: { label: 'Bij de start' } });
    expect(first.json()).toMatchObject({ number: 1, reason: 'on_demand', label: 'Bij de start' });
    const plan = (await coach.request('GET', url('plan'))).json();
    const goal = plan.goals.find((g: { text: string }) => g.text === 'Meer rust in huis');
    const worry = plan.worries.find((w: { text: string }) => w.text === 'Schulden');
    await coach.request('PATCH', url(`worries/${worry.id}`), { body: { size: 2 }, headers: ifMatch(worry.version) });
    await coach.request('PATCH', url(`strengths/${strength.id}`), { body: { size: 4 }, headers: ifMatch(strength.version) });
    const evaluation = await coach.request('POST', url('evaluations'), {
      body: {
        heldOn: '2026-11-23', summary: 'Het gaat beter', goals: [{ goalId: goal.id, wentWell: 'Vaste bedtijd', gotStuck: '', decision: 'reached' }],
        newGoals: [{ text: 'Sami gaat naar de voetbalclub', lifeDomainId: f.lifeDomainIds[7], memberIds: [f.participants.sami] }],
      },
    });
    expect(evaluation.statusCode).toBe(201);
    expect(evaluation.json()).toMatchObject({ summary: 'Het gaat beter', goals: [{ goalId: goal.id, decision: 'reached', wentWell: 'Vaste bedtijd', gotStuck: null }] });
    const versions = (await coach.request('GET', url('plan/versions'))).json().items;
    expect(versions.map((v: { number: number; reason: string }) => [v.number, v.reason])).toEqual([[2, 'evaluation'], [1, 'on_demand']]);
    const compare = (await coach.request('GET', url('plan/compare'))).json();
    expect(compare.from.number).toBe(1);
    expect(compare.goalsReached.map((g: { text: string }) => g.text)).toEqual(['Meer rust in huis']);
    expect(compare.goalsNew.map((g: { text: string }) => g.text)).toEqual(['Sami gaat naar de voetbalclub']);
    expect(compare.worriesShrunk.map((c: { before: number; after: number }) => [c.before, c.after])).toEqual([[5, 2]]);
    expect(compare.strengthsGrown.map((c: { before: number; after: number }) => [c.before, c.after])).toEqual([[2, 4]]);
    // The first version still shows the plan as it was.
    const old = (await coach.request('GET', url(`plan/versions/${first.json().id}`))).json();
    expect(old.goals.find((g: { id: string }) => g.id === goal.id).status).toBe('active');
    expect(old.strengths[0].size).toBe(2);
  });

  it('refuses an evaluation of a goal of another family and changes nothing', async () => {
    const other = await createTestFamily(t.db, { coaches: [demo('coach1', 'antwerpen')] });
    const [foreign] = await t.db.insert(planItems).values({ collaborationId: other.collaborationId, familyId: other.familyId, kind: 'goal', text: 'x', lifeDomainId: other.lifeDomainIds[0] }).returning();
    const count = (await t.db.select().from(planChanges).where(and(eq(planChanges.familyId, f.familyId)))).length;
    expectError(await coach.request('POST', url('evaluations'), { body: { heldOn: '2026-11-23', goals: [{ goalId: foreign!.id, decision: 'reached' }] } }), 422, 'validation_failed');
    expect((await t.db.select().from(planChanges).where(eq(planChanges.familyId, f.familyId))).length).toBe(count);
  });
});
