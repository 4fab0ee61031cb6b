import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { consentGrants } from '../../db/schema/index.ts';
import { createTestFamily, type TestFamily } from '../../test/families.ts';
import { demo, PLATFORM_ADMIN, signIn, useTestApp, type Client } from '../../test/harness.ts';
import { auditRowsOf, expectError, RANDOM_UUID, userIdOf } from '../../test/helpers.ts';
import { created, expectSameAsRandom, ifMatch, textsOf } from './plan-test-support.ts';

/*
 * Every door of the plan, tried by everyone who should not get through it. Demo accounts stand in
 * for the people around the family: coach2 is the mother, the admin the father, Gent's referrer a
 * neighbour (network member), Gent's coach2 a neighbour who was removed, Gent's admin a parent in
 * another family.
 */
const t = useTestApp();
let a: TestFamily;
let b: TestFamily;
const as: Record<string, Client> = {};
const id: Record<string, string> = {};
const urlA = (path: string) => `/api/v1/families/${a.familyId}/${path}`;
const urlB = (path: string) => `/api/v1/families/${b.familyId}/${path}`;
const LISTS = ['plan', 'questions', 'strengths', 'worries', 'goals', 'agreements', 'history'];

beforeAll(async () => {
  a = await createTestFamily(t.db, {
    displayName: 'Familie Deuren', coaches: [demo('coach1')],
    people: {
      mama: { role: 'parent', name: 'Mama', email: demo('coach2') },
      papa: { role: 'parent', name: 'Papa', email: demo('admin') },
      kind: { role: 'child', name: 'Kind', birthYear: 2017 },
      buur: { role: 'network_member', name: 'Buurvrouw', email: demo('referrer', 'gent') },
      weg: { role: 'network_member', name: 'Vroegere buur', email: demo('coach2', 'gent'), removed: true },
    },
  });
  b = await createTestFamily(t.db, {
    displayName: 'Familie Anders', coaches: [demo('coach1')],
    people: { ander: { role: 'parent', name: 'Andere ouder', email: demo('admin', 'gent') } },
  });
  for (const [key, email] of Object.entries({
    coach: demo('coach1'), mama: demo('coach2'), papa: demo('admin'), buur: demo('referrer', 'gent'), weg: demo('coach2', 'gent'),
    ander: demo('admin', 'gent'), coordinator: demo('coordinator'), referrer: demo('referrer'), gentCoordinator: demo('coordinator', 'gent'),
    gentCoach: demo('coach1', 'gent'), platform: PLATFORM_ADMIN,
  })) as[key] = await signIn(t.app, email);
  const school = a.lifeDomainIds[5]!;
  id.school = (await created(as.coach!, urlA('goals'), { text: 'Elke dag naar school', lifeDomainId: school })).id;
  id.money = (await created(as.coach!, urlA('goals'), { text: 'Schulden afbetalen', lifeDomainId: a.lifeDomainIds[1] })).id;
  id.strength = (await created(as.papa!, urlA('strengths'), { text: 'Kind leest graag', lifeDomainId: school })).id;
  id.secret = (await created(as.mama!, urlA('worries'), { text: 'Mijn eigen zorg', lifeDomainId: school, isPrivate: true })).id;
  id.secretGoal = (await created(as.mama!, urlA('goals'), { text: 'Mijn eigen doel', lifeDomainId: school, isPrivate: true })).id;
  id.schoolAgreement = (await created(as.coach!, urlA('agreements'), { what: 'Buurvrouw brengt Kind', goalId: id.school, ownerParticipantId: a.participants.buur })).id;
  id.moneyAgreement = (await created(as.coach!, urlA('agreements'), { what: 'Mama belt het OCMW', goalId: id.money, ownerParticipantId: a.participants.mama })).id;
});

/** Every door to family A's plan, for someone who may not know it exists (or may not see its plan). */
async function expectNoWayIn(client: Client) {
  for (const path of LISTS) {
    const res = await client.request('GET', urlA(path));
    const random = await client.request('GET', `/api/v1/families/${RANDOM_UUID}/${path}`);
    expect({ path, status: res.statusCode, body: res.body }).toEqual({ path, status: 404, body: random.body });
  }
  await expectSameAsRandom(client, 'GET', urlA(`goals/${id.school}`), id.school!);
  await expectSameAsRandom(client, 'PATCH', urlA(`goals/${id.school}`), id.school!, { text: 'x' });
  await expectSameAsRandom(client, 'DELETE', urlA(`goals/${id.school}`), id.school!);
  await expectSameAsRandom(client, 'GET', urlA(`agreements/${id.schoolAgreement}`), id.schoolAgreement!);
  await expectSameAsRandom(client, 'PATCH', urlA(`agreements/${id.schoolAgreement}`), id.schoolAgreement!, { status: 'done' });
  expectError(await client.request('POST', urlA('goals'), { body: { text: 'x', lifeDomainId: a.lifeDomainIds[0] } }), 404, 'not_found');
  expectError(await client.request('POST', urlA('agreements'), { body: { what: 'x', ownerParticipantId: a.participants.mama } }), 404, 'not_found');
  expectError(await client.request('PUT', urlA('goals/order'), { body: { ids: [id.money, id.school] }, headers: ifMatch(1) }), 404, 'not_found');
}

