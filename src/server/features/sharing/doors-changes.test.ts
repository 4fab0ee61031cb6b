import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { consentGrants, familyParticipants } from '../../db/schema/index.ts';
import { redeemLink, type Client } from '../../test/harness.ts';
import { expectError, latestMailTo, RANDOM_UUID, tokenInLink } from '../../test/helpers.ts';
import { pdfText } from '../../test/pdf.ts';
import { created, expectSameAsRandom, ifMatch, textsOf } from '../plan/plan-test-support.ts';
import { SHARED_SCHOOL_GOAL, TEXT, useDoorsWorld } from './doors-fixture.ts';

/*
 * The family decides who sees what: the changing doors of Malika's file (demo data). The same
 * family as in doors.test.ts: a teacher she shared only "school" with (and one worry), Oma Fatima
 * (network: "friends" and "mind"), Yasmina and Malika with a private item each. Here: changing,
 * attaching and moving what one may not see, granting oneself access, approving without being the
 * one who decides, the access log, and a grant that is revoked or expires.
 */
const w = useDoorsWorld();
const { t, as, pid, id } = w;
const url = (path: string) => w.url(path);
const randomFamily = (path: string) => w.randomFamily(path);

async function omaPid() {
  return (await as.coach!.request('GET', url('consents'))).json().people.find((p: { displayName: string }) => p.displayName === 'Oma Fatima').participantId as string;
}

describe('changing what one may not see, or may only read', () => {
  it('the teacher cannot change, remove, attach to or move an unshared item (404 as for a random id), nor a shared one (403)', async () => {
    await expectSameAsRandom(as.teacher!, 'PATCH', url(`goals/${id.moneyGoal}`), id.moneyGoal!, { text: 'x' });
    await expectSameAsRandom(as.teacher!, 'PATCH', url(`goals/${id.moneyGoal}`), id.moneyGoal!, { lifeDomainId: w.domains.school });
    await expectSameAsRandom(as.teacher!, 'DELETE', url(`goals/${id.moneyGoal}`), id.moneyGoal!);
    await expectSameAsRandom(as.teacher!, 'PATCH', url(`agreements/${id.moneyAgreement}`), id.moneyAgreement!, { lifeDomainId: w.domains.school });
    await expectSameAsRandom(as.teacher!, 'DELETE', url(`contacts/${id.moneyContact}`), id.moneyContact!);
    await expectSameAsRandom(as.teacher!, 'PATCH', url(`goals/${id.yasminaPrivate}`), id.yasminaPrivate!, { text: 'x' });
    const homework = (await as.teacher!.request('GET', url('goals'))).json().items[0];
    expectError(await as.teacher!.request('PATCH', url(`goals/${homework.id}`), { body: { text: 'x' }, headers: ifMatch(homework.version) }), 403, 'forbidden');
    const onSecret = await as.teacher!.request('POST', url('agreements'), { body: { what: 'x', goalId: id.moneyGoal, ownerParticipantId: pid.teacher } });
    const onRandom = await as.teacher!.request('POST', url('agreements'), { body: { what: 'x', goalId: RANDOM_UUID, ownerParticipantId: pid.teacher } });
    // Attaching to a goal one cannot see is refused exactly like a goal that does not exist.
    expect(onRandom.statusCode).toBe(422);
    expect({ status: onSecret.statusCode, body: onSecret.body }).toEqual({ status: onRandom.statusCode, body: onRandom.body });
    const evaluate = (goalId: string) => as.teacher!.request('POST', url('evaluations'), { body: { heldOn: '2026-11-30', goals: [{ goalId, decision: 'reached' }] } });
    expect({ status: (await evaluate(id.moneyGoal!)).statusCode, body: (await evaluate(id.moneyGoal!)).body }).toEqual({ status: 403, body: (await evaluate(RANDOM_UUID)).body });
    await expectUnchanged();
  });

  it('Malika and Yasmina cannot change, remove, attach to or move each other\'s private item', async () => {
    for (const [who, key, kind] of [['malika', 'yasminaPrivate', 'goals'], ['yasmina', 'malikaPrivate', 'worries']] as const) {
      const itemId = id[key]!;
      await expectSameAsRandom(as[who]!, 'PATCH', url(`${kind}/${itemId}`), itemId, { text: 'x' });
      await expectSameAsRandom(as[who]!, 'PATCH', url(`${kind}/${itemId}`), itemId, { isPrivate: false, lifeDomainId: w.domains.money });
      await expectSameAsRandom(as[who]!, 'DELETE', url(`${kind}/${itemId}`), itemId);
    }
    const own = pid.malika!;
    const onSecret = await as.malika!.request('POST', url('agreements'), { body: { what: 'x', goalId: id.yasminaPrivate, ownerParticipantId: own } });
    const onRandom = await as.malika!.request('POST', url('agreements'), { body: { what: 'x', goalId: RANDOM_UUID, ownerParticipantId: own } });
    expect({ status: onSecret.statusCode, body: onSecret.body }).toEqual({ status: 422, body: onRandom.body });
    const evaluate = (goalId: string) => as.malika!.request('POST', url('evaluations'), { body: { heldOn: '2026-11-30', goals: [{ goalId, decision: 'change', newText: 'x' }] } });
    const evalSecret = await evaluate(id.yasminaPrivate!);
    expect({ status: evalSecret.statusCode, body: evalSecret.body }).toEqual({ status: 422, body: (await evaluate(RANDOM_UUID)).body });
    await expectUnchanged();
  });
});

