import { beforeAll, describe, expect, it } from 'vitest';
import { consentGrants } from '../../db/schema/index.ts';
import { createTestFamily, type TestFamily } from '../../test/families.ts';
import { demo, signIn, useTestApp, type Client } from '../../test/harness.ts';
import { auditRowsFor, expectError, requestIdOf } from '../../test/helpers.ts';
import { pdfText } from '../../test/pdf.ts';
import { created, expectSameAsRandom, ifMatch } from '../plan/plan-test-support.ts';

/*
 * Malika's network, and everyone who should not see its phone numbers trying to. coach2 is the
 * mother, Gent's referrer a neighbour with an account (network member), Gent's admin a parent in
 * another family, Antwerp's coordinator outside the circle, Gent's coach1 in another collaboration.
 */
const t = useTestApp();
let a: TestFamily;
let b: TestFamily;
const as: Record<string, Client> = {};
const id: Record<string, string> = {};
const url = (path = '') => `/api/v1/families/${a.familyId}/network${path}`;
const PHONE = '0470 12 34 56';

beforeAll(async () => {
  a = await createTestFamily(t.db, {
    displayName: 'Familie Netwerk', coaches: [demo('coach1')],
    people: {
      mama: { role: 'parent', name: 'Malika', email: demo('coach2') },
      buur: { role: 'network_member', name: 'Buurvrouw Fatma', email: demo('referrer', 'gent') },
    },
  });
  b = await createTestFamily(t.db, { displayName: 'Familie Anders', coaches: [demo('coach1')], people: { ander: { role: 'parent', name: 'Ander', email: demo('admin', 'gent') } } });
  for (const [key, email] of Object.entries({
    coach: demo('coach1'), mama: demo('coach2'), buur: demo('referrer', 'gent'), ander: demo('admin', 'gent'),
    coordinator: demo('coordinator'), gentCoach: demo('coach1', 'gent'),
  })) as[key] = await signIn(t.app, email);
  id.oma = (await created(as.coach!, url('/people'), {
    name: 'Oma Khadija', relation: 'grootmoeder', ring: 2, importance: 5, roles: ['childcare', 'listening'], phone: PHONE, email: 'oma@example.org',
    availability: [{ weekday: 3, startsAt: '13:00', endsAt: '17:00' }],
  })).id;
  id.driver = (await created(as.mama!, url('/people'), {
    name: 'Papa van Yasmine', relation: 'andere ouder op school', ring: 2, roles: ['driving'], phone: '0470 99 99 99',
    availability: [{ weekday: 2, startsAt: '08:00', endsAt: '08:30', helpKind: 'driving' }, { weekday: 4, startsAt: '08:00', endsAt: '08:30', helpKind: 'driving' }],
  })).id;
  id.gezinszorg = (await created(as.coach!, url('/people'), {
    name: 'Sara (gezinszorg)', relation: 'thuishulp', ring: 3, roles: ['household', 'listening'], callAnytime: true, phone: '03 123 45 67',
  })).id;
  id.declined = (await created(as.coach!, url('/people'), { name: 'Tante Nadia', ring: 2, roles: ['driving'], status: 'declined', callAnytime: true })).id;
  id.tie = (await created(as.coach!, url('/ties'), { toPersonId: id.oma, kind: 'strong' })).id;
});

