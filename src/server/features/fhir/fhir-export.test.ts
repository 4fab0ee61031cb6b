import { and, eq } from 'drizzle-orm';
import type * as R4 from 'fhir/r4';
import { beforeAll, describe, expect, it } from 'vitest';
import { accessLog } from '../../db/schema/index.ts';
import type { Client } from '../../test/harness.ts';
import { bundleErrors } from '../../test/fhir-validators.ts';
import { expectSameAsRandom } from '../plan/plan-test-support.ts';
import { created } from '../plan/plan-test-support.ts';
import { CONTACT_DETAILS, DEMO_UNSHARED, SHARED_SCHOOL_GOAL, TEXT, useDoorsWorld } from '../sharing/doors-fixture.ts';

/*
 * The family file as FHIR R4: every resource passes both third-party validators, for the coach and
 * for people the family shared parts with, and the export holds exactly what the asker may see,
 * never an item marked private.
 */
const w = useDoorsWorld();
const { as, pid, id } = w;
const RESOURCE_TYPES = ['Appointment', 'AuditEvent', 'CarePlan', 'CareTeam', 'Communication', 'Consent', 'Goal', 'Group', 'Observation', 'Patient', 'Practitioner', 'RelatedPerson', 'Task'];

beforeAll(async () => {
  // A round table, a reflection and a conversation, so every kind of resource is in the file.
  const start = new Date(Date.now() + 7 * 86_400_000);
  const hour = (h: number) => new Date(start.getTime() + h * 3_600_000).toISOString();
  await created(as.coach!, w.url('meetings'), {
    title: 'Netwerktafel', place: 'Bij Malika thuis', items: [
      { title: 'School', lifeDomainId: w.domains.school, startsAt: hour(0), endsAt: hour(1), inviteeIds: [pid.malika, pid.teacher] },
      { title: 'Geld', lifeDomainId: w.domains.money, startsAt: hour(1), endsAt: hour(2), inviteeIds: [pid.malika] },
    ],
  });
  await created(as.coach!, w.url('reflections'), { reflectedOn: '2026-11-01', competence: 2, motivation: 4, social: 3, note: 'Malika durft meer te vragen' });
  const coach = (await as.coach!.request('GET', w.url(''))).json<{ myParticipantId: string }>().myParticipantId;
  const conversation = await created(as.malika!, w.url('messages/conversations'), { title: 'Huiswerk', participantIds: [pid.teacher, coach] });
  await created(as.malika!, w.url(`messages/conversations/${conversation.id}/messages`), { body: 'Sami heeft vandaag zijn rekenen af' });
  const money = await created(as.malika!, w.url('messages/conversations'), { title: 'Geld', participantIds: [pid.yasmina, coach] });
  await created(as.malika!, w.url(`messages/conversations/${money.id}/messages`), { body: 'Kluisbericht over de deurwaarder' });
});

async function exportOf(client: Client) {
  const res = await client.request('GET', w.url('fhir'));
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toMatch(/^application\/fhir\+json/);
  return { bundle: res.json<R4.Bundle>(), body: res.body };
}
const typesIn = (bundle: R4.Bundle) => [...new Set((bundle.entry ?? []).map((e) => e.resource!.resourceType))].sort();
const resourcesOf = <T extends R4.FhirResource>(bundle: R4.Bundle, type: T['resourceType']) => (bundle.entry ?? []).map((e) => e.resource as T).filter((r) => r.resourceType === type);