/** The coach re-reads: every secret item is as it was made, and nothing was attached to it. */
async function expectUnchanged() {
  for (const [kind, key] of [['goals', 'moneyGoal'], ['worries', 'malikaPrivate'], ['goals', 'yasminaPrivate']] as const) {
    expect((await as.coach!.request('GET', url(`${kind}/${id[key]}`))).json()).toMatchObject({ text: TEXT[key], version: 1 });
  }
  expect((await as.coach!.request('GET', url(`agreements/${id.moneyAgreement}`))).json()).toMatchObject({ what: TEXT.moneyAgreement, lifeDomainId: w.domains.money, version: 1 });
  expect((await as.coach!.request('GET', url('contacts'))).json().items.map((c: { id: string }) => c.id)).toContain(id.moneyContact);
  const agreements = (await as.coach!.request('GET', url('agreements'))).json().items;
  expect(agreements.filter((a: { goalId: string | null; what: string }) => a.goalId === id.moneyGoal || a.goalId === id.yasminaPrivate).map((a: { what: string }) => a.what)).toEqual([TEXT.moneyAgreement]);
}

describe('who decides about sharing', () => {
  it('the teacher and Oma cannot share anything with themselves, invite, revoke or approve', async () => {
    const oma = await omaPid();
    for (const [who, participantId] of [['teacher', pid.teacher!], ['oma', oma]] as const) {
      expectError(await as[who]!.request('POST', url('consents'), { body: { participantId, lifeDomainId: w.domains.money } }), 403, 'forbidden');
      expectError(await as[who]!.request('POST', url('consents'), { body: { participantId, itemType: 'goal', itemId: id.moneyGoal } }), 403, 'forbidden');
      expectError(await as[who]!.request('POST', url('invitations'), { body: { displayName: 'Vriend', role: 'network_member', email: `vriend.${who}@example.org` } }), 403, 'forbidden');
      expectError(await as[who]!.request('DELETE', url(`consents/${w.schoolGrant.id}`), { headers: ifMatch(w.schoolGrant.version) }), 403, 'forbidden');
    }
    const proposal = await created<{ id: string; version: number }>(as.coach!, url('consents'), { participantId: oma, lifeDomainId: w.domains.money });
    for (const who of ['teacher', 'oma']) {
      expectError(await as[who]!.request('POST', url(`consents/${proposal.id}/approve`), { body: {}, headers: ifMatch(proposal.version) }), 403, 'forbidden');
    }
    // Not the decider: the young person for a life domain (a parent decides), the coach without "on behalf of".
    for (const who of ['yasmina', 'coach']) {
      expectError(await as[who]!.request('POST', url(`consents/${proposal.id}/approve`), { body: {}, headers: ifMatch(proposal.version) }), 422, 'validation_failed');
    }
    expectError(await as.jason!.request('POST', url(`consents/${proposal.id}/approve`), { body: {}, headers: ifMatch(proposal.version) }), 404, 'not_found');
    expect((await as.oma!.request('GET', url('goals'))).body).not.toContain(TEXT.moneyGoal);
    const grants = (await as.coach!.request('GET', url('consents'))).json().grants as { id: string; participantId: string; status: string; lifeDomainId: string | null; itemId: string | null }[];
    expect(grants.find((g) => g.id === proposal.id)?.status).toBe('proposed');
    expect(grants.filter((g) => (g.participantId === pid.teacher || g.participantId === oma) && (g.lifeDomainId === w.domains.money || g.itemId === id.moneyGoal)).map((g) => g.status)).toEqual(['proposed']);
    expect(grants.find((g) => g.id === w.schoolGrant.id)).toBeTruthy();
    await as.malika!.request('DELETE', url(`consents/${proposal.id}`), { headers: ifMatch(proposal.version) });
  });

  it('what is about Yasmina is hers to share: not Malika\'s, not the coach\'s on Malika\'s behalf', async () => {
    const goal = await created(as.yasmina!, url('goals'), { text: 'Yasmina haalt haar rijbewijs', lifeDomainId: w.domains.school, memberIds: [pid.yasmina] });
    const share = (who: string, extra: object = {}) => as[who]!.request('POST', url('consents'), { body: { participantId: pid.teacher, itemType: 'goal', itemId: goal.id, ...extra } });
    expectError(await share('malika'), 422, 'validation_failed');
    expectError(await share('coach', { onBehalfOfParticipantId: pid.malika }), 422, 'validation_failed');
    // Her private goal cannot be shared at all, not even by herself.
    const own = await as.yasmina!.request('POST', url('consents'), { body: { participantId: pid.teacher, itemType: 'goal', itemId: id.yasminaPrivate } });
    expectError(own, 422, 'validation_failed');
    const grants = (await as.coach!.request('GET', url('consents'))).json().grants as { itemId: string | null; status: string }[];
    expect(grants.filter((g) => g.itemId === goal.id || g.itemId === id.yasminaPrivate)).toEqual([]);
    expect(textsOf((await as.teacher!.request('GET', url('goals'))).json().items)).toEqual([SHARED_SCHOOL_GOAL]);
  });

  it('a coach\'s proposal is approved only by the one who decides, or on their behalf', async () => {
    const goal = await created(as.yasmina!, url('goals'), { text: 'Yasmina zoekt een studentenjob', lifeDomainId: w.domains.money, memberIds: [pid.yasmina] });
    const aboutHer = await created<{ id: string; version: number; decidedBy: string }>(as.coach!, url('consents'), { participantId: pid.teacher, itemType: 'goal', itemId: goal.id });
    const domain = await created<{ id: string; version: number }>(as.coach!, url('consents'), { participantId: pid.teacher, lifeDomainId: w.domains.parenting });
    expect(aboutHer.decidedBy).toBe('young_person');
    const approve = (who: string, grant: { id: string; version: number }, onBehalfOfParticipantId?: string) =>
      as[who]!.request('POST', url(`consents/${grant.id}/approve`), { body: onBehalfOfParticipantId ? { onBehalfOfParticipantId } : {}, headers: ifMatch(grant.version) });
    expectError(await approve('malika', aboutHer), 422, 'validation_failed');
    expectError(await approve('coach', aboutHer, pid.malika), 422, 'validation_failed');
    expectError(await approve('coach', domain, pid.yasmina), 422, 'validation_failed');
    expectError(await approve('coach', domain, pid.teacher), 422, 'validation_failed');
    expect((await as.teacher!.request('GET', url('goals'))).body).not.toContain('studentenjob');
    // The control: Yasmina says yes, and the teacher sees it at once.
    expect((await approve('yasmina', aboutHer)).json()).toMatchObject({ status: 'active', approvedByName: 'Yasmina' });
    expect((await as.teacher!.request('GET', url('goals'))).body).toContain('studentenjob');
    const left = (await as.coach!.request('GET', url('consents'))).json().grants as { id: string; status: string }[];
    expect(left.find((g) => g.id === domain.id)?.status).toBe('proposed');
    await as.malika!.request('DELETE', url(`consents/${domain.id}`), { headers: ifMatch(domain.version) });
  });

  it('records consent for prior involvement: a parent decides, not a coach alone, the network or the young person', async () => {
    const declared = await created<{ id: string; version: number }>(as.coach!, url('prior-involvements'), { organisationName: 'CAW Antwerpen', description: 'Begeleiding in 2024.', askRecords: true });
    const decide = (who: string) => as[who]!.request('POST', url(`prior-involvements/${declared.id}/decision`), { body: { decision: 'given' }, headers: ifMatch(declared.version) });
    expectError(await decide('coach'), 422, 'validation_failed');
    expectError(await decide('yasmina'), 422, 'validation_failed');
    for (const who of ['oma', 'teacher']) expectError(await decide(who), 403, 'forbidden');
    for (const who of ['jason', 'gentCoach']) expectError(await decide(who), 404, 'not_found');
    expect((await as.malika!.request('GET', url('prior-involvements'))).json().items[0]).toMatchObject({ recordsConsent: 'asked', decidedByName: null });
  });
});

