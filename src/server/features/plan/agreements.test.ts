import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { agreements, planChanges } from '../../db/schema/index.ts';
import { createTestFamily, type TestFamily } from '../../test/families.ts';
import { demo, signIn, useTestApp, type Client } from '../../test/harness.ts';
import { auditRowsFor, expectError, requestIdOf } from '../../test/helpers.ts';
import { created, ifMatch, textsOf } from './plan-test-support.ts';

/** The server's clock, moved by the tests: "overdue" is about Brussels calendar days. */
let now = new Date('2026-11-23T10:00:00Z');
const t = useTestApp({}, { clock: () => now });
let f: TestFamily;
let coach: Client;
let goal: { id: string };
const url = (path: string) => `/api/v1/families/${f.familyId}/${path}`;

beforeAll(async () => {
  f = await createTestFamily(t.db, {
    displayName: 'Familie Afspraken', coaches: [demo('coach1')],
    people: {
      mama: { role: 'parent', name: 'Mama' }, rita: { role: 'network_member', name: 'Buurvrouw Rita' },
      juf: { role: 'outside_professional', name: 'Juf Ann' }, weg: { role: 'network_member', name: 'Weg', removed: true },
    },
  });
  coach = await signIn(t.app, demo('coach1'));
  goal = await created(coach, url('goals'), { text: 'Kind komt op tijd op school', lifeDomainId: f.lifeDomainIds[5] });
});

const agreementRows = () => t.db.select().from(agreements).where(eq(agreements.familyId, f.familyId));

