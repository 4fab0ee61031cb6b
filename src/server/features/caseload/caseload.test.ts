import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { families } from '../../db/schema/index.ts';
import { createTestFamily } from '../../test/families.ts';
import { demo, signIn, useTestApp, type Client } from '../../test/harness.ts';
import { collaborationIdOf, expectError, userIdOf } from '../../test/helpers.ts';
import { created, ifMatch } from '../plan/plan-test-support.ts';

const t = useTestApp();
const C1 = demo('coach1', 'gent');
const C2 = demo('coach2', 'gent');
const as = {} as Record<'c1' | 'c2' | 'coordinator' | 'antwerpen', Client>;
let gent: string;
const caseload = (who: Client, q = 'from=2020-01-01&to=2020-02-29') => who.request('GET', `/api/v1/collaborations/${gent}/caseload?${q}`);
type Coach = { userId: string; families: number; minutes: number; perMonth: { month: string; minutes: number }[]; partnerOrganisationId: string | null };
type Partner = { partnerOrganisationId: string | null; families: number; minutes: number; coaches: number };
let before: { coaches: Coach[]; partners: Partner[] };

beforeAll(async () => {
  as.c1 = await signIn(t.app, C1);
  as.c2 = await signIn(t.app, C2);
  as.coordinator = await signIn(t.app, demo('coordinator', 'gent'));
  as.antwerpen = await signIn(t.app, demo('coordinator', 'antwerpen'));
  gent = await collaborationIdOf(t.db, 'gent');
  before = (await caseload(as.coordinator)).json();
  const a = await createTestFamily(t.db, { collaboration: 'gent', displayName: 'Gezin Uren A', coaches: [C1] });
  const b = await createTestFamily(t.db, { collaboration: 'gent', displayName: 'Gezin Uren B', coaches: [C1, C2] });
  const closed = await createTestFamily(t.db, { collaboration: 'gent', displayName: 'Gezin Uren Dicht', coaches: [C1] });
  const contact = (who: Client, familyId: string, occurredOn: string, minutesSpent?: number) =>
    created(who, `/api/v1/families/${familyId}/contacts`, { occurredOn, place: 'home', summary: 'Bezoek', ...(minutesSpent !== undefined && { minutesSpent }) });
  await contact(as.c1, a.familyId, '2020-01-10', 60);
  await contact(as.c1, a.familyId, '2020-01-20', 30);
  await contact(as.c1, b.familyId, '2020-02-05', 45);
  await contact(as.c1, a.familyId, '2020-01-11');
  await contact(as.c1, a.familyId, '2019-12-31', 90);
  await contact(as.c1, a.familyId, '2020-03-01', 90);
  const gone = await contact(as.c1, a.familyId, '2020-02-06', 100);
  await as.c1.request('DELETE', `/api/v1/families/${a.familyId}/contacts/${gone.id}`, { headers: ifMatch(gone.version) });
  await contact(as.c2, b.familyId, '2020-02-10', 20);
  await contact(as.c1, closed.familyId, '2020-02-11', 15);
  await t.db.update(families).set({ status: 'closed' }).where(eq(families.id, closed.familyId));
});

describe('the caseload', () => {
  it('counts families now and minutes per month, per coach, against hand-computed values', async () => {
    const res = await caseload(as.coordinator);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.months).toEqual(['2020-01', '2020-02']);
    const [u1, u2] = [await userIdOf(t.db, C1), await userIdOf(t.db, C2)];
    const coach = (list: Coach[], id: string) => list.find((c) => c.userId === id)!;
    // Jan: 60 + 30 (the one without minutes adds nothing); Feb: 45 + 15 (closed family: its hours were spent); the deleted 100 and the
    // ones outside the period do not count.
    expect(coach(body.coaches, u1)).toMatchObject({ minutes: 150, perMonth: [{ month: '2020-01', minutes: 90 }, { month: '2020-02', minutes: 60 }] });
    expect(coach(body.coaches, u1).families - coach(before.coaches, u1).families).toBe(2);
    expect(coach(body.coaches, u2)).toMatchObject({ minutes: 20, perMonth: [{ month: '2020-01', minutes: 0 }, { month: '2020-02', minutes: 20 }] });
    expect(coach(body.coaches, u2).families - coach(before.coaches, u2).families).toBe(1);
  });

  it('adds up per partner organisation, a shared family once', async () => {
    const body = (await caseload(as.coordinator)).json();
    const [u1, u2] = [await userIdOf(t.db, C1), await userIdOf(t.db, C2)];
    const p1 = body.coaches.find((c: Coach) => c.userId === u1).partnerOrganisationId;
    const p2 = body.coaches.find((c: Coach) => c.userId === u2).partnerOrganisationId;
    const partner = (list: Partner[], id: string | null) => list.find((p) => p.partnerOrganisationId === id)!;
    const delta = (id: string | null, key: 'minutes' | 'families') => partner(body.partners, id)[key] - partner(before.partners, id)[key];
    if (p1 === p2) {
      expect(delta(p1, 'minutes')).toBe(170);
      expect(delta(p1, 'families')).toBe(2);
    } else {
      expect([delta(p1, 'minutes'), delta(p2, 'minutes')]).toEqual([150, 20]);
      expect([delta(p1, 'families'), delta(p2, 'families')]).toEqual([2, 1]);
    }
    // Every coach is in exactly one partner row.
    expect(body.partners.reduce((n: number, p: Partner) => n + p.coaches, 0)).toBe(body.coaches.length);
    expect(JSON.stringify(body)).not.toContain('Gezin Uren');
  });

  it('is for coordinators: a coach gets 403, another collaboration 404, a bad period 400', async () => {
    expectError(await caseload(as.c1), 403, 'forbidden');
    expectError(await caseload(as.antwerpen), 404, 'not_found');
    expect((await caseload(as.coordinator, 'from=2020-03-01&to=2020-01-01')).statusCode).toBe(400);
  });
});