describe('ids of one family through another family\'s door', () => {
  it('Jason cannot revoke, approve, invite or share Malika\'s family\'s people and items through his own family', async () => {
    const pieter = (await as.jason!.request('GET', '/api/v1/portal')).json().families[0].id as string;
    const pieterUrl = (path: string) => `/api/v1/families/${pieter}/${path}`;
    const caro = (await as.jason!.request('GET', pieterUrl('consents'))).json().people.find((p: { displayName: string }) => p.displayName === 'Tante Caro').participantId as string;
    const proposal = await created<{ id: string; version: number }>(as.coach!, url('consents'), { participantId: pid.teacher, lifeDomainId: w.domains.money });
    await expectSameAsRandom(as.jason!, 'DELETE', pieterUrl(`consents/${w.schoolGrant.id}`), w.schoolGrant.id);
    await expectSameAsRandom(as.jason!, 'POST', pieterUrl(`consents/${proposal.id}/approve`), proposal.id, {});
    const sameAsRandom = async (body: Record<string, unknown>, field: string, path = 'consents') => {
      const real = await as.jason!.request('POST', pieterUrl(path), { body });
      const random = await as.jason!.request('POST', pieterUrl(path), { body: { ...body, [field]: RANDOM_UUID } });
      expect({ body, status: real.statusCode, answer: real.body }).toEqual({ body, status: 422, answer: random.body });
    };
    await sameAsRandom({ participantId: pid.teacher, lifeDomainId: null, itemType: 'goal', itemId: id.moneyGoal }, 'participantId');
    await sameAsRandom({ participantId: caro, itemType: 'goal', itemId: id.moneyGoal }, 'itemId');
    await sameAsRandom({ participantId: caro, itemType: 'agreement', itemId: id.moneyAgreement }, 'itemId');
    // Taking over Oma's place in Malika's family by inviting her participant id with his own address.
    await sameAsRandom({ participantId: await omaPid(), email: 'jason@gezinsplan.example' }, 'participantId', 'invitations');
    expectError(await as.jason!.request('GET', url('plan')), 404, 'not_found');
    const grants = (await as.coach!.request('GET', url('consents'))).json().grants as { id: string; status: string }[];
    expect(grants.filter((g) => g.id === w.schoolGrant.id || g.id === proposal.id).map((g) => g.status).sort()).toEqual(['active', 'proposed']);
    await as.malika!.request('DELETE', url(`consents/${proposal.id}`), { headers: ifMatch(proposal.version) });
  });
});