describe('outside the family circle', () => {
  it('another collaboration, the platform administrator, a referrer, a parent of another family and a removed participant: 404 everywhere', async () => {
    for (const who of ['gentCoordinator', 'gentCoach', 'platform', 'referrer', 'ander', 'weg']) await expectNoWayIn(as[who]!);
    // The refusals are in the access log.
    expect((await auditRowsOf(t.db, await userIdOf(t.db, demo('coach2', 'gent')), 'not_found')).length).toBeGreaterThan(0);
  });

  it('a coordinator of the collaboration outside the circle knows the family, not its plan', async () => {
    expect((await as.coordinator!.request('GET', `/api/v1/families/${a.familyId}`)).statusCode).toBe(200);
    await expectNoWayIn(as.coordinator!);
  });

  it('an item of one family is not there through another family, not even for a coach of both', async () => {
    await expectSameAsRandom(as.coach!, 'GET', urlB(`goals/${id.school}`), id.school!);
    await expectSameAsRandom(as.coach!, 'PATCH', urlB(`goals/${id.school}`), id.school!, { text: 'x' });
    await expectSameAsRandom(as.coach!, 'DELETE', urlB(`agreements/${id.schoolAgreement}`), id.schoolAgreement!);
    expect((await as.coach!.request('GET', urlB(`history?itemId=${id.school}`))).json().items).toEqual([]);
    // Family A's goal, member or person cannot be named in family B: refused like an unknown id.
    const foreignGoal = await as.coach!.request('POST', urlB('agreements'), { body: { what: 'x', goalId: id.school, ownerParticipantId: b.participants.ander } });
    const randomGoal = await as.coach!.request('POST', urlB('agreements'), { body: { what: 'x', goalId: RANDOM_UUID, ownerParticipantId: b.participants.ander } });
    expect({ status: foreignGoal.statusCode, body: foreignGoal.body }).toEqual({ status: 422, body: randomGoal.body });
    expectError(await as.coach!.request('POST', urlB('agreements'), { body: { what: 'x', ownerParticipantId: a.participants.mama } }), 422, 'validation_failed');
    expectError(await as.coach!.request('POST', urlB('goals'), { body: { text: 'x', lifeDomainId: b.lifeDomainIds[0], memberIds: [a.participants.kind] } }), 422, 'validation_failed');
    expectError(await as.coach!.request('PUT', urlB('goals/order'), { body: { ids: [id.school] }, headers: ifMatch(0) }), 422, 'validation_failed');
  });
});

