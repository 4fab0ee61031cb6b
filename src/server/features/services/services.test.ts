import { beforeAll, describe, expect, it } from 'vitest';
import { consentGrants } from '../../db/schema/index.ts';
import { createTestFamily, type TestFamily } from '../../test/families.ts';
import { demo, signIn, useTestApp, type Client } from '../../test/harness.ts';
import { expectError } from '../../test/helpers.ts';
import { created, expectSameAsRandom, ifMatch } from '../plan/plan-test-support.ts';

/* The help overview and waiting list: shared per life domain exactly like the plan. */
const t = useTestApp();
let a: TestFamily;
const as: Record<string, Client> = {};
const id: Record<string, string> = {};
const url = (path = '') => `/api/v1/families/${a.familyId}/services${path}`;

beforeAll(async () => {
  a = await createTestFamily(t.db, {
    displayName: 'Familie Hulp', coaches: [demo('coach1')],
    people: {
      mama: { role: 'parent', name: 'Malika', email: demo('coach2') },
      zoon: { role: 'child', name: 'Amine', birthYear: 2016 },
      juf: { role: 'outside_professional', name: 'Juf Ann', email: demo('referrer', 'gent') },
    },
  });
  for (const [key, email] of Object.entries({ coach: demo('coach1'), mama: demo('coach2'), juf: demo('referrer', 'gent'), coordinator: demo('coordinator'), gent: demo('coach1', 'gent') })) {
    as[key] = await signIn(t.app, email);
  }
  const [, money, , , , school] = a.lifeDomainIds;
  id.school = school!;
  id.ocmw = (await created(as.coach!, url(), { organisation: 'OCMW', kindOfHelp: 'Budgetbegeleiding', lifeDomainId: money, memberIds: [a.participants.mama], since: '2026-03-01', contactPerson: 'Mevr. Peeters' })).id;
  id.clb = (await created(as.coach!, url(), { organisation: 'CLB', kindOfHelp: 'Begeleiding op school', lifeDomainId: school, memberIds: [a.participants.zoon] })).id;
  id.cgg = (await created(as.mama!, url(), {
    organisation: 'CGG', kindOfHelp: 'Therapie voor Amine', lifeDomainId: a.lifeDomainIds[3], memberIds: [a.participants.zoon], status: 'waiting',
    waitingSince: '2026-09-01', expected: 'voorjaar 2027', bridging: 'Gezinscoach twee keer per maand',
  })).id;
});

describe('help overview', () => {
  it('lists the services in the family\'s order, per member and per life domain; the waiting list has the waiting ones', async () => {
    const all = (await as.mama!.request('GET', url())).json<{ items: { organisation: string }[] }>().items;
    expect(all.map((s) => s.organisation)).toEqual(['OCMW', 'CLB', 'CGG']);
    const forAmine = (await as.mama!.request('GET', url(`?memberId=${a.participants.zoon}`))).json<{ items: { organisation: string }[] }>().items;
    expect(forAmine.map((s) => s.organisation)).toEqual(['CLB', 'CGG']);
    const school = (await as.mama!.request('GET', url(`?lifeDomainId=${id.school}`))).json<{ items: { organisation: string }[] }>().items;
    expect(school.map((s) => s.organisation)).toEqual(['CLB']);
    const waiting = (await as.coach!.request('GET', `/api/v1/families/${a.familyId}/waiting-list`)).json<{ items: unknown[] }>().items;
    expect(waiting).toEqual([expect.objectContaining({ organisation: 'CGG', waitingSince: '2026-09-01', bridging: 'Gezinscoach twee keer per maand' })]);
  });

  it('the family orders them by priority against the plan revision', async () => {
    const plan = await as.mama!.request('GET', `/api/v1/families/${a.familyId}/plan`);
    const revision = Number(JSON.parse(plan.headers.etag as string));
    const res = await as.mama!.request('PUT', url('/order'), { body: { ids: [id.cgg, id.ocmw, id.clb] }, headers: ifMatch(revision) });
    expect(res.statusCode).toBe(200);
    expect(res.json<{ items: { id: string }[] }>().items.map((s) => s.id)).toEqual([id.cgg, id.ocmw, id.clb]);
    expectError(await as.mama!.request('PUT', url('/order'), { body: { ids: [id.cgg] }, headers: ifMatch(revision) }), 412, 'precondition_failed');
  });

  it('validates members and life domains, and changes with If-Match', async () => {
    const bad = expectError(await as.coach!.request('POST', url(), { body: { organisation: 'X', kindOfHelp: 'Y', memberIds: [a.participants.juf] } }), 422, 'validation_failed');
    expect(bad.details).toEqual([expect.objectContaining({ field: 'memberIds' })]);
    expectError(await as.coach!.request('POST', url(), { body: { organisation: '', kindOfHelp: 'Y' } }), 422, 'validation_failed');
    const current = (await as.coach!.request('GET', url(`/${id.ocmw}`))).json<{ version: number }>();
    const ended = await as.coach!.request('PATCH', url(`/${id.ocmw}`), { body: { status: 'ended', endedOn: '2026-11-30' }, headers: ifMatch(current.version) });
    expect(ended.json()).toMatchObject({ status: 'ended', endedOn: '2026-11-30', version: current.version + 1 });
  });

  it('a professional sees only the services of a life domain shared with them, read-only', async () => {
    expect((await as.juf!.request('GET', url())).json<{ items: unknown[] }>().items).toEqual([]);
    await t.db.insert(consentGrants).values({ collaborationId: a.collaborationId, familyId: a.familyId, participantId: a.participants.juf!, lifeDomainId: id.school, level: 'read', grantedByParticipantId: a.participants.mama });
    const seen = await as.juf!.request('GET', url());
    expect(seen.json<{ items: { organisation: string }[] }>().items.map((s) => s.organisation)).toEqual(['CLB']);
    expect(seen.body).not.toContain('CGG');
    await expectSameAsRandom(as.juf!, 'GET', url(`/${id.cgg}`), id.cgg!);
    expectError(await as.juf!.request('PATCH', url(`/${id.clb}`), { body: { kindOfHelp: 'x' }, headers: ifMatch(1) }), 403, 'forbidden');
  });

  it('a coordinator outside the circle and another collaboration get 404, identical to a random family', async () => {
    for (const who of ['coordinator', 'gent'] as const) {
      await expectSameAsRandom(as[who]!, 'GET', url(), a.familyId);
      await expectSameAsRandom(as[who]!, 'GET', `/api/v1/families/${a.familyId}/waiting-list`, a.familyId);
      await expectSameAsRandom(as[who]!, 'POST', url(), a.familyId, { organisation: 'X', kindOfHelp: 'Y' });
    }
  });
});