describe('who may let someone in', () => {
  it('Yasmina cannot let a friend in with a parent\'s reach', async () => {
    const res = await as.yasmina!.request('POST', url('invitations'), { body: { displayName: 'Vriend van Yasmina', role: 'parent', email: 'vriend@yasmina.example' } });
    if (res.statusCode === 201) {
      const friend = await redeemLink(t.app, tokenInLink((await latestMailTo(t.db, 'vriend@yasmina.example')).text, '/sign-in/link'));
      expect((await friend.request('GET', url('goals'))).body).not.toContain(TEXT.moneyGoal);
    }
    expect([403, 422]).toContain(res.statusCode);
  });
});

describe('a door that replays', () => {
  it('a removed parent repeating a create with the same Idempotency-Key gets 404, not the stored answer', async () => {
    const { participantId } = await created<{ participantId: string }>(as.malika!, url('invitations'), { displayName: 'Karim', role: 'parent', email: 'karim@example.org' });
    const karim = await redeemLink(t.app, tokenInLink((await latestMailTo(t.db, 'karim@example.org')).text, '/sign-in/link'));
    const post = (client: Client, path: string) => client.request('POST', path, { body: { text: 'Karims doel', lifeDomainId: w.domains.money }, headers: { 'idempotency-key': 'karim-1' } });
    expect((await post(karim, url('goals'))).statusCode).toBe(201);
    await t.db.update(familyParticipants).set({ removedAt: new Date() }).where(eq(familyParticipants.id, participantId));
    const again = await post(karim, url('goals'));
    const random = await post(karim, randomFamily('goals'));
    expect({ status: again.statusCode, body: again.body }).toEqual({ status: 404, body: random.body });
  });
});