describe('inside the family', () => {
  it('another member\'s private item is as absent as a random id, through every door', async () => {
    for (const [kind, itemId] of [['worries', id.secret], ['goals', id.secretGoal]] as const) {
      await expectSameAsRandom(as.papa!, 'GET', urlA(`${kind}/${itemId}`), itemId!);
      await expectSameAsRandom(as.papa!, 'PATCH', urlA(`${kind}/${itemId}`), itemId!, { text: 'x' });
      await expectSameAsRandom(as.papa!, 'DELETE', urlA(`${kind}/${itemId}`), itemId!);
      expect((await as.papa!.request('GET', urlA(`history?itemId=${itemId}`))).json().items).toEqual([]);
    }
    const plan = (await as.papa!.request('GET', urlA('plan'))).json();
    expect(textsOf([...plan.worries, ...plan.goals])).toEqual(['Elke dag naar school', 'Schulden afbetalen']);
    expect((await as.papa!.request('GET', urlA('history'))).json().items.map((h: { itemId: string }) => h.itemId)).not.toContain(id.secret);
    const onSecret = await as.papa!.request('POST', urlA('agreements'), { body: { what: 'x', goalId: id.secretGoal, ownerParticipantId: a.participants.papa } });
    const onRandom = await as.papa!.request('POST', urlA('agreements'), { body: { what: 'x', goalId: RANDOM_UUID, ownerParticipantId: a.participants.papa } });
    expect({ status: onSecret.statusCode, body: onSecret.body }).toEqual({ status: 422, body: onRandom.body });
    // Its author and the coaches see it; the order of goals counts only what the asker sees.
    expect((await as.mama!.request('GET', urlA(`worries/${id.secret}`))).statusCode).toBe(200);
    expect((await as.coach!.request('GET', urlA(`goals/${id.secretGoal}`))).json().text).toBe('Mijn eigen doel');
    const revision = (await as.papa!.request('GET', urlA('plan'))).json().revision;
    expectError(await as.papa!.request('PUT', urlA('goals/order'), { body: { ids: [id.money, id.school, id.secretGoal] }, headers: ifMatch(revision) }), 422, 'validation_failed');
  });

  it('only an item\'s author (or a coach) makes it private', async () => {
    const papas = await created(as.papa!, urlA('strengths'), { text: 'Papa fietst graag', lifeDomainId: a.lifeDomainIds[7] });
    expectError(await as.mama!.request('PATCH', urlA(`strengths/${papas.id}`), { body: { isPrivate: true }, headers: ifMatch(1) }), 403, 'forbidden');
    expectError(await as.papa!.request('PATCH', urlA(`agreements/${id.moneyAgreement}`), { body: { isPrivate: true }, headers: ifMatch(1) }), 403, 'forbidden');
    expect((await as.mama!.request('GET', urlA(`strengths/${papas.id}`))).json()).toMatchObject({ isPrivate: false, version: 1 });
    // Any other change by another member is fine; the author and a coach may hide it.
    expect((await as.mama!.request('PATCH', urlA(`strengths/${papas.id}`), { body: { size: 4, isPrivate: false }, headers: ifMatch(1) })).statusCode).toBe(200);
    expect((await as.papa!.request('PATCH', urlA(`strengths/${papas.id}`), { body: { isPrivate: true }, headers: ifMatch(2) })).json().isPrivate).toBe(true);
    expect((await as.coach!.request('PATCH', urlA(`strengths/${papas.id}`), { body: { isPrivate: false }, headers: ifMatch(3) })).json().isPrivate).toBe(false);
  });

  it('an item made private later, or moved out of a shared life domain, takes its whole history out of sight', async () => {
    const worry = await created(as.mama!, urlA('worries'), { text: 'Eerst gedeeld', lifeDomainId: a.lifeDomainIds[7] });
    const historyOf = async (who: string) => (await as[who]!.request('GET', urlA(`history?itemId=${worry.id}`))).json().items.map((h: { action: string }) => h.action);
    expect(await historyOf('papa')).toEqual(['create']);
    await as.mama!.request('PATCH', urlA(`worries/${worry.id}`), { body: { isPrivate: true }, headers: ifMatch(1) });
    expect(await historyOf('papa')).toEqual([]);
    expect((await as.papa!.request('GET', urlA('history'))).json().items.map((h: { itemId: string }) => h.itemId)).not.toContain(worry.id);
    expect(await historyOf('mama')).toEqual(['update', 'create']);
    expect(await historyOf('coach')).toEqual(['update', 'create']);
    await as.mama!.request('PATCH', urlA(`worries/${worry.id}`), { body: { isPrivate: false }, headers: ifMatch(2) });
    // Shared again: its past is the family's again, except what was said while it was private.
    expect(await historyOf('papa')).toEqual(['update', 'create']);

    const [grant] = await t.db.insert(consentGrants).values({
      collaborationId: a.collaborationId, familyId: a.familyId, participantId: a.participants.buur!, lifeDomainId: a.lifeDomainIds[7], level: 'read',
    }).returning();
    expect(await historyOf('buur')).toEqual(['update', 'create']);
    await as.coach!.request('PATCH', urlA(`worries/${worry.id}`), { body: { lifeDomainId: a.lifeDomainIds[8] }, headers: ifMatch(3) });
    expect(await historyOf('buur')).toEqual([]);
    await t.db.delete(consentGrants).where(eq(consentGrants.id, grant!.id));
  });

  it('a network member sees nothing without consent, only the shared life domain with it, and cannot change anything', async () => {
    const seen = async () => {
      const plan = (await as.buur!.request('GET', urlA('plan'))).json();
      const history = (await as.buur!.request('GET', urlA('history'))).json().items;
      return {
        plan: textsOf([...plan.questions, ...plan.strengths, ...plan.worries, ...plan.goals, ...plan.agreements]),
        goals: textsOf((await as.buur!.request('GET', urlA('goals'))).json().items),
        agreements: textsOf((await as.buur!.request('GET', urlA('agreements'))).json().items),
        history: [...new Set(history.map((h: { itemId: string }) => h.itemId))].sort(),
      };
    };
    expect(await seen()).toEqual({ plan: [], goals: [], agreements: [], history: [] });
    await expectSameAsRandom(as.buur!, 'GET', urlA(`goals/${id.school}`), id.school!);

    const [grant] = await t.db.insert(consentGrants).values({
      collaborationId: a.collaborationId, familyId: a.familyId, participantId: a.participants.buur!, lifeDomainId: a.lifeDomainIds[5], level: 'read',
    }).returning();
    expect(await seen()).toEqual({
      plan: ['Buurvrouw brengt Kind', 'Elke dag naar school', 'Kind leest graag'],
      goals: ['Elke dag naar school'], agreements: ['Buurvrouw brengt Kind'],
      history: [id.school, id.strength, id.schoolAgreement].sort(),
    });
    await expectSameAsRandom(as.buur!, 'GET', urlA(`goals/${id.money}`), id.money!);
    await expectSameAsRandom(as.buur!, 'GET', urlA(`worries/${id.secret}`), id.secret!);
    // Reading is not changing: 403 on what is shared with them.
    expectError(await as.buur!.request('POST', urlA('goals'), { body: { text: 'x', lifeDomainId: a.lifeDomainIds[5] } }), 403, 'forbidden');
    expectError(await as.buur!.request('PATCH', urlA(`goals/${id.school}`), { body: { text: 'x' }, headers: ifMatch(1) }), 403, 'forbidden');
    expectError(await as.buur!.request('DELETE', urlA(`goals/${id.school}`), { headers: ifMatch(1) }), 403, 'forbidden');
    expectError(await as.buur!.request('PATCH', urlA(`agreements/${id.schoolAgreement}`), { body: { status: 'done' }, headers: ifMatch(1) }), 403, 'forbidden');
    expectError(await as.buur!.request('POST', urlA('agreements'), { body: { what: 'x', ownerParticipantId: a.participants.buur } }), 403, 'forbidden');
    expectError(await as.buur!.request('PUT', urlA('goals/order'), { body: { ids: [id.school] }, headers: ifMatch(1) }), 403, 'forbidden');

    // Revoked: gone on the next request. An expired or merely proposed grant shows nothing either.
    await t.db.update(consentGrants).set({ revokedAt: new Date() }).where(eq(consentGrants.id, grant!.id));
    expect(await seen()).toEqual({ plan: [], goals: [], agreements: [], history: [] });
    const base = { collaborationId: a.collaborationId, familyId: a.familyId, participantId: a.participants.buur!, lifeDomainId: a.lifeDomainIds[5], level: 'read' as const };
    await t.db.insert(consentGrants).values([{ ...base, validUntil: new Date(Date.now() - 60_000) }, { ...base, status: 'proposed' }]);
    expect(await seen()).toEqual({ plan: [], goals: [], agreements: [], history: [] });
  });

  it('a grant on one goal shows that goal and its history, nothing else of its life domain', async () => {
    await t.db.insert(consentGrants).values({
      collaborationId: a.collaborationId, familyId: a.familyId, participantId: a.participants.buur!, itemType: 'goal', itemId: id.money, level: 'read',
    });
    expect(textsOf((await as.buur!.request('GET', urlA('goals'))).json().items)).toEqual(['Schulden afbetalen']);
    expect((await as.buur!.request('GET', urlA(`goals/${id.money}`))).statusCode).toBe(200);
    expect((await as.buur!.request('GET', urlA('agreements'))).json().items).toEqual([]);
    const history = (await as.buur!.request('GET', urlA('history'))).json().items;
    expect(history.map((h: { itemId: string; action: string }) => [h.itemId, h.action])).toEqual([[id.money, 'create']]);
    // The grant names a goal: the same id asked for as a worry is not there.
    await expectSameAsRandom(as.buur!, 'GET', urlA(`worries/${id.money}`), id.money!);
    // A saved version shows the shared goal too, and nothing else.
    const version = (await as.coach!.request('POST', urlA('plan/versions'), { body: {} })).json();
    const seen = (await as.buur!.request('GET', urlA(`plan/versions/${version.id}`))).json();
    expect([...seen.goals, ...seen.worries, ...seen.strengths, ...seen.questions, ...seen.agreements].map((i: { id: string }) => i.id)).toEqual([id.money]);
  });
});
