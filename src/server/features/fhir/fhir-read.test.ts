import { and, eq } from 'drizzle-orm';
import type * as R4 from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { accessLog } from '../../db/schema/index.ts';
import type { Client } from '../../test/harness.ts';
import { bundleErrors, fhirErrors } from '../../test/fhir-validators.ts';
import { RANDOM_UUID } from '../../test/helpers.ts';
import { SHARED_SCHOOL_GOAL, TEXT, useDoorsWorld } from '../sharing/doors-fixture.ts';

/*
 * The FHIR R4 read API for partner systems: the CapabilityStatement, search by family and read by id,
 * through the same scope as the export; errors are OperationOutcomes, and what is out of sight
 * answers exactly like what does not exist.
 */
const w = useDoorsWorld();
const { as, id } = w;

const get = (client: Client, path: string) => client.request('GET', `/fhir/R4/${path}`);
function expectOutcome(res: { statusCode: number; headers: Record<string, unknown>; json: <T>() => T }, status: number, code: string) {
  expect(res.statusCode).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/fhir\+json/);
  const outcome = res.json<R4.OperationOutcome>();
  expect(fhirErrors(outcome)).toEqual([]);
  expect(outcome.issue[0]?.code).toBe(code);
  return outcome;
}

describe('the FHIR R4 read API', () => {
  it('answers its CapabilityStatement without signing in, valid for both validators', async () => {
    const res = await w.t.app.inject({ method: 'GET', url: '/fhir/R4/metadata' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/fhir\+json/);
    const statement = res.json<R4.CapabilityStatement>();
    expect(fhirErrors(statement)).toEqual([]);
    expect(statement.rest?.[0]?.resource?.map((r) => r.type)).toContain('CarePlan');
  });

  it('the coach searches the goals of the family and reads the plan and one goal; all valid', async () => {
    const search = await get(as.coach!, `Goal?family=${w.familyId}`);
    expect(search.statusCode).toBe(200);
    const bundle = search.json<R4.Bundle>();
    expect(bundle.type).toBe('searchset');
    expect(bundleErrors(bundle)).toEqual([]);
    const texts = (bundle.entry ?? []).map((e) => (e.resource as R4.Goal).description.text);
    expect(texts).toContain(TEXT.moneyGoal);
    expect(texts).not.toContain(TEXT.yasminaPrivate);
    expect(bundle.total).toBe(texts.length);
    const [logged] = await w.t.db.select().from(accessLog).where(and(eq(accessLog.entityType, 'fhir_Goal'), eq(accessLog.action, 'search')));
    expect(logged?.familyId).toBe(w.familyId);

    const plan = await get(as.coach!, `CarePlan/${w.familyId}`);
    expect(plan.statusCode).toBe(200);
    expect(fhirErrors(plan.json<R4.CarePlan>())).toEqual([]);
    const goal = await get(as.coach!, `Goal/${id.moneyGoal}`);
    expect(goal.json<R4.Goal>().description.text).toBe(TEXT.moneyGoal);
    const one = (await get(as.coach!, `Goal?family=${w.familyId}&_id=${id.moneyGoal}`)).json<R4.Bundle>();
    expect(one.total).toBe(1);
  });

  it('the teacher searches and reads only what was shared with him; the rest answers like a random id', async () => {
    const goals = (await get(as.teacher!, `Goal?family=${w.familyId}`)).json<R4.Bundle>();
    expect((goals.entry ?? []).map((e) => (e.resource as R4.Goal).description.text)).toEqual([SHARED_SCHOOL_GOAL]);
    expect((await get(as.teacher!, `Consent?family=${w.familyId}`)).json<R4.Bundle>().total).toBe(0);
    for (const key of ['moneyGoal', 'yasminaPrivate'] as const) {
      const real = await get(as.teacher!, `Goal/${id[key]}`);
      const random = await get(as.teacher!, `Goal/${RANDOM_UUID}`);
      expectOutcome(real, 404, 'not-found');
      expect(real.body).toBe(random.body);
    }
  });

  it('another family\'s parent, another collaboration and a coordinator outside the circle: 404 as for a random family', async () => {
    for (const who of ['jason', 'gentCoach', 'gentCoordinator', 'coordinator']) {
      for (const path of [`Goal?family=${w.familyId}`, `CarePlan/${w.familyId}`, `Group/${w.familyId}`, `Goal/${id.moneyGoal}`]) {
        const real = await get(as[who]!, path);
        expectOutcome(real, 404, 'not-found');
        expect(real.body, `${who} ${path}`).toBe((await get(as[who]!, path.replaceAll(w.familyId, RANDOM_UUID).replace(id.moneyGoal!, RANDOM_UUID))).body);
      }
    }
  });

  it('without signing in 401, a search without family 400, an unknown type 404: all OperationOutcomes', async () => {
    expectOutcome(await w.t.app.inject({ method: 'GET', url: `/fhir/R4/Goal?family=${w.familyId}` }), 401, 'login');
    expectOutcome(await get(as.coach!, 'Goal'), 400, 'invalid');
    expectOutcome(await get(as.coach!, `Medication?family=${w.familyId}`), 404, 'not-found');
    expectOutcome(await get(as.coach!, 'Nothing/here/at/all'), 404, 'not-found');
  });
});
