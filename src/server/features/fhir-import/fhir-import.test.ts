import { and, eq, sql } from 'drizzle-orm';
import type * as R4 from 'fhir/r4';
import { beforeAll, describe, expect, it } from 'vitest';
import { accessLog, families, priorInvolvements } from '../../db/schema/index.ts';
import { collaborationIdOf } from '../../test/helpers.ts';
import { demo, signIn, signInByLink, useTestApp, type Client } from '../../test/harness.ts';
import { bundleErrors } from '../../test/fhir-validators.ts';

/*
 * A family moves from Antwerpen to Gent: Malika's coach downloads her file as FHIR, Gent's coach
 * previews and imports it with the family's consent, and Gent's export holds the same plan.
 * Everyone else is refused, and a bundle with anything not understood creates nothing.
 */
const t = useTestApp();
const as: Record<string, Client> = {};
let gent = ''; let antwerpen = ''; let bundle: R4.Bundle;
const consent = { familyAgreed: true, organisationName: '1G1P Antwerpen' };
const url = (c: string, preview = false) => `/api/v1/collaborations/${c}/fhir-import${preview ? '/preview' : ''}`;
const familyCount = async () => (await t.db.select({ n: sql<number>`count(*)::int` }).from(families))[0]!.n;

beforeAll(async () => {
  gent = await collaborationIdOf(t.db, 'gent');
  antwerpen = await collaborationIdOf(t.db, 'antwerpen');
  for (const [key, email] of Object.entries({
    coach: demo('coach2', 'antwerpen'), gentCoach: demo('coach1', 'gent'), gentCoordinator: demo('coordinator', 'gent'),
    gentReferrer: demo('referrer', 'gent'),
  })) as[key] = await signIn(t.app, email);
  as.oma = await signInByLink(t.app, t.db, 'oma.fatima@gezinsplan.example');
  const familyId = (await as.coach!.request('GET', '/api/v1/families?q=Malika')).json().items[0].id;
  const res = await as.coach!.request('GET', `/api/v1/families/${familyId}/fhir`);
  expect(res.statusCode, res.body).toBe(200);
  bundle = res.json<R4.Bundle>();
});

/** The plan as a family would recognise it, without ids and times. */
function planOf(b: R4.Bundle) {
  const all = (b.entry ?? []).map((e) => e.resource!);
  const of = <T extends R4.FhirResource>(type: T['resourceType']) => all.filter((r) => r.resourceType === type) as T[];
  const goals = new Map(of<R4.Goal>('Goal').map((g) => [`Goal/${g.id}`, g.description.text]));
  const progress = (ref: string) => of<R4.Observation>('Observation').filter((o) => o.focus?.[0]?.reference === ref).sort((x, y) => (x.effectiveDateTime ?? '').localeCompare(y.effectiveDateTime ?? '')).at(-1)?.valueInteger ?? null;
  return {
    members: of<R4.Patient>('Patient').map((p) => p.name![0]!.text).sort(),
    network: of<R4.RelatedPerson>('RelatedPerson').filter((r) => r.relationship?.some((c) => c.coding?.[0]?.system?.endsWith('network-status'))).map((r) => r.name![0]!.text).sort(),
    goals: of<R4.Goal>('Goal').map((g) => ({ text: g.description.text, status: g.achievementStatus!.coding!.map((c) => c.code), domain: g.category?.[0]?.coding?.[0]?.code, progress: progress(`Goal/${g.id}`), due: g.target?.[0]?.dueDate ?? null })).sort((x, y) => (x.text ?? '').localeCompare(y.text ?? '')),
    agreements: of<R4.Task>('Task').map((a) => ({ what: a.description, status: a.status, due: a.restriction?.period?.end ?? null, goal: a.focus ? goals.get(a.focus.reference!) : null, owner: a.owner?.reference?.startsWith('Patient/') ? a.owner.display : 'coach' })).sort((x, y) => x.what!.localeCompare(y.what!)),
  };
}

