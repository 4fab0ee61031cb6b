import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluationGoals, evaluations, lifeDomains, planVersions } from '../../db/schema/index.ts';
import { createTestFamily, type TestFamily } from '../../test/families.ts';
import { demo, signIn, useTestApp, type Client } from '../../test/harness.ts';
import { auditRowsFor, expectError, requestIdOf, userIdOf } from '../../test/helpers.ts';
import { created, ifMatch, textsOf } from './plan-test-support.ts';

const t = useTestApp();
let f: TestFamily;
const as: Record<string, Client> = {};
const id: Record<string, string> = {};
const url = (path: string) => `/api/v1/families/${f.familyId}/${path}`;

beforeAll(async () => {
  f = await createTestFamily(t.db, {
    displayName: 'Familie Overzicht', coaches: [demo('coach1')],
    people: {
      mama: { role: 'parent', name: 'Mama', email: demo('coach2') },
      papa: { role: 'parent', name: 'Papa', email: demo('admin') },
      kind: { role: 'child', name: 'Kind' },
      buur: { role: 'network_member', name: 'Buur', email: demo('referrer') },
      weg: { role: 'network_member', name: 'Vroeger', removed: true },
    },
  });
  for (const [key, email] of Object.entries({ coach: demo('coach1'), mama: demo('coach2'), papa: demo('admin'), buur: demo('referrer') })) as[key] = await signIn(t.app, email);
  id.question = (await created(as.mama!, url('questions'), { text: 'Hoe vinden we rust?' })).id;
  id.strength = (await created(as.coach!, url('strengths'), { text: 'Papa is geduldig', lifeDomainId: f.lifeDomainIds[4], size: 3 })).id;
  id.worry1 = (await created(as.coach!, url('worries'), { text: 'Schulden', lifeDomainId: f.lifeDomainIds[1] })).id;
  id.worry2 = (await created(as.coach!, url('worries'), { text: 'Slapen', lifeDomainId: f.lifeDomainIds[2] })).id;
  id.goal = (await created(as.coach!, url('goals'), { text: 'Rust in huis', lifeDomainId: f.lifeDomainIds[4] })).id;
  id.privateGoal = (await created(as.mama!, url('goals'), { text: 'Tijd voor mezelf', lifeDomainId: f.lifeDomainIds[3], isPrivate: true })).id;
  id.agreement = (await created(as.coach!, url('agreements'), { what: 'Papa belt de school', goalId: id.goal, ownerParticipantId: f.participants.papa })).id;
});

