import { and, eq, isNull } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { accessLog, families, registrationCoaches, registrations } from '../../db/schema/index.ts';
import { brusselsDate } from '../registrations/timing.ts';
import { createTestFamily, type TestFamily } from '../../test/families.ts';
import { demo, signIn, useTestApp, type Client } from '../../test/harness.ts';
import { userIdOf } from '../../test/helpers.ts';
import { created } from '../plan/plan-test-support.ts';

const t = useTestApp();
const COACH = demo('coach1', 'gent');
let coach: Client;
const f: Record<'overdue' | 'dueSoon' | 'calm' | 'closed' | 'removed' | 'otherCoach', TestFamily> = {} as never;
const today = brusselsDate(new Date());
const shift = (days: number) => new Date(Date.parse(`${today}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const url = (fam: TestFamily, path: string) => `/api/v1/families/${fam.familyId}/${path}`;

async function agreement(fam: TestFamily, dueDate: string) {
  await created(coach, url(fam, 'agreements'), { what: `Afspraak tegen ${dueDate}`, ownerParticipantId: fam.participants.mama, dueDate });
}
const contact = (fam: TestFamily, occurredOn: string) => created(coach, url(fam, 'contacts'), { occurredOn, place: 'home', summary: 'Huisbezoek' });

beforeAll(async () => {
  coach = await signIn(t.app, COACH);
  const family = (name: string, coaches = [COACH], removed = false) => createTestFamily(t.db, {
    collaboration: 'gent', displayName: name, coaches, people: { mama: { role: 'parent', name: 'Mama' }, ...(removed && { me: { role: 'coach', name: 'ik', email: COACH, removed: true } }) },
  });
  f.overdue = await family('Gezin Achterstand');
  f.dueSoon = await family('Gezin Binnenkort');
  f.calm = await family('Gezin Rustig');
  f.closed = await family('Gezin Afgesloten');
  f.removed = await family('Gezin Vroeger', [], true);
  f.otherCoach = await family('Gezin Ander', [demo('coach2', 'gent')]);
  await agreement(f.overdue, shift(-3));
  await contact(f.overdue, shift(-30));
  await agreement(f.dueSoon, shift(3));
  await contact(f.dueSoon, today);
  await contact(f.calm, today);
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
  const later = new Date(Date.now() + 90_000_000).toISOString();
  await created(coach, url(f.calm, 'meetings'), { title: 'Rondetafel', items: [{ title: 'School', startsAt: tomorrow, endsAt: later }] });
  await t.db.update(families).set({ status: 'closed' }).where(eq(families.id, f.closed.familyId));
});

describe('the coach\'s home page', () => {
  it('lists my running families, what needs attention first', async () => {
    const res = await coach.request('GET', '/api/v1/me/workspace');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.today).toBe(today);
    const mine = body.families.filter((x: { displayName: string }) => x.displayName.startsWith('Gezin '));
    expect(mine.map((x: { displayName: string }) => x.displayName)).toEqual(['Gezin Achterstand', 'Gezin Binnenkort', 'Gezin Rustig']);
    expect(mine[0]).toMatchObject({
      id: f.overdue.familyId, attention: 'now', overdueAgreements: 1, dueSoonAgreements: 0, nextAgreementDueOn: shift(-3),
      lastContactOn: shift(-30), daysSinceContact: 30, reasons: ['agreements_overdue', 'no_contact_long'], nextMeeting: null, unreadMessages: 0,
    });
    // The evaluation is due the collaboration's interval (three months) after the plan's first agreement.
    const inThreeMonths = new Date(Date.parse(`${today}T12:00:00Z`));
    const day = inThreeMonths.getUTCDate();
    inThreeMonths.setUTCMonth(inThreeMonths.getUTCMonth() + 3);
    if (inThreeMonths.getUTCDate() !== day) inThreeMonths.setUTCDate(0); // as PostgreSQL: 30 November + 3 months = 28 February
    expect(mine[1]).toMatchObject({
      attention: 'soon', overdueAgreements: 0, dueSoonAgreements: 1, daysSinceContact: 0, reasons: ['agreements_due_soon'],
      evaluationDueOn: inThreeMonths.toISOString().slice(0, 10),
    });
    expect(mine[2]).toMatchObject({ attention: 'calm', reasons: [], evaluationDueOn: null, nextMeeting: { title: 'Rondetafel' } });
    const ids = JSON.stringify(body);
    for (const other of [f.closed, f.removed, f.otherCoach]) expect(ids).not.toContain(other.familyId);
  });

  it('shows registrations assigned to me that wait for first contact, and nobody else\'s', async () => {
    const me = await userIdOf(t.db, COACH);
    const waiting = await t.db.select({ id: registrations.id }).from(registrations)
      .innerJoin(registrationCoaches, and(eq(registrationCoaches.collaborationId, registrations.collaborationId), eq(registrationCoaches.registrationId, registrations.id)))
      .where(and(eq(registrationCoaches.userId, me), eq(registrations.status, 'new'), isNull(registrations.firstContactAt)));
    const body = (await coach.request('GET', '/api/v1/me/workspace')).json();
    expect(body.registrations.map((r: { id: string }) => r.id).sort()).toEqual(waiting.map((w) => w.id).sort());
    const other = (await (await signIn(t.app, demo('coach2', 'gent'))).request('GET', '/api/v1/me/workspace')).json();
    for (const r of body.registrations) expect(JSON.stringify(other)).not.toContain(r.id);
  });

  it('is in the family\'s access log', async () => {
    const me = await userIdOf(t.db, COACH);
    const rows = (fam: TestFamily) => t.db.select().from(accessLog).where(and(eq(accessLog.familyId, fam.familyId), eq(accessLog.entityType, 'workspace'), eq(accessLog.actorUserId, me)));
    expect((await rows(f.overdue)).length).toBeGreaterThan(0);
    expect(await rows(f.otherCoach)).toEqual([]);
  });

  it('is empty for someone who coaches no family', async () => {
    const body = (await (await signIn(t.app, demo('referrer', 'gent'))).request('GET', '/api/v1/me/workspace')).json();
    expect(body).toMatchObject({ families: [], registrations: [] });
  });
});