describe('importing a FHIR bundle into a new family file', () => {
  it('the preview shows what would be created and creates nothing', async () => {
    const before = await familyCount();
    const res = await as.gentCoach!.request('POST', url(gent, true), { body: { bundle } });
    expect(res.statusCode, res.body).toBe(200);
    const preview = res.json();
    const plan = planOf(bundle);
    expect(preview.familyName).toMatch(/Malika|Gezin/);
    expect(preview.members.map((m: { name: string }) => m.name).sort()).toEqual(plan.members);
    expect(preview.goals.map((g: { text: string }) => g.text).sort()).toEqual(plan.goals.map((g) => g.text));
    expect(preview.agreements).toHaveLength(plan.agreements.length);
    expect(preview.problems).toEqual([]);
    expect(preview.leftOut.map((l: { resourceType: string }) => l.resourceType)).toContain('AuditEvent');
    expect(await familyCount()).toBe(before);
  });

  it('round trip: export in Antwerpen → import in Gent → export in Gent gives the same plan', async () => {
    const res = await as.gentCoach!.request('POST', url(gent), { body: { bundle, consent } });
    expect(res.statusCode, res.body).toBe(201);
    const { familyId } = res.json<{ familyId: string }>();
    const again = await as.gentCoach!.request('GET', `/api/v1/families/${familyId}/fhir`);
    expect(again.statusCode, again.body).toBe(200);
    const exported = again.json<R4.Bundle>();
    expect(bundleErrors(exported)).toEqual([]);
    expect(planOf(exported)).toEqual(planOf(bundle));
    expect(planOf(bundle).goals.length).toBeGreaterThan(0);
    // The family's yes is recorded as a prior involvement whose records consent a parent gave.
    const [prior] = await t.db.select().from(priorInvolvements).where(and(eq(priorInvolvements.collaborationId, gent), eq(priorInvolvements.familyId, familyId)));
    expect(prior).toMatchObject({ organisationName: '1G1P Antwerpen', recordsConsent: 'given' });
    expect(prior!.decidedByParticipantId).not.toBeNull();
    const logged = await t.db.select().from(accessLog).where(and(eq(accessLog.familyId, familyId), eq(accessLog.action, 'create')));
    expect(logged.map((l) => l.entityType)).toEqual(expect.arrayContaining(['family', 'goal', 'agreement', 'prior_involvement']));
    // Antwerpen's file is untouched and Antwerpen's coach cannot see the new one.
    expect((await as.coach!.request('GET', `/api/v1/families/${familyId}`)).statusCode).toBe(404);
  });

  it('without the family\'s consent nothing is imported (422)', async () => {
    const before = await familyCount();
    for (const body of [{ bundle }, { bundle, consent: { ...consent, familyAgreed: false } }, { bundle, consent: { familyAgreed: true, organisationName: ' ' } }]) {
      const res = await as.gentCoach!.request('POST', url(gent), { body });
      expect(res.statusCode, res.body).toBe(422);
    }
    expect(await familyCount()).toBe(before);
  });

  it('malformed or unknown content: the preview lists it, the import answers 422 with the list and creates nothing', async () => {
    const entry = [...bundle.entry!];
    const goalAt = entry.findIndex((e) => e.resource!.resourceType === 'Goal');
    entry[goalAt] = { resource: { ...entry[goalAt]!.resource, lifecycleStatus: 'busy' } as unknown as R4.Goal };
    entry.push({ resource: { resourceType: 'MedicationRequest', id: 'm1', status: 'active', intent: 'order', subject: { reference: 'Patient/x' } } as R4.MedicationRequest });
    const broken = { ...bundle, entry };
    const preview = (await as.gentCoach!.request('POST', url(gent, true), { body: { bundle: broken } })).json();
    expect(preview.problems).toEqual(expect.arrayContaining([
      { resourceType: 'Goal', path: `entry[${goalAt}].resource.lifecycleStatus`, reason: 'invalid_value' },
      { resourceType: 'MedicationRequest', path: `entry[${entry.length - 1}].resource`, reason: 'unknown_resource' },
    ]));
    const before = await familyCount();
    const res = await as.gentCoach!.request('POST', url(gent), { body: { bundle: broken, consent } });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('fhir_import_not_understood');
    expect(res.json().error.details.map((d: { code: string }) => d.code)).toEqual(expect.arrayContaining(['invalid_value', 'unknown_resource']));
    expect(await familyCount()).toBe(before);
    const notABundle = await as.gentCoach!.request('POST', url(gent, true), { body: { bundle: { resourceType: 'Patient' } } });
    expect(notABundle.json().problems.length).toBeGreaterThan(0);
  });

  it('the coordinator previews too; other collaborations, referrers and network members are refused', async () => {
    expect((await as.gentCoordinator!.request('POST', url(gent, true), { body: { bundle } })).statusCode).toBe(200);
    const before = await familyCount();
    const tries: [Client, string, number][] = [
      [as.coach!, gent, 404], [as.gentCoach!, antwerpen, 404], [as.gentReferrer!, gent, 403], [as.oma!, gent, 404], [as.oma!, antwerpen, 404],
    ];
    for (const [client, c, status] of tries) {
      const preview = await client.request('POST', url(c, true), { body: { bundle } });
      expect(preview.statusCode, preview.body).toBe(status);
      expect(preview.body).not.toContain('Malika');
      expect((await client.request('POST', url(c), { body: { bundle, consent } })).statusCode).toBe(status);
    }
    expect(await familyCount()).toBe(before);
  });
});