describe('the plan as a whole', () => {
  it('holds every part in the family\'s order, the life domains in use, the people, and the revision as ETag', async () => {
    const res = await as.coach!.request('GET', url('plan'));
    expect(res.statusCode).toBe(200);
    const plan = res.json();
    expect(res.headers.etag).toBe(`"${plan.revision}"`);
    expect(plan).toMatchObject({ familyId: f.familyId, displayName: 'Familie Overzicht', latestVersion: null, evaluations: [] });
    expect(plan.questions.map((i: { id: string }) => i.id)).toEqual([id.question]);
    expect(plan.worries.map((i: { id: string }) => i.id)).toEqual([id.worry1, id.worry2]);
    expect(plan.goals.map((i: { id: string }) => i.id)).toEqual([id.goal, id.privateGoal]);
    expect(plan.strengths.map((i: { id: string }) => i.id)).toEqual([id.strength]);
    expect(plan.agreements).toMatchObject([{ id: id.agreement, ownerName: 'Papa', overdue: false }]);
    expect(plan.participants.map((p: { displayName: string }) => p.displayName).sort()).toEqual(['Buur', 'Kind', 'Mama', 'Papa', 'coach1.antwerpen']);
    expect(plan.lifeDomains.map((d: { id: string }) => d.id)).toEqual(f.lifeDomainIds);
    expect((await auditRowsFor(t.db, requestIdOf(res))).map((r) => [r.action, r.entityType, r.familyId, r.actorRole])).toEqual([['read', 'plan', f.familyId, 'coach']]);

    // Every change moves the revision on; an archived life domain is no longer offered.
    await as.coach!.request('PATCH', url(`worries/${id.worry2}`), { body: { size: 2 }, headers: ifMatch(1) });
    await t.db.update(lifeDomains).set({ archivedAt: new Date() }).where(eq(lifeDomains.id, f.lifeDomainIds[12]!));
    const after = (await as.coach!.request('GET', url('plan'))).json();
    expect(after.revision).toBe(plan.revision + 1);
    expect(after.lifeDomains.map((d: { id: string }) => d.id)).toEqual(f.lifeDomainIds.filter((d) => d !== f.lifeDomainIds[12]));
  });

  it('shows evaluations newest first (without goals the asker may not see) and the latest saved version', async () => {
    const coachPid = f.participants[`coach:${demo('coach1')}`]!;
    const base = { collaborationId: f.collaborationId, familyId: f.familyId, authorParticipantId: coachPid };
    const [older] = await t.db.insert(evaluations).values({ ...base, heldOn: '2026-09-01', summary: 'Eerste keer' }).returning();
    const [newer] = await t.db.insert(evaluations).values({ ...base, heldOn: '2026-11-01', summary: 'Tweede keer', onBehalfOfParticipantId: f.participants.mama }).returning();
    await t.db.insert(evaluationGoals).values([
      { collaborationId: f.collaborationId, evaluationId: newer!.id, goalId: id.goal!, lifeDomainId: f.lifeDomainIds[4], wentWell: 'Vaste bedtijd', decision: 'continue' },
      { collaborationId: f.collaborationId, evaluationId: newer!.id, goalId: id.privateGoal!, lifeDomainId: f.lifeDomainIds[3], gotStuck: 'Geen tijd', decision: 'change' },
    ]);
    const userId = await userIdOf(t.db, demo('coach1'));
    await t.db.insert(planVersions).values([
      { collaborationId: f.collaborationId, familyId: f.familyId, number: 1, reason: 'start', createdByUserId: userId },
      { collaborationId: f.collaborationId, familyId: f.familyId, number: 2, reason: 'evaluation', label: 'Na de evaluatie', createdByUserId: userId },
    ]);
    const coachPlan = (await as.coach!.request('GET', url('plan'))).json();
    expect(coachPlan.evaluations.map((e: { id: string }) => e.id)).toEqual([newer!.id, older!.id]);
    expect(coachPlan.evaluations[0]).toMatchObject({ heldOn: '2026-11-01', summary: 'Tweede keer', authorName: 'coach1.antwerpen', onBehalfOfName: 'Mama' });
    expect(coachPlan.evaluations[0].goals.map((g: { goalText: string; decision: string }) => [g.goalText, g.decision])).toEqual([['Rust in huis', 'continue'], ['Tijd voor mezelf', 'change']]);
    expect(coachPlan.latestVersion).toMatchObject({ number: 2, reason: 'evaluation', label: 'Na de evaluatie', createdByName: 'Chris Peeters' });
    // The father sees the evaluation, not what was said about the mother's private goal.
    const papaPlan = (await as.papa!.request('GET', url('plan'))).json();
    expect(papaPlan.evaluations[0].goals.map((g: { goalText: string }) => g.goalText)).toEqual(['Rust in huis']);
    expect(JSON.stringify(papaPlan)).not.toContain('Tijd voor mezelf');
    expect(JSON.stringify(papaPlan)).not.toContain('Geen tijd');
  });

  it('for a network member without consent: the plan\'s frame, none of its content', async () => {
    const plan = (await as.buur!.request('GET', url('plan'))).json();
    expect(textsOf([...plan.questions, ...plan.strengths, ...plan.worries, ...plan.goals, ...plan.agreements])).toEqual([]);
    expect(plan.evaluations).toEqual([]);
    expect(plan.displayName).toBe('Familie Overzicht');
    // A removed participant is not offered as a person in the plan.
    expect(plan.participants.map((p: { displayName: string }) => p.displayName)).not.toContain('Vroeger');
    expectError(await as.buur!.request('GET', `/api/v1/families/${f.familyId}/plan/nothing`), 404, 'not_found');
  });
});
