import type * as R4 from 'fhir/r4';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleErrors } from '../../test/fhir-validators.ts';
import { expectError, RANDOM_UUID } from '../../test/helpers.ts';
import { created, expectSameAsRandom, ifMatch } from '../plan/plan-test-support.ts';
import { TEXT, useDoorsWorld } from '../sharing/doors-fixture.ts';

/*
 * The warm handover as a FHIR document: a Composition with the note and exactly what the family
 * chose to pass on (parenting, not money, though the coach proposed both), valid for both validators,
 * for the family and its coaches only.
 */
const w = useDoorsWorld();
const { as } = w;
const PARENTING_GOAL = 'Opvoedingsdoel voor de nieuwe dienst';
let handover: { id: string; version: number };
let proposed: { id: string; version: number };

beforeAll(async () => {
  const family = (await as.coach!.request('GET', w.url(''))).json<{ collaborationId: string }>();
  const entryId = (await as.coach!.request('GET', `/api/v1/social-map?collaborationId=${family.collaborationId}`)).json().items[0].id;
  await created(as.coach!, w.url('goals'), { text: PARENTING_GOAL, lifeDomainId: w.domains.parenting });
  const body = { socialMapEntryId: entryId, contactName: 'Ann De Wit', contactEmail: 'ann.dewit@ckg.example', note: 'Malika wil verder werken aan <rust> & regelmaat.', shares: [{ lifeDomainId: w.domains.parenting }, { lifeDomainId: w.domains.money }] };
  handover = await created(as.coach!, w.url('handovers'), body);
  const approved = await as.malika!.request('POST', w.url(`handovers/${handover.id}/approve`), { body: { shares: [{ lifeDomainId: w.domains.parenting }] }, headers: ifMatch(handover.version) });
  expect(approved.statusCode, approved.body).toBe(200);
  proposed = await created(as.coach!, w.url('handovers'), { ...body, contactEmail: 'iemand@caw.example' });
});

describe('the warm handover as a FHIR document', () => {
  it('holds the note and exactly what the family chose (parenting), valid for both validators', async () => {
    for (const who of ['coach', 'malika']) {
      const res = await as[who]!.request('GET', w.url(`handovers/${handover.id}/fhir`));
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/fhir\+json/);
      const bundle = res.json<R4.Bundle>();
      expect(bundle.type).toBe('document');
      expect(bundleErrors(bundle)).toEqual([]);
      const composition = bundle.entry![0]!.resource as R4.Composition;
      expect(composition.resourceType).toBe('Composition');
      expect(composition.section?.[0]?.text?.div).toContain('rust&gt; &amp; regelmaat');
      const goals = bundle.entry!.map((e) => e.resource!).filter((r): r is R4.Goal => r.resourceType === 'Goal').map((g) => g.description.text);
      expect(goals).toEqual([PARENTING_GOAL]);
      for (const secret of [TEXT.moneyGoal, TEXT.moneyAgreement, 'Achterstand bij de energiefactuur', TEXT.malikaPrivate]) expect(res.body).not.toContain(secret);
      // Every reference of the document resolves inside it.
      const urls = new Set(bundle.entry!.map((e) => `${e.resource!.resourceType}/${e.resource!.id}`));
      expect([...res.body.matchAll(/"reference":"([A-Za-z]+\/[^"]+)"/g)].map((m) => m[1]!).filter((r) => !urls.has(r))).toEqual([]);
    }
  });

  it('a handover not approved yet has no document (409); others in the circle and outside get 404', async () => {
    expectError(await as.coach!.request('GET', w.url(`handovers/${proposed.id}/fhir`)), 409, 'conflict');
    expectError(await as.coach!.request('GET', w.url(`handovers/${RANDOM_UUID}/fhir`)), 404, 'not_found');
    for (const who of ['teacher', 'oma', 'jason', 'gentCoach', 'coordinator']) {
      await expectSameAsRandom(as[who]!, 'GET', w.url(`handovers/${handover.id}/fhir`), handover.id);
    }
  });
});