describe('network: people, ties, availability', () => {
  it('the family and its coach build the network; a person keeps several roles and their hours', async () => {
    const res = await as.mama!.request('GET', url());
    expect(res.statusCode).toBe(200);
    const network = res.json<{ people: { id: string; name: string; roles: string[]; contact: unknown; availability: unknown[] }[]; ties: { toPersonId: string; kind: string }[] }>();
    expect(network.people.map((p) => p.name)).toEqual(['Oma Khadija', 'Papa van Yasmine', 'Tante Nadia', 'Sara (gezinszorg)']);
    const oma = network.people.find((p) => p.id === id.oma)!;
    expect(oma.roles).toEqual(['childcare', 'listening']);
    expect(oma.contact).toEqual({ phone: PHONE, email: 'oma@example.org', address: null });
    expect(oma.availability).toEqual([{ weekday: 3, startsAt: '13:00', endsAt: '17:00', helpKind: null }]);
    expect(network.ties).toEqual([expect.objectContaining({ toPersonId: id.oma, kind: 'strong', fromPersonId: null })]);
  });

  it('who can drive on Tuesday morning: the parent with Tuesday hours, not the aunt who declined', async () => {
    const res = await as.coach!.request('GET', url('/availability?helpKind=driving&weekday=2&from=06:00&to=12:00'));
    expect(res.json<{ items: { name: string }[] }>().items.map((p) => p.name)).toEqual(['Papa van Yasmine']);
    const wednesday = await as.coach!.request('GET', url('/availability?helpKind=driving&weekday=3&from=06:00&to=12:00'));
    expect(wednesday.json<{ items: unknown[] }>().items).toEqual([]);
    const listen = await as.coach!.request('GET', url('/availability?helpKind=listening&weekday=1'));
    // Sara may be called any time; grandmother only has Wednesday hours.
    expect(listen.json<{ items: { name: string }[] }>().items.map((p) => p.name)).toEqual(['Sara (gezinszorg)']);
  });

  it('changes need If-Match, a stale one is 412; dragging on the map is a change like any other', async () => {
    const person = await (await as.coach!.request('GET', url(`/people/${id.driver}`))).json<{ version: number }>();
    expectError(await as.coach!.request('PATCH', url(`/people/${id.driver}`), { body: { mapAngle: 45 } }), 428, 'precondition_required');
    const moved = await as.mama!.request('PATCH', url(`/people/${id.driver}`), { body: { mapAngle: 45, ring: 2 }, headers: ifMatch(person.version) });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ mapAngle: 45, version: person.version + 1 });
    expectError(await as.coach!.request('PATCH', url(`/people/${id.driver}`), { body: { mapAngle: 90 }, headers: ifMatch(person.version) }), 412, 'precondition_failed');
  });

  it('refuses what is not right with 422 and the field', async () => {
    const bad = expectError(await as.coach!.request('POST', url('/people'), { body: { name: '', ring: 4, availability: [{ weekday: 8, startsAt: '9:00', endsAt: '08:00' }] } }), 422, 'validation_failed');
    expect(bad.details!.map((d) => d.field).sort()).toEqual(expect.arrayContaining(['name', 'ring']));
    const otherFamily = expectError(await as.coach!.request('POST', url('/ties'), { body: { toPersonId: b.familyId, kind: 'weak' } }), 422, 'validation_failed');
    expect(otherFamily.details).toEqual([expect.objectContaining({ field: 'toPersonId' })]);
  });

  it('an Idempotency-Key replays the first answer instead of adding the person twice', async () => {
    const headers = { 'idempotency-key': 'net-1' };
    const first = await as.coach!.request('POST', url('/people'), { body: { name: 'Meisje van de straat', ring: 2, roles: ['homework'] }, headers });
    const again = await as.coach!.request('POST', url('/people'), { body: { name: 'Meisje van de straat', ring: 2, roles: ['homework'] }, headers });
    expect(again.json()).toEqual(first.json());
    const names = (await as.coach!.request('GET', url())).json<{ people: { name: string }[] }>().people.filter((p) => p.name === 'Meisje van de straat');
    expect(names).toHaveLength(1);
  });

  it('removing a person asks a confirmation in the screen and takes their ties along here', async () => {
    const p = await created(as.coach!, url('/people'), { name: 'Weg', ring: 2 });
    await created(as.coach!, url('/ties'), { toPersonId: p.id, kind: 'stressful' });
    expect((await as.coach!.request('DELETE', url(`/people/${p.id}`), { headers: ifMatch(p.version) })).statusCode).toBe(204);
    const network = (await as.coach!.request('GET', url())).json<{ people: { id: string }[]; ties: { toPersonId: string }[] }>();
    expect(network.people.some((x) => x.id === p.id)).toBe(false);
    expect(network.ties.some((x) => x.toPersonId === p.id)).toBe(false);
  });
});