describe('agreements', () => {
  it('who does what by when: create, read, change, delete, with history and access log', async () => {
    const res = await coach.request('POST', url('agreements'), {
      body: { what: 'Rita brengt Kind op maandag', goalId: goal.id, lifeDomainId: f.lifeDomainIds[0], ownerParticipantId: f.participants.rita, dueDate: '2026-12-01', onBehalfOfParticipantId: f.participants.mama },
    });
    expect(res.statusCode).toBe(201);
    const a = res.json();
    // Serving a goal, it takes the goal's life domain, whatever was sent.
    expect(a).toMatchObject({ goalId: goal.id, lifeDomainId: f.lifeDomainIds[5], ownerName: 'Buurvrouw Rita', status: 'open', overdue: false, onBehalfOfName: 'Mama', version: 1, position: 0 });
    expect((await auditRowsFor(t.db, requestIdOf(res))).map((r) => [r.action, r.entityType, r.onBehalfOfParticipantId])).toEqual([['create', 'agreement', f.participants.mama]]);
    const read = await coach.request('GET', url(`agreements/${a.id}`));
    expect([read.statusCode, read.headers.etag]).toEqual([200, '"1"']);
    expectError(await coach.request('PATCH', url(`agreements/${a.id}`), { body: { status: 'done' } }), 428, 'precondition_required');
    const done = await coach.request('PATCH', url(`agreements/${a.id}`), { body: { status: 'done', ownerParticipantId: f.participants.juf }, headers: ifMatch(1) });
    expect(done.json()).toMatchObject({ status: 'done', ownerName: 'Juf Ann', version: 2 });
    expectError(await coach.request('PATCH', url(`agreements/${a.id}`), { body: { status: 'open' }, headers: ifMatch(1) }), 412, 'precondition_failed');
    const history = (await coach.request('GET', url(`history?itemType=agreement&itemId=${a.id}`))).json().items;
    expect(history[0]).toMatchObject({ action: 'update', fields: ['ownerName', 'ownerParticipantId', 'status'], before: { status: 'open' }, after: { status: 'done' } });
    expect(history[1]).toMatchObject({ action: 'create', onBehalfOfName: 'Mama' });
    expectError(await coach.request('DELETE', url(`agreements/${a.id}`), { headers: ifMatch(1) }), 412, 'precondition_failed');
    expect((await coach.request('DELETE', url(`agreements/${a.id}`), { headers: ifMatch(2) })).statusCode).toBe(204);
    expectError(await coach.request('GET', url(`agreements/${a.id}`)), 404, 'not_found');
    const [row] = await t.db.select().from(agreements).where(eq(agreements.id, a.id));
    expect(row!.deletedAt).not.toBeNull();
  });

  it('refuses an owner or goal from outside this family, or bad dates, and stores nothing', async () => {
    const other = await createTestFamily(t.db, { coaches: [demo('coach1')], people: { x: { role: 'parent', name: 'X' } } });
    const gent = await createTestFamily(t.db, { collaboration: 'gent' });
    const otherGoal = await created(coach, `/api/v1/families/${other.familyId}/goals`, { text: 'Ander doel', lifeDomainId: other.lifeDomainIds[0] });
    const worry = await created(coach, url('worries'), { text: 'Te laat', lifeDomainId: f.lifeDomainIds[5] });
    const rows = await agreementRows();
    const changes = (await t.db.select().from(planChanges).where(eq(planChanges.familyId, f.familyId))).length;
    const refused: [object, string][] = [
      [{ what: 'x', ownerParticipantId: other.participants.x }, 'ownerParticipantId'],
      [{ what: 'x', ownerParticipantId: f.participants.weg }, 'ownerParticipantId'],
      [{ what: 'x', ownerParticipantId: f.participants.mama, goalId: otherGoal.id }, 'goalId'],
      [{ what: 'x', ownerParticipantId: f.participants.mama, goalId: worry.id }, 'goalId'],
      [{ what: 'x', ownerParticipantId: f.participants.mama, lifeDomainId: gent.lifeDomainIds[0] }, 'lifeDomainId'],
      [{ what: 'x', ownerParticipantId: f.participants.mama, dueDate: '2026-02-30' }, 'dueDate'],
      [{ what: '', ownerParticipantId: f.participants.mama }, 'what'],
      [{ what: 'x' }, 'ownerParticipantId'],
      [{ what: 'x', ownerParticipantId: f.participants.mama, status: 'maybe' }, 'status'],
    ];
    for (const [body, field] of refused) {
      const error = expectError(await coach.request('POST', url('agreements'), { body }), 422, 'validation_failed');
      expect({ body, fields: error.details?.map((d) => d.field) }).toEqual({ body, fields: [field] });
    }
    expect(await agreementRows()).toEqual(rows);
    expect((await t.db.select().from(planChanges).where(eq(planChanges.familyId, f.familyId))).length).toBe(changes);
  });

  it('an agreement stays in its goal\'s life domain, also when the goal moves', async () => {
    const g = await created(coach, url('goals'), { text: 'Een eigen huis', lifeDomainId: f.lifeDomainIds[0] });
    const a = await created(coach, url('agreements'), { what: 'Inschrijven bij de sociale huisvesting', goalId: g.id, ownerParticipantId: f.participants.mama });
    const own = await coach.request('PATCH', url(`agreements/${a.id}`), { body: { lifeDomainId: f.lifeDomainIds[3] }, headers: ifMatch(1) });
    expect(own.json().lifeDomainId).toBe(f.lifeDomainIds[0]);
    await coach.request('PATCH', url(`goals/${g.id}`), { body: { lifeDomainId: f.lifeDomainIds[1] }, headers: ifMatch(1) });
    const moved = (await coach.request('GET', url(`agreements/${a.id}`))).json();
    expect(moved).toMatchObject({ lifeDomainId: f.lifeDomainIds[1], version: 3 });
    const [change] = (await coach.request('GET', url(`history?itemId=${a.id}`))).json().items;
    expect(change).toMatchObject({ action: 'update', fields: ['lifeDomainId'], before: { lifeDomainId: f.lifeDomainIds[0] }, after: { lifeDomainId: f.lifeDomainIds[1] } });
    // Unlinked from its goal, it may have a life domain of its own.
    const free = await coach.request('PATCH', url(`agreements/${a.id}`), { body: { goalId: null, lifeDomainId: f.lifeDomainIds[3] }, headers: ifMatch(3) });
    expect(free.json()).toMatchObject({ goalId: null, lifeDomainId: f.lifeDomainIds[3] });
  });

  it('a repeated create with the same Idempotency-Key makes one agreement', async () => {
    const body = { what: 'Mama belt de school', ownerParticipantId: f.participants.mama, lifeDomainId: f.lifeDomainIds[5] };
    const send = () => coach.request('POST', url('agreements'), { body, headers: { 'idempotency-key': 'afspraak-1' } });
    const first = await send();
    expect((await send()).json()).toEqual(first.json());
    expect((await agreementRows()).filter((r) => r.what === body.what)).toHaveLength(1);
  });

  it('stands out when open past its due date in Brussels, and filters by goal and status', async () => {
    const fam = await createTestFamily(t.db, { coaches: [demo('coach1')], people: { mama: { role: 'parent', name: 'Mama' } } });
    const famUrl = (path: string) => `/api/v1/families/${fam.familyId}/${path}`;
    const g = await created(coach, famUrl('goals'), { text: 'Papieren in orde', lifeDomainId: fam.lifeDomainIds[10] });
    const owner = fam.participants.mama;
    const due23 = await created(coach, famUrl('agreements'), { what: 'Formulier invullen', goalId: g.id, ownerParticipantId: owner, dueDate: '2026-11-23' });
    await created(coach, famUrl('agreements'), { what: 'Zonder datum', goalId: g.id, ownerParticipantId: owner });
    await created(coach, famUrl('agreements'), { what: 'Al gedaan', ownerParticipantId: owner, dueDate: '2026-11-01', status: 'done', lifeDomainId: fam.lifeDomainIds[1] });
    const overdue = async () => textsOf((await coach.request('GET', famUrl('agreements'))).json().items.filter((a: { overdue: boolean }) => a.overdue));

    now = new Date('2026-11-23T22:30:00Z'); // 23:30 on the 23rd in Brussels: due today, not late
    expect(await overdue()).toEqual([]);
    now = new Date('2026-11-23T23:30:00Z'); // 00:30 on the 24th in Brussels: one day late
    expect(await overdue()).toEqual(['Formulier invullen']);
    expect((await coach.request('GET', famUrl(`agreements/${due23.id}`))).json().overdue).toBe(true);
    const plan = (await coach.request('GET', famUrl('plan'))).json();
    expect(plan.agreements.filter((a: { overdue: boolean }) => a.overdue).map((a: { what: string }) => a.what)).toEqual(['Formulier invullen']);
    const notDone = await coach.request('PATCH', famUrl(`agreements/${due23.id}`), { body: { status: 'not_done' }, headers: ifMatch(1) });
    expect(notDone.json()).toMatchObject({ status: 'not_done', overdue: false });

    expect(textsOf((await coach.request('GET', famUrl(`agreements?goalId=${g.id}`))).json().items)).toEqual(['Formulier invullen', 'Zonder datum']);
    expect(textsOf((await coach.request('GET', famUrl('agreements?status=done'))).json().items)).toEqual(['Al gedaan']);
    expect(textsOf((await coach.request('GET', famUrl(`agreements?goalId=${g.id}&status=open`))).json().items)).toEqual(['Zonder datum']);
    expectError(await coach.request('GET', famUrl('agreements?status=late')), 400, 'malformed_request');
    now = new Date('2026-11-23T10:00:00Z');
  });
});