describe('the family file as FHIR R4', () => {
  it('the validators catch what is wrong (the control for the checks below)', () => {
    const broken = { resourceType: 'Goal', id: 'x', lifecycleStatus: 'busy', subject: { reference: 'Group/x' }, colour: 'red' } as unknown as R4.Goal;
    const errors = bundleErrors({ resourceType: 'Bundle', type: 'collection', entry: [{ resource: broken }] });
    expect(errors.some((e) => e.startsWith('fhir.js Goal/x'))).toBe(true);
    expect(errors.some((e) => e.startsWith('medplum Goal/x'))).toBe(true);
  });

  it('the coach\'s export: every resource valid for FHIR.js and Medplum, every kind of resource, logged as an export', async () => {
    const { bundle, body } = await exportOf(as.coach!);
    expect(bundle.type).toBe('collection');
    expect(typesIn(bundle)).toEqual(RESOURCE_TYPES);
    expect(bundleErrors(bundle)).toEqual([]);
    // fullUrls are unique and every reference inside the bundle points at a resource in it.
    const urls = (bundle.entry ?? []).map((e) => `${e.resource!.resourceType}/${e.resource!.id}`);
    expect(new Set(urls).size).toBe(urls.length);
    const references = [...body.matchAll(/"reference":"([A-Za-z]+\/[^"]+)"/g)].map((m) => m[1]!);
    expect(references.filter((r) => !urls.includes(r))).toEqual([]);
    // What the coach sees is in it, with the plan's content.
    expect(body).toContain(TEXT.moneyGoal);
    expect(body).toContain(TEXT.moneyAgreement);
    expect(body).toContain('Kluisbericht over de deurwaarder');
    const goal = resourcesOf<R4.Goal>(bundle, 'Goal').find((g) => g.description.text === SHARED_SCHOOL_GOAL)!;
    expect(goal.category?.[0]?.coding?.[0]?.code).toBe('school');
    expect(goal.target?.[0]?.detailInteger).toBe(5);
    // The progress history: Sami's homework goal went from 1 to 3 in the demo.
    const measured = resourcesOf<R4.Observation>(bundle, 'Observation').filter((o) => o.focus?.[0]?.reference === `Goal/${goal.id}`);
    expect(measured.map((o) => o.valueInteger)).toEqual([1, 3]);
    expect(goal.outcomeReference?.map((r) => r.reference)).toEqual(measured.map((o) => `Observation/${o.id}`));
    const reflection = resourcesOf<R4.Observation>(bundle, 'Observation').find((o) => o.code.coding?.[0]?.code === 'reflection')!;
    expect(reflection.component?.map((c) => [c.code.coding?.[0]?.code, c.valueInteger])).toEqual([['competence', 2], ['motivation', 4], ['social', 3]]);
    // The teacher's grant on school, as a Consent naming him and the life domain.
    const consent = resourcesOf<R4.Consent>(bundle, 'Consent').find((c) => c.provision?.actor?.[0]?.reference.reference?.endsWith(pid.teacher!))!;
    expect(consent.provision?.code?.[0]?.coding?.[0]?.code).toBe('school');
    const [row] = await w.t.db.select().from(accessLog).where(and(eq(accessLog.entityType, 'family_fhir'), eq(accessLog.familyId, w.familyId)));
    expect(row?.action).toBe('export');
  });

  it('items a family member marked private never leave, not even in the coach\'s export or the author\'s own', async () => {
    for (const who of ['coach', 'malika', 'yasmina']) {
      const { body } = await exportOf(as[who]!);
      for (const k of ['malikaPrivate', 'yasminaPrivate'] as const) {
        expect(body, who).not.toContain(TEXT[k]);
        expect(body, who).not.toContain(id[k]);
      }
    }
  });

  it('the teacher\'s export holds only what was shared with him, and is valid too', async () => {
    const { bundle, body } = await exportOf(as.teacher!);
    expect(bundleErrors(bundle)).toEqual([]);
    expect(body).toContain(SHARED_SCHOOL_GOAL);
    expect(body).toContain('Huiswerk lukt niet door de geldzorgen');
    expect(body).toContain('Sami heeft vandaag zijn rekenen af');
    for (const secret of [TEXT.moneyGoal, TEXT.moneyAgreement, TEXT.moneyContact, id.moneyGoal!, 'Kluisbericht over de deurwaarder', ...DEMO_UNSHARED, ...CONTACT_DETAILS]) {
      expect(body).not.toContain(secret);
    }
    // Who may see what and who looked are the family's own.
    expect(typesIn(bundle)).not.toContain('Consent');
    expect(typesIn(bundle)).not.toContain('AuditEvent');
    // Of the round table, only his item's hour.
    const [meeting] = resourcesOf<R4.Appointment>(bundle, 'Appointment');
    expect(meeting?.reasonCode?.map((c) => c.coding?.[0]?.code)).toEqual(['school']);
  });

  it('Oma Fatima\'s export (network) is valid and holds nothing of school or money', async () => {
    const { bundle, body } = await exportOf(as.oma!);
    expect(bundleErrors(bundle)).toEqual([]);
    expect(body).toContain('Weten wie mij waarmee helpt');
    for (const secret of [SHARED_SCHOOL_GOAL, TEXT.moneyGoal, ...DEMO_UNSHARED, ...CONTACT_DETAILS]) expect(body).not.toContain(secret);
  });

  it('another family\'s parent, another family\'s coach, a coordinator outside the circle and another collaboration get 404, as for a random family', async () => {
    for (const who of ['jason', 'otherCoach', 'coordinator', 'gentCoordinator', 'gentCoach']) {
      await expectSameAsRandom(as[who]!, 'GET', w.url('fhir'), w.familyId);
    }
  });
});