describe('network: contact details are the people\'s own', () => {
  it('a network member without a grant sees nobody; with a person grant, the person but not the number', async () => {
    const none = (await as.buur!.request('GET', url())).json<{ people: unknown[] }>();
    expect(none.people).toEqual([]);
    await expectSameAsRandom(as.buur!, 'GET', url(`/people/${id.oma}`), id.oma!);
    const grant = { collaborationId: a.collaborationId, familyId: a.familyId, participantId: a.participants.buur!, level: 'read' as const, grantedByParticipantId: a.participants.mama! };
    await t.db.insert(consentGrants).values({ ...grant, itemType: 'network_person', itemId: id.oma! });
    const res = await as.buur!.request('GET', url());
    expect(res.json<{ people: { name: string; contact: unknown }[] }>().people).toEqual([expect.objectContaining({ name: 'Oma Khadija', contact: null })]);
    expect(res.body).not.toContain(PHONE);
    expect(res.body).not.toContain('oma@example.org');
    // The history of the person carries no number either.
    const history = await as.buur!.request('GET', `/api/v1/families/${a.familyId}/history?itemType=network_person`);
    expect(history.statusCode).toBe(200);
    expect(history.body).toContain('Oma Khadija');
    expect(history.body).not.toContain(PHONE);
    // Read-only: a change is 403.
    expectError(await as.buur!.request('PATCH', url(`/people/${id.oma}`), { body: { name: 'x' }, headers: ifMatch(1) }), 403, 'forbidden');
    await t.db.insert(consentGrants).values({ ...grant, itemType: 'network_contact', itemId: id.oma! });
    const shared = await as.buur!.request('GET', url(`/people/${id.oma}`));
    expect(shared.json()).toMatchObject({ contact: { phone: PHONE } });
  });

  it('another family, another collaboration and a coordinator outside the circle get 404 like a random id, and nothing leaks', async () => {
    for (const who of ['ander', 'gentCoach', 'coordinator'] as const) {
      for (const path of ['', '/availability']) {
        const res = await as[who]!.request('GET', url(path));
        expectError(res, 404, 'not_found');
        expect(res.body).not.toContain(PHONE);
      }
      await expectSameAsRandom(as[who]!, 'GET', url(`/people/${id.oma}`), a.familyId);
      await expectSameAsRandom(as[who]!, 'PATCH', url(`/people/${id.oma}`), a.familyId, { name: 'x' });
      await expectSameAsRandom(as[who]!, 'DELETE', url(`/ties/${id.tie}`), a.familyId);
      await expectSameAsRandom(as[who]!, 'POST', url('/people'), a.familyId, { name: 'x', ring: 2 });
    }
  });

  it('a person of another family is 404 through this family too', async () => {
    const other = await created(as.coach!, `/api/v1/families/${b.familyId}/network/people`, { name: 'Elders', ring: 2, phone: '011 11 11 11' });
    await expectSameAsRandom(as.coach!, 'GET', url(`/people/${other.id}`), other.id);
  });
});

describe('network: audit and life-domain grants', () => {
  it('every read and change writes its access-log row', async () => {
    const read = await as.mama!.request('GET', url());
    expect((await auditRowsFor(t.db, requestIdOf(read))).map((r) => [r.action, r.entityType, r.familyId])).toEqual([['read', 'network', a.familyId]]);
    const person = await as.coach!.request('POST', url('/people'), { body: { name: 'Audit', ring: 3 } });
    expect((await auditRowsFor(t.db, requestIdOf(person))).map((r) => [r.action, r.entityType, r.entityId])).toEqual([['create', 'network_person', person.json<{ id: string }>().id]]);
    const denied = await as.coordinator!.request('GET', url());
    expect((await auditRowsFor(t.db, requestIdOf(denied))).map((r) => r.outcome)).toEqual(['not_found']);
  });

  it('a life-domain grant opens neither people nor their numbers', async () => {
    const gezin = await signIn(t.app, demo('coach2', 'gent'));
    const extra = await createTestFamily(t.db, { coaches: [demo('coach1')], people: { buur: { role: 'network_member', name: 'Buur', email: demo('coach2', 'gent') } } });
    const p = await created(as.coach!, `/api/v1/families/${extra.familyId}/network/people`, { name: 'Geheim nummer', ring: 2, phone: '0499 00 00 00' });
    await t.db.insert(consentGrants).values(extra.lifeDomainIds.map((lifeDomainId) => ({ collaborationId: extra.collaborationId, familyId: extra.familyId, participantId: extra.participants.buur!, lifeDomainId, level: 'read' as const })));
    const res = await gezin.request('GET', `/api/v1/families/${extra.familyId}/network`);
    expect(res.json()).toEqual({ people: [], ties: [] });
    await expectSameAsRandom(gezin, 'GET', `/api/v1/families/${extra.familyId}/network/people/${p.id}`, p.id);
  });
});

describe('network in the printed plan', () => {
  it('the plan PDF has the network as a map and as a table, with numbers only for who may read them', async () => {
    const family = pdfText((await as.mama!.request('GET', `/api/v1/families/${a.familyId}/export?format=pdf`)).rawPayload);
    expect(family).toContain('Ons netwerk');
    // The map: its centre and ring labels are drawn text, and its caption says it in words.
    expect(family).toContain('Wij');
    expect(family).toContain('Het netwerk als kaart');
    expect(family).toContain('Oma Khadija');
    // pdftotext may wrap a cell over two lines.
    expect(family).toMatch(/0470\s+12/);
    expect(family).toContain('zei nee');
    const json = await as.mama!.request('GET', `/api/v1/families/${a.familyId}/export?format=json`);
    expect(json.json<{ network: { people: unknown[] } }>().network.people.length).toBeGreaterThan(3);
  });
});
