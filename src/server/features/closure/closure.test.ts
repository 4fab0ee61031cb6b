import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { familyClosures, families } from '../../db/schema/index.ts';
import { demo, redeemLink, signIn, signInByLink, useTestApp, type Client } from '../../test/harness.ts';
import { expectError, latestMailTo, RANDOM_UUID, tokenInLink } from '../../test/helpers.ts';
import { created, expectSameAsRandom, ifMatch } from '../plan/plan-test-support.ts';

const t = useTestApp({ CLOSED_READ_ACCESS_MONTHS: '12' });
const as = {} as Record<'coach' | 'otherCoach' | 'gent' | 'coordinator' | 'malika' | 'oma' | 'service', Client>;
let familyId: string;
let domains: Record<string, string>;
let pid: Record<string, string>;
let entryId: string;
const url = (path: string) => `/api/v1/families/${familyId}${path ? `/${path}` : ''}`;
const CONTACT = 'ann.dewit@ckg.example';
const SUMMARY = 'We zijn samen gestart toen het thuis zwaar was. Nu gaat het beter. Het CKG helpt verder met de opvoeding.';

beforeAll(async () => {
  as.coach = await signIn(t.app, demo('coach2', 'antwerpen'));
  as.otherCoach = await signIn(t.app, demo('coach1', 'antwerpen'));
  as.gent = await signIn(t.app, demo('coach1', 'gent'));
  as.coordinator = await signIn(t.app, demo('coordinator', 'antwerpen'));
  familyId = (await as.coach.request('GET', '/api/v1/families?q=Malika')).json().items[0].id;
  const plan = (await as.coach.request('GET', url('plan'))).json();
  domains = Object.fromEntries(plan.lifeDomains.map((d: { pictogram: string; id: string }) => [d.pictogram, d.id]));
  pid = Object.fromEntries(plan.participants.map((p: { displayName: string; id: string }) => [p.displayName, p.id]));
  as.malika = await signInByLink(t.app, t.db, 'malika@gezinsplan.example');
  as.oma = await signInByLink(t.app, t.db, 'oma.fatima@gezinsplan.example');
  await created(as.coach, url('goals'), { text: 'Opvoedingsdoel voor de overdracht', lifeDomainId: domains.parenting });
  await created(as.coach, url('goals'), { text: 'Geldgeheim doel', lifeDomainId: domains.money });
  const collaborationId = (await as.coach.request('GET', url(''))).json().collaborationId;
  entryId = (await as.coach.request('GET', `/api/v1/social-map?collaborationId=${collaborationId}`)).json().items[0].id;
});

describe('a warm handover', () => {
  let handover: { id: string; version: number };

  it('is proposed by a coach, not by a parent, to a service of the social map', async () => {
    const body = { socialMapEntryId: entryId, contactName: 'Ann De Wit', contactEmail: CONTACT, note: 'Malika wil verder werken aan rust in huis.', shares: [{ lifeDomainId: domains.parenting }, { lifeDomainId: domains.money }] };
    expectError(await as.malika.request('POST', url('handovers'), { body }), 403, 'forbidden');
    expectError(await as.coach.request('POST', url('handovers'), { body: { ...body, socialMapEntryId: RANDOM_UUID } }), 422, 'validation_failed');
    expectError(await as.oma.request('POST', url('handovers'), { body }), 404, 'not_found');
    handover = await created(as.coach, url('handovers'), body);
    expect(handover).toMatchObject({ status: 'proposed', proposedShares: [{ lifeDomainId: domains.parenting }, { lifeDomainId: domains.money }], participantId: null });
  });

  it('shares only what the family approved, with the service as an outside professional', async () => {
    // A coach needs a parent's decision to record; nothing beyond the proposal can be approved.
    expectError(await as.coach.request('POST', url(`handovers/${handover.id}/approve`), { body: {}, headers: ifMatch(handover.version) }), 422, 'validation_failed');
    expectError(await as.malika.request('POST', url(`handovers/${handover.id}/approve`), { body: { shares: [{ lifeDomainId: domains.school }] }, headers: ifMatch(handover.version) }), 422, 'validation_failed');
    const res = await as.malika.request('POST', url(`handovers/${handover.id}/approve`), { body: { shares: [{ lifeDomainId: domains.parenting }] }, headers: ifMatch(handover.version) });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'approved', approvedShares: [{ lifeDomainId: domains.parenting }], approvedByName: 'Malika' });
    as.service = await redeemLink(t.app, tokenInLink((await latestMailTo(t.db, CONTACT)).text, '/sign-in/link'));
    const seen = (await as.service.request('GET', url('plan'))).json();
    const goals = seen.goals.map((g: { text: string }) => g.text);
    expect(goals).toContain('Opvoedingsdoel voor de overdracht');
    expect(goals).not.toContain('Geldgeheim doel');
    expect(JSON.stringify(seen)).not.toContain('Geldgeheim');
  });

  it('is a decision made once', async () => {
    const [h] = (await as.coach.request('GET', url('closure'))).json().handovers;
    expect((await as.malika.request('POST', url(`handovers/${h.id}/approve`), { body: {}, headers: ifMatch(h.version) })).statusCode).toBe(409);
  });
});