describe('who looked', () => {
  it('the teacher\'s reads are in Malika\'s access log; his own look at it is refused', async () => {
    await as.teacher!.request('GET', url('plan'));
    const log = (await as.malika!.request('GET', url('access-log?who=others&limit=100'))).json().items as { actorName: string; action: string; entityType: string }[];
    expect(log.some((e) => e.actorName === 'Meester Tom' && e.action === 'read' && e.entityType === 'plan')).toBe(true);
    expectError(await as.teacher!.request('GET', url('access-log')), 403, 'forbidden');
    for (const who of ['jason', 'gentCoach']) {
      const res = await as[who]!.request('GET', url('access-log'));
      expect({ status: res.statusCode, body: res.body }).toEqual({ status: 404, body: (await as[who]!.request('GET', randomFamily('access-log'))).body });
    }
  });
});

describe('a grant that ends', () => {
  const teacherSees = async () => {
    const plan = (await as.teacher!.request('GET', url('plan'))).json();
    const homework = (await as.coach!.request('GET', url('goals'))).json().items.find((g: { text: string }) => g.text === SHARED_SCHOOL_GOAL);
    const item = await as.teacher!.request('GET', url(`goals/${homework.id}`));
    const history = (await as.teacher!.request('GET', url(`history?itemId=${homework.id}`))).json().items;
    const exported = (await as.teacher!.request('GET', url('export?format=json'))).body;
    const pdf = pdfText((await as.teacher!.request('GET', url('export?format=pdf'))).rawPayload);
    return { homework, plan: plan.goals.some((g: { text: string }) => g.text === SHARED_SCHOOL_GOAL), item: item.statusCode, history: history.length > 0, exported: exported.includes(SHARED_SCHOOL_GOAL), pdf: pdf.includes('huiswerk') };
  };
  const visible = { plan: true, item: 200, history: true, exported: true, pdf: true };
  const gone = { plan: false, item: 404, history: false, exported: false, pdf: false };

  it('revoked: nothing on the very next request, through any door', async () => {
    expect(await teacherSees()).toMatchObject(visible);
    const revoked = await as.malika!.request('DELETE', url(`consents/${w.schoolGrant.id}`), { headers: ifMatch(w.schoolGrant.version) });
    expect(revoked.statusCode).toBe(204);
    const seen = await teacherSees();
    expect(seen).toMatchObject(gone);
    await expectSameAsRandom(as.teacher!, 'GET', url(`goals/${seen.homework.id}`), seen.homework.id);
  });

  it('expired: the same, the moment its end date has passed', async () => {
    const grant = await created<{ id: string }>(as.malika!, url('consents'), { participantId: pid.teacher, lifeDomainId: w.domains.school, validUntil: '2099-12-31' });
    expect(await teacherSees()).toMatchObject(visible);
    await t.db.update(consentGrants).set({ validUntil: new Date(Date.now() - 1000) }).where(eq(consentGrants.id, grant.id));
    const seen = await teacherSees();
    expect(seen).toMatchObject(gone);
    await expectSameAsRandom(as.teacher!, 'GET', url(`goals/${seen.homework.id}`), seen.homework.id);
  });
});
