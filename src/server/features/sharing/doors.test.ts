import { and, eq, sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { accessLog, breakGlassGrants, collaborations, familyParticipants, planItems } from '../../db/schema/index.ts';
import { redeemLink, type Client } from '../../test/harness.ts';
import { expectError, latestMailTo, RANDOM_UUID, tokenInLink } from '../../test/helpers.ts';
import { pdfText } from '../../test/pdf.ts';
import { created, expectSameAsRandom, ifMatch, textsOf } from '../plan/plan-test-support.ts';
import { SHARED_SCHOOL_GOAL, TEXT, DEMO_UNSHARED, CONTACT_DETAILS, useDoorsWorld } from './doors-fixture.ts';

/*
 * The family decides who sees what. Every door of Malika's file (demo data), tried by everyone who
 * should not get through it: a teacher she shared only "school" with (and one worry), Oma Fatima
 * (network: "friends" and "mind"), Yasmina and Malika against each other's private items, the
 * parent and the coach of another family, the coordinator outside the circle, Gent's staff and
 * someone who was removed. Each "not there" is checked against a control that does see it.
 */
const w = useDoorsWorld();
const { t, as, pid, id } = w;
const url = (path: string) => w.url(path);
const randomFamily = (path: string) => w.randomFamily(path);

const SECRET_KEYS = ['moneyGoal', 'moneyAgreement', 'moneyContact', 'malikaPrivate', 'yasminaPrivate'] as const;

/** Every read door of the file, as text (a PDF as what a reader gets out of it). */
function readDoors() {
  return [
    'plan', 'questions', 'strengths', 'worries', 'goals', 'agreements', 'contacts', 'evaluations', 'members', 'participants',
    'history?limit=100', ...SECRET_KEYS.map((k) => `history?itemId=${id[k]}`), 'plan/versions', `plan/versions/${id.version}`,
    'plan/compare', `plan/compare?from=${id.version}`, 'export?format=json', 'export?format=pdf', 'export?format=pdf&contents=file', 'fhir', '',
  ];
}
const bodyOf = (res: LightMyRequestResponse) => (res.headers['content-type'] === 'application/pdf' ? pdfText(res.rawPayload) : res.body);

async function everythingSeenBy(client: Client) {
  const seen: Record<string, { status: number; body: string }> = {};
  for (const path of readDoors()) {
    const res = await client.request('GET', url(path));
    seen[path] = { status: res.statusCode, body: bodyOf(res) };
  }
  for (const path of ['/api/v1/portal', '/api/v1/families', '/api/v1/families?q=Malika']) {
    const res = await client.request('GET', path);
    seen[path] = { status: res.statusCode, body: res.body };
  }
  return seen;
}

/** Which of the given secrets (texts and ids) show up in any answer. */
function leaked(seen: Record<string, { body: string }>, secrets: string[]) {
  return Object.entries(seen).flatMap(([path, { body }]) => secrets.filter((s) => body.includes(s)).map((s) => `${path}: ${s}`));
}
const secretsOf = (keys: readonly (keyof typeof TEXT)[]) => keys.flatMap((k) => [TEXT[k], id[k]!]);

describe('what the family did not share stays out of sight, through every door', () => {
  it('the coach sees every secret somewhere (the control for the checks below)', async () => {
    const seen = await everythingSeenBy(as.coach!);
    expect([...secretsOf(SECRET_KEYS), ...DEMO_UNSHARED].filter((s) => leaked(seen, [s]).length === 0)).toEqual([]);
    expect(seen['export?format=pdf']!.body).toContain('Kluisdoel');
    expect(seen['members']!.body).toContain('0470 11 22 33');
  });

  it('the teacher sees school and the one shared worry, nothing of money, nobody\'s private items and no contact details', async () => {
    const plan = (await as.teacher!.request('GET', url('plan'))).json();
    expect(textsOf(plan.goals)).toEqual([SHARED_SCHOOL_GOAL]);
    expect(textsOf(plan.worries)).toContain('Huiswerk lukt niet door de geldzorgen');
    const seen = await everythingSeenBy(as.teacher!);
    expect(Object.entries(seen).filter(([, r]) => r.status !== 200).map(([p, r]) => `${p} ${r.status}`)).toEqual([]);
    expect(leaked(seen, [...secretsOf(SECRET_KEYS), ...DEMO_UNSHARED, ...CONTACT_DETAILS])).toEqual([]);
    for (const k of SECRET_KEYS) expect(JSON.parse(seen[`history?itemId=${id[k]}`]!.body).items).toEqual([]);
    const members = JSON.parse(seen['members']!.body).items as Record<string, unknown>[];
    expect(members.length).toBeGreaterThan(3);
    expect(members.filter((m) => m.email || m.phone || m.dateOfBirth || m.importantToMe)).toEqual([]);
    // The portal: only this family, with the goals he may see.
    const portal = JSON.parse(seen['/api/v1/portal']!.body).families;
    expect(portal.map((f: { id: string; reach: string; goalCount: number }) => [f.id, f.reach, f.goalCount])).toEqual([[w.familyId, 'consented', 1]]);
    expect(JSON.parse(seen['/api/v1/families']!.body).items.map((f: { id: string }) => f.id)).toEqual([w.familyId]);
    for (const k of ['moneyGoal', 'yasminaPrivate'] as const) await expectSameAsRandom(as.teacher!, 'GET', url(`goals/${id[k]}`), id[k]!);
    await expectSameAsRandom(as.teacher!, 'GET', url(`worries/${id.malikaPrivate}`), id.malikaPrivate!);
    await expectSameAsRandom(as.teacher!, 'GET', url(`agreements/${id.moneyAgreement}`), id.moneyAgreement!);
  });

  it('Oma Fatima (network) sees friends and mind, nothing of school or money, no private items and no contact details', async () => {
    const plan = (await as.oma!.request('GET', url('plan'))).json();
    expect(textsOf(plan.goals)).toContain('Weten wie mij waarmee helpt');
    const seen = await everythingSeenBy(as.oma!);
    expect(leaked(seen, [...secretsOf(SECRET_KEYS), ...DEMO_UNSHARED, SHARED_SCHOOL_GOAL, ...CONTACT_DETAILS])).toEqual([]);
    expect(JSON.parse(seen['members']!.body).items.filter((m: Record<string, unknown>) => m.email || m.phone || m.dateOfBirth)).toEqual([]);
  });

  it('the sharing overview, the access log and prior involvement are the family\'s own: 403 for the teacher and Oma', async () => {
    for (const who of ['teacher', 'oma']) {
      for (const path of ['consents', 'access-log', 'prior-involvements']) expectError(await as[who]!.request('GET', url(path)), 403, 'forbidden');
    }
    expect((await as.malika!.request('GET', url('consents'))).statusCode).toBe(200);
  });

  it('Malika and Yasmina do not see each other\'s private items through any door; the coach sees both', async () => {
    const pairs = [['malika', 'yasminaPrivate', 'goals'], ['yasmina', 'malikaPrivate', 'worries']] as const;
    for (const [who, key, kind] of pairs) {
      const seen = await everythingSeenBy(as[who]!);
      // The family's own doors too: who sees what (with what can be shared), who looked, prior involvement, homes.
      for (const path of ['consents', 'access-log?limit=100', 'prior-involvements', 'homes']) {
        const res = await as[who]!.request('GET', url(path));
        seen[path] = { status: res.statusCode, body: res.body };
      }
      expect(leaked(seen, secretsOf([key]))).toEqual([]);
      expect(seen['plan']!.body).toContain('Kluisdoel');
      await expectSameAsRandom(as[who]!, 'GET', url(`${kind}/${id[key]}`), id[key]!);
      expect((await as.coach!.request('GET', url(`${kind}/${id[key]}`))).json().text).toBe(TEXT[key]);
    }
  });

  it('a private item a coach wrote for Yasmina stays out of Malika\'s sight, through every door', async () => {
    const item = await created(as.coach!, url('worries'), { text: 'Yasmina vertelde de coach over haar lief', lifeDomainId: w.domains.mind, memberIds: [pid.yasmina], isPrivate: true, onBehalfOfParticipantId: pid.yasmina });
    expect((await as.coach!.request('GET', url(`worries/${item.id}`))).json().text).toBe('Yasmina vertelde de coach over haar lief');
    await expectSameAsRandom(as.malika!, 'GET', url(`worries/${item.id}`), item.id);
    for (const who of ['malika', 'oma']) expect(leaked(await everythingSeenBy(as[who]!), ['Yasmina vertelde de coach', item.id])).toEqual([]);
  });

  it('a single-item grant on an agreement does not give away the goal it serves', async () => {
    const grant = await created<{ id: string; version: number }>(as.malika!, url('consents'), { participantId: (await omaPid()), itemType: 'agreement', itemId: id.moneyAgreement });
    try {
      const res = await as.oma!.request('GET', url(`agreements/${id.moneyAgreement}`));
      expect(res.json().what).toBe(TEXT.moneyAgreement);
      const seen = await everythingSeenBy(as.oma!);
      expect(leaked(seen, [TEXT.moneyGoal])).toEqual([]);
      expect(leaked(seen, [id.moneyGoal!])).toEqual([]);
    } finally {
      await as.malika!.request('DELETE', url(`consents/${grant.id}`), { headers: ifMatch(grant.version) });
    }
  });
});

async function omaPid() {
  return (await as.coach!.request('GET', url('consents'))).json().people.find((p: { displayName: string }) => p.displayName === 'Oma Fatima').participantId as string;
}

/** Every door, for someone who may not know the family exists: like a family that does not exist. */
async function expectNoWayIn(client: Client, who: string, opts: { knowsFamily?: boolean } = {}) {
  for (const path of [...readDoors(), 'consents', 'access-log', 'prior-involvements']) {
    if (path === '' && opts.knowsFamily) continue;
    const res = await client.request('GET', url(path));
    const random = await client.request('GET', randomFamily(path));
    expect({ who, path, status: res.statusCode, body: res.body }).toEqual({ who, path, status: 404, body: random.body });
  }
  await expectSameAsRandom(client, 'GET', url(`goals/${id.moneyGoal}`), id.moneyGoal!);
  await expectSameAsRandom(client, 'GET', url(`goals/${id.yasminaPrivate}`), w.familyId);
  await expectSameAsRandom(client, 'PATCH', url(`goals/${id.moneyGoal}`), w.familyId, { text: 'x' });
  await expectSameAsRandom(client, 'DELETE', url(`agreements/${id.moneyAgreement}`), w.familyId);
  await expectSameAsRandom(client, 'DELETE', url(`consents/${w.schoolGrant.id}`), w.familyId);
  await expectSameAsRandom(client, 'POST', url('consents'), w.familyId, { participantId: pid.teacher, lifeDomainId: w.domains.money });
  await expectSameAsRandom(client, 'POST', url('invitations'), w.familyId, { displayName: 'Indringer', role: 'network_member', email: 'in@dringer.example' });
  const portal = (await client.request('GET', '/api/v1/portal')).json();
  expect({ who, portal: (portal.families ?? []).map((f: { id: string }) => f.id) }).not.toEqual({ who, portal: expect.arrayContaining([w.familyId]) });
  const search = await client.request('GET', '/api/v1/families?q=Malika');
  if (!opts.knowsFamily) expect({ who, search: search.json().items }).toEqual({ who, search: [] });
  expect(leaked({ search: search }, secretsOf(SECRET_KEYS))).toEqual([]);
}

describe('outside the family\'s circle', () => {
  it('the parent and the coach of another family, and Gent\'s staff: 404 everywhere, as for a family that does not exist', async () => {
    // The control: Jason and the other coach do see their own family.
    expect((await as.jason!.request('GET', '/api/v1/portal')).json().families.map((f: { displayName: string }) => f.displayName)).toEqual(['Gezin Verbeeck (Pieter)']);
    for (const who of ['jason', 'otherCoach', 'gentCoordinator', 'gentCoach']) await expectNoWayIn(as[who]!, who);
  });

  it('the coordinator outside the circle knows the family record, nothing of its file', async () => {
    expect((await as.coordinator!.request('GET', url(''))).json()).toMatchObject({ reach: 'metadata', myParticipantId: null });
    await expectNoWayIn(as.coordinator!, 'coordinator', { knowsFamily: true });
  });

  it('a removed participant loses everything at once', async () => {
    const { participantId } = await created<{ participantId: string }>(as.malika!, url('invitations'), { displayName: 'Buurman Ali', role: 'network_member', email: 'ali@buur.example' });
    const ali = await redeemLink(t.app, tokenInLink((await latestMailTo(t.db, 'ali@buur.example')).text, '/sign-in/link'));
    await created(as.malika!, url('consents'), { participantId, lifeDomainId: w.domains.school });
    expect(textsOf((await ali.request('GET', url('goals'))).json().items)).toEqual([SHARED_SCHOOL_GOAL]);
    await t.db.update(familyParticipants).set({ removedAt: new Date() }).where(eq(familyParticipants.id, participantId));
    await expectNoWayIn(ali, 'removed');
    expect((await ali.request('GET', '/api/v1/portal')).json().families).toEqual([]);
  });
});


describe('saved versions keep to the rule of the history', () => {
  it('an item made private, or moved out of the shared life domain, after a version was saved is gone from that version too', async () => {
    const hidden = await created(as.yasmina!, url('worries'), { text: 'Later verborgen zorg', lifeDomainId: w.domains.school, memberIds: [pid.yasmina] });
    const moved = await created(as.coach!, url('worries'), { text: 'Later verhuisde zorg', lifeDomainId: w.domains.school });
    const version = await created(as.coach!, url('plan/versions'), { label: 'Voor het verbergen' });
    const seen = async (who: string, text: string, itemId: string) => ({
      version: (await as[who]!.request('GET', url(`plan/versions/${version.id}`))).body.includes(text),
      compare: (await as[who]!.request('GET', url(`plan/compare?from=${version.id}`))).body.includes(text),
      history: (await as[who]!.request('GET', url(`history?itemId=${itemId}`))).json().items.length > 0,
    });
    // Unchanged since the version: in it, in the history, not among the differences.
    expect(await seen('malika', 'Later verborgen zorg', hidden.id)).toEqual({ version: true, compare: false, history: true });
    expect(await seen('teacher', 'Later verhuisde zorg', moved.id)).toEqual({ version: true, compare: false, history: true });
    expect((await as.yasmina!.request('PATCH', url(`worries/${hidden.id}`), { body: { isPrivate: true }, headers: ifMatch(1) })).statusCode).toBe(200);
    expect((await as.coach!.request('PATCH', url(`worries/${moved.id}`), { body: { lifeDomainId: w.domains.money }, headers: ifMatch(1) })).statusCode).toBe(200);
    expect(await seen('malika', 'Later verborgen zorg', hidden.id)).toEqual({ version: false, compare: false, history: false });
    expect(await seen('teacher', 'Later verhuisde zorg', moved.id)).toEqual({ version: false, compare: false, history: false });
  });
});

describe('emergency access (break-glass) reads what the coaches read, except private items, and changes nothing', () => {
  const REASON = 'De coach is ziek en de school meldt dat Sami niet thuis geraakt';
  const open = (who: string, family = w.familyId, reason = REASON) => as[who]!.request('POST', `/api/v1/families/${family}/break-glass`, { body: { reason } });
  const end = (who: string) => as[who]!.request('POST', url('break-glass/end'));
  const privateSecrets = () => [...secretsOf(['malikaPrivate', 'yasminaPrivate']), 'Yasmina vertelde de coach'];

  it('a coordinator outside the circle opens the file with a reason: every read door, the whole file, nothing private, every read logged as break-glass', async () => {
    expect((await open('coordinator', w.familyId, 'te kort')).statusCode).toBe(422);
    const [{ last }] = await t.db.select({ last: sql<number>`coalesce(max(${accessLog.id}), 0)::int` }).from(accessLog) as [{ last: number }];
    const opened = await open('coordinator');
    expect(opened.statusCode).toBe(201);
    expect(opened.json()).toMatchObject({ reason: REASON, role: 'coordinator', reviewStatus: 'pending', endedAt: null });
    expect(Date.parse(opened.json().endsAt) - Date.parse(opened.json().startedAt)).toBe(4 * 3_600_000);
    try {
      expect((await as.coordinator!.request('GET', url(''))).json()).toMatchObject({ reach: 'emergency', myParticipantId: null, emergency: { grantId: opened.json().id, endsAt: opened.json().endsAt, reason: REASON } });
      const seen = await everythingSeenBy(as.coordinator!);
      expect(Object.entries(seen).filter(([, r]) => r.status !== 200).map(([p, r]) => `${p} ${r.status}`)).toEqual([]);
      // What the coaches read: money, the contact notes, how to reach the family.
      expect([TEXT.moneyGoal, TEXT.moneyAgreement, TEXT.moneyContact, ...DEMO_UNSHARED, '0470 11 22 33'].filter((s) => leaked(seen, [s]).length === 0)).toEqual([]);
      expect(seen['export?format=pdf&contents=file']!.body).toContain('Kluisdoel');
      // Never what a family member marked private: not in the plan, the history, versions, exports.
      expect(leaked(seen, privateSecrets())).toEqual([]);
      await expectSameAsRandom(as.coordinator!, 'GET', url(`goals/${id.yasminaPrivate}`), id.yasminaPrivate!);
      await expectSameAsRandom(as.coordinator!, 'GET', url(`worries/${id.malikaPrivate}`), id.malikaPrivate!);
      // The family's own sharing business stays the family's: 403.
      for (const path of ['consents', 'access-log', 'prior-involvements']) expectError(await as.coordinator!.request('GET', url(path)), 403, 'forbidden');
      // Every read during the grant is recognisable in the log.
      const [grant] = await t.db.select().from(breakGlassGrants).where(eq(breakGlassGrants.id, opened.json().id));
      const reads = await t.db.select({ role: accessLog.actorRole, action: accessLog.action, reason: accessLog.reason }).from(accessLog)
        .where(and(eq(accessLog.actorUserId, grant!.userId), eq(accessLog.familyId, w.familyId), sql`${accessLog.id} > ${last}`));
      expect(reads.filter((r) => r.action === 'break_glass')).toEqual([{ role: 'coordinator', action: 'break_glass', reason: REASON }]);
      const others = reads.filter((r) => r.action !== 'break_glass' && r.role !== null);
      expect(others.length).toBeGreaterThan(20);
      expect(others.filter((r) => r.role !== 'break_glass')).toEqual([]);
    } finally {
      expect((await end('coordinator')).statusCode).toBe(204);
    }
    // Ended: the file is closed again, exactly as before.
    await expectNoWayIn(as.coordinator!, 'coordinator after the end', { knowsFamily: true });
    expect((await end('coordinator')).statusCode).toBe(404);
  });

  it('the round tables and the conversations a coach is in', async () => {
    const conversation = await created<{ id: string }>(as.coach!, url('messages/conversations'), { title: 'Noodoverleg', participantIds: [pid.malika] });
    await created(as.coach!, url(`messages/conversations/${conversation.id}/messages`), { body: 'Bericht voor Malika over de afspraak' });
    expect((await open('coordinator')).statusCode).toBe(201);
    try {
      const list = await as.coordinator!.request('GET', url('messages/conversations'));
      expect(list.statusCode).toBe(200);
      expect(list.json().items.map((c: { id: string }) => c.id)).toContain(conversation.id);
      const messages = await as.coordinator!.request('GET', url(`messages/conversations/${conversation.id}/messages`));
      expect(messages.json().items.map((m: { body: string }) => m.body)).toContain('Bericht voor Malika over de afspraak');
      expect((await as.coordinator!.request('GET', url('meetings'))).statusCode).toBe(200);
    } finally {
      await end('coordinator');
    }
  });

  it('no change is possible: every write is 403 and nothing changes', async () => {
    expect((await open('coordinator')).statusCode).toBe(201);
    try {
      const before = await t.db.select({ n: sql<number>`count(*)::int` }).from(planItems).where(eq(planItems.familyId, w.familyId));
      const writes: [('POST' | 'PATCH' | 'DELETE'), string, object?][] = [
        ['POST', url('goals'), { text: 'Nooddoel', lifeDomainId: w.domains.money }],
        ['PATCH', url(`goals/${id.moneyGoal}`), { text: 'Veranderd in nood' }],
        ['DELETE', url(`agreements/${id.moneyAgreement}`)],
        ['POST', url('contacts'), { occurredOn: '2026-11-21', place: 'home', summary: 'Nood', lifeDomainId: w.domains.money }],
        ['POST', url('consents'), { participantId: pid.teacher, lifeDomainId: w.domains.money }],
        ['POST', url('invitations'), { displayName: 'Indringer', role: 'network_member', email: 'in@dringer.example' }],
        ['POST', url('messages/conversations'), { title: 'Nood', participantIds: [pid.malika] }],
        ['POST', url('plan/versions'), { label: 'Nood' }],
        ['POST', url('closure'), { reason: 'goals_reached', summary: 'Nood' }],
      ];
      for (const [method, path, body] of writes) {
        const res = await as.coordinator!.request(method, path, { body, headers: ifMatch(1) });
        expect({ method, path, status: res.statusCode }).toEqual({ method, path, status: 403 });
      }
      expect(await t.db.select({ n: sql<number>`count(*)::int` }).from(planItems).where(eq(planItems.familyId, w.familyId))).toEqual(before);
      expect((await as.coach!.request('GET', url(`goals/${id.moneyGoal}`))).json().text).toBe(TEXT.moneyGoal);
    } finally {
      await end('coordinator');
    }
  });

  it('is never extended silently: asking again while it runs is 409, a new use is a new row with its own reason, and the database refuses a longer end', async () => {
    const first = await open('coordinator');
    expect(first.statusCode).toBe(201);
    expectError(await open('coordinator', w.familyId, 'Nog eens vragen om langer te mogen lezen'), 409, 'break_glass_running');
    await expect(t.db.update(breakGlassGrants).set({ endsAt: sql`${breakGlassGrants.endsAt} + interval '4 hours'` }).where(eq(breakGlassGrants.id, first.json().id))).rejects.toThrow();
    await expect(t.db.update(breakGlassGrants).set({ reason: 'Een andere reden achteraf ingevuld' }).where(eq(breakGlassGrants.id, first.json().id))).rejects.toThrow();
    await end('coordinator');
    const second = await open('coordinator', w.familyId, 'Tweede keer: de politie vraagt wie er bij het gezin betrokken is');
    expect(second.statusCode).toBe(201);
    expect(second.json().id).not.toBe(first.json().id);
    await end('coordinator');
    expect((await t.db.select({ reason: breakGlassGrants.reason }).from(breakGlassGrants).where(eq(breakGlassGrants.id, first.json().id)))[0]!.reason).toBe(REASON);
  });

  it('after its end time the file is closed again (404), as for a family that does not exist', async () => {
    const [row] = await t.db.select({ userId: breakGlassGrants.userId, collaborationId: breakGlassGrants.collaborationId }).from(breakGlassGrants).limit(1);
    await t.db.insert(breakGlassGrants).values({
      collaborationId: row!.collaborationId, familyId: w.familyId, userId: row!.userId, role: 'coordinator', reason: REASON,
      startedAt: new Date(Date.now() - 5 * 3_600_000), endsAt: new Date(Date.now() - 3_600_000),
    });
    expect((await as.coordinator!.request('GET', url(''))).json()).toMatchObject({ reach: 'metadata', emergency: null });
    await expectNoWayIn(as.coordinator!, 'coordinator after ends_at', { knowsFamily: true });
  });

  it('another collaboration\'s coordinator: 404 as for a family that does not exist; a coach only where the collaboration allows it', async () => {
    const gent = await as.gentCoordinator!.request('POST', url('break-glass'), { body: { reason: REASON } });
    const random = await as.gentCoordinator!.request('POST', `/api/v1/families/${RANDOM_UUID}/break-glass`, { body: { reason: REASON } });
    expect({ status: gent.statusCode, body: gent.body }).toEqual({ status: 404, body: random.body });
    await expectNoWayIn(as.gentCoordinator!, 'gentCoordinator');
    // The setting is off by default: a coach outside the circle gets 403, for this family and for a random id alike.
    expectError(await open('otherCoach'), 403, 'forbidden');
    expectError(await open('otherCoach', RANDOM_UUID), 403, 'forbidden');
    await expectNoWayIn(as.otherCoach!, 'otherCoach');
    const [antwerpen] = await t.db.select({ id: breakGlassGrants.collaborationId }).from(breakGlassGrants).limit(1);
    await t.db.update(collaborations).set({ breakGlassCoaches: true, breakGlassHours: 2 }).where(eq(collaborations.id, antwerpen!.id));
    try {
      const opened = await open('otherCoach');
      expect(opened.json()).toMatchObject({ role: 'coach' });
      expect(Date.parse(opened.json().endsAt) - Date.parse(opened.json().startedAt)).toBe(2 * 3_600_000);
      expect((await as.otherCoach!.request('GET', '/api/v1/families?q=Malika')).json().items.map((f: { id: string }) => f.id)).toEqual([w.familyId]);
      const plan = await as.otherCoach!.request('GET', url('plan'));
      expect(plan.body).toContain(TEXT.moneyGoal);
      expect(leaked({ plan }, privateSecrets())).toEqual([]);
      expect((await as.otherCoach!.request('POST', url('goals'), { body: { text: 'x', lifeDomainId: w.domains.money } })).statusCode).toBe(403);
      // A coach in the circle does not need it.
      expectError(await open('coach'), 409, 'break_glass_in_circle');
      await end('otherCoach');
    } finally {
      await t.db.update(collaborations).set({ breakGlassCoaches: false, breakGlassHours: 4 }).where(eq(collaborations.id, antwerpen!.id));
    }
  });
});