describe('closing and reopening', () => {
  let handoverId: string;
  beforeAll(async () => {
    handoverId = (await as.coach.request('GET', url('closure'))).json().handovers[0].id;
  });

  it('is for the family\'s coach; others get 403 or 404 with nothing leaked', async () => {
    const body = { reason: 'warm_referral', summary: SUMMARY };
    expectError(await as.malika.request('POST', url('closure'), { body }), 403, 'forbidden');
    for (const who of ['otherCoach', 'gent', 'oma'] as const) await expectSameAsRandom(as[who], 'POST', url('closure'), familyId, body);
    for (const who of ['otherCoach', 'gent', 'coordinator'] as const) await expectSameAsRandom(as[who], 'GET', url('closure'), familyId);
    expectError(await as.coach.request('POST', url('closure'), { body: { ...body, reason: 'bored' } }), 422, 'validation_failed');
    expectError(await as.coach.request('POST', url('closure'), { body: { ...body, handoverId: RANDOM_UUID } }), 422, 'validation_failed');
    expectError(await as.coach.request('POST', url('closure'), { body: { ...body, closingConversationParticipantIds: [RANDOM_UUID] } }), 422, 'validation_failed');
    expect((await as.coach.request('GET', url('closure'))).json().status).toBe('active');
  });

  it('records reason, conversation, summary, duration and the handover; the file becomes read-only', async () => {
    const res = await as.coach.request('POST', url('closure'), { body: {
      reason: 'warm_referral', reasonNote: 'Doorverwezen naar het CKG', summary: SUMMARY, closingConversationOn: '2026-11-30',
      closingConversationParticipantIds: [pid.Malika], handoverId,
    } });
    expect(res.statusCode).toBe(201);
    const closure = res.json();
    const [family] = await t.db.select({ createdAt: families.createdAt, status: families.status }).from(families).where(eq(families.id, familyId));
    expect(family!.status).toBe('closed');
    const days = Math.round((Date.parse(new Date().toISOString().slice(0, 10)) - Date.parse(family!.createdAt.toISOString().slice(0, 10))) / 86_400_000);
    expect(closure).toMatchObject({ reason: 'warm_referral', summary: SUMMARY, closingConversationNames: ['Malika'], warmHandover: true, handoverId, reopenedAt: null });
    expect(Math.abs(closure.durationDays - days)).toBeLessThanOrEqual(1);
    expect(Date.parse(closure.familyReadsUntil) - Date.parse(closure.closedAt)).toBeGreaterThan(360 * 86_400_000);

    // Nobody changes the file any more: 403 on writes, also for the coach and for closing twice.
    expectError(await as.malika.request('POST', url('goals'), { body: { text: 'Nog een doel', lifeDomainId: domains.parenting } }), 403, 'forbidden');
    expectError(await as.coach.request('POST', url('contacts'), { body: { occurredOn: '2026-11-30', place: 'home', summary: 'Na de afsluiting' } }), 403, 'forbidden');
    expectError(await as.coach.request('POST', url('closure'), { body: { reason: 'other', summary: 'twee keer' } }), 403, 'forbidden');
    expectError(await as.service.request('POST', url('goals'), { body: { text: 'x', lifeDomainId: domains.parenting } }), 403, 'forbidden');
  });

  it('leaves the family and its coaches reading, the service what was shared, and the network out', async () => {
    expect((await as.malika.request('GET', url('plan'))).statusCode).toBe(200);
    expect((await as.coach.request('GET', url('plan'))).statusCode).toBe(200);
    expect((await as.service.request('GET', url('plan'))).json().goals.map((g: { text: string }) => g.text)).toEqual(['Opvoedingsdoel voor de overdracht']);
    await expectSameAsRandom(as.oma, 'GET', url('plan'), familyId);
    expect((await as.oma.request('GET', '/api/v1/families')).json().items.map((f: { id: string }) => f.id)).not.toContain(familyId);
    // The family keeps the summary: in its portal and its file.
    const portal = (await as.malika.request('GET', '/api/v1/portal')).json();
    expect(portal.families.find((f: { id: string }) => f.id === familyId)).toMatchObject({ status: 'closed', closure: { summary: SUMMARY } });
    const file = (await as.malika.request('GET', url('export?format=json'))).json();
    expect(file.closures[0]).toMatchObject({ summary: SUMMARY, reason: 'warm_referral' });
    expect(file.handovers[0]).toMatchObject({ status: 'approved', note: 'Malika wil verder werken aan rust in huis.' });
    const pdf = await as.malika.request('GET', url('export?format=pdf&contents=file'));
    expect(pdf.statusCode).toBe(200);
  });

  it('is reopened by a coach with its history intact', async () => {
    const current = (await as.coach.request('GET', url('closure'))).json().current;
    expectError(await as.malika.request('POST', url('closure/reopen'), { body: { reason: 'opnieuw' }, headers: ifMatch(current.version) }), 403, 'forbidden');
    expect((await as.coach.request('POST', url('closure/reopen'), { body: { reason: 'zonder versie' } })).statusCode).toBe(428);
    expect((await as.coach.request('POST', url('closure/reopen'), { body: { reason: 'oude versie' }, headers: ifMatch(current.version + 1) })).statusCode).toBe(412);
    const res = await as.coach.request('POST', url('closure/reopen'), { body: { reason: 'Malika vraagt opnieuw hulp' }, headers: ifMatch(current.version) });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ reopenReason: 'Malika vraagt opnieuw hulp', reopenedByName: 'Sofie Janssens', summary: SUMMARY, familyReadsUntil: null });
    expect((await as.coach.request('POST', url('closure/reopen'), { body: { reason: 'again' }, headers: ifMatch(current.version + 1) })).statusCode).toBe(409);
    const overview = (await as.coach.request('GET', url('closure'))).json();
    expect(overview).toMatchObject({ status: 'active', current: null });
    expect(overview.closures).toHaveLength(1);
    const history = (await as.malika.request('GET', url('history?itemType=closure'))).json().items;
    expect(history.map((h: { action: string }) => h.action)).toEqual(['update', 'create']);
    // The network can read again what it was given; the family writes again.
    expect((await as.oma.request('GET', url('plan'))).statusCode).toBe(200);
    await created(as.malika, url('goals'), { text: 'Weer aan de slag', lifeDomainId: domains.parenting });
  });

  it('ends the family\'s reading after the period, never the coach\'s', async () => {
    await created(as.coach, url('closure'), { reason: 'goals_reached', summary: 'Alles loopt goed.' });
    expect((await as.malika.request('GET', url('plan'))).statusCode).toBe(200);
    const longAgo = new Date(Date.now() - 13 * 31 * 86_400_000);
    await t.db.update(familyClosures).set({ closedAt: longAgo }).where(and(eq(familyClosures.familyId, familyId), eq(familyClosures.reason, 'goals_reached')));
    await expectSameAsRandom(as.malika, 'GET', url('plan'), familyId);
    expect((await as.malika.request('GET', '/api/v1/portal')).json().families.map((f: { id: string }) => f.id)).not.toContain(familyId);
    expect((await as.coach.request('GET', url('plan'))).statusCode).toBe(200);
    // The coordinator keeps the family record, as before.
    expect((await as.coordinator.request('GET', url(''))).json()).toMatchObject({ reach: 'metadata', status: 'closed' });
  });
});
