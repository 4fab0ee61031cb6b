import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  contactMoments, families, familyClosures, familyParticipants, lifeDomains, meetingItemPeople, meetingItems, meetings, networkPeople, planItems, registrations,
} from '../../db/schema/index.ts';
import { useTestApp } from '../../test/harness.ts';
import { KEPT, rows, sorted } from './kept-facts.ts';
import { NOW, seedFixture, type Fixture } from './test-fixture.ts';

const t = useTestApp({}, { clock: () => NOW });
let fx: Fixture;
beforeAll(async () => {
  fx = await seedFixture(t.db);
});

async function expectKeptAsData(step: string) {
  for (const [table, [kept, fresh]] of Object.entries(KEPT)) {
    expect(sorted(await rows(t.db, kept)), `${table} after ${step}`).toEqual(sorted(await rows(t.db, fresh)));
  }
}

const family = (name: string) => fx.familyIds[fx.familyNames.indexOf(name)]!;
const ofX = <T extends { collaborationId: unknown; familyId: unknown }>(table: T, name: string) =>
  and(eq(table.collaborationId as never, fx.x), eq(table.familyId as never, family(name)));

describe('the facts and tallies the figures count from', () => {
  it('are made by the migration and hold data', async () => {
    await expectKeptAsData('the fixture');
    const [n] = await rows(t.db, sql`select (select count(*) from trajectory_facts)::int as facts, (select count(*) from trajectory_tallies)::int as tallies,
      (select count(*) from registration_tallies)::int as registrations, (select count(*) from coach_minute_tallies)::int as minutes`);
    expect(n).toMatchObject({ facts: expect.any(Number), tallies: expect.any(Number) });
    for (const v of Object.values(n!)) expect(v).toBeGreaterThan(3);
  });

  it('stay equal to the data after every kind of change, in the transaction of the change', async () => {
    const db = t.db;
    const a = family('Gezin A');
    // Goals: a new one, a status, a life domain, one deleted, one no longer a goal.
    const [goal] = await db.insert(planItems).values({ collaborationId: fx.x, familyId: a, kind: 'goal', text: 'Nieuw doel', status: 'active' }).returning({ id: planItems.id });
    await expectKeptAsData('a new goal');
    const goalId = and(eq(planItems.collaborationId, fx.x), eq(planItems.id, goal!.id));
    await db.update(planItems).set({ status: 'reached' }).where(goalId);
    const [money] = await db.select({ id: lifeDomains.id }).from(lifeDomains).where(and(eq(lifeDomains.collaborationId, fx.x), eq(lifeDomains.pictogram, 'money')));
    await db.update(planItems).set({ lifeDomainId: money!.id }).where(goalId);
    await db.update(planItems).set({ text: 'Anders verwoord' }).where(goalId);
    await expectKeptAsData('a goal reached, in a life domain');
    await db.update(lifeDomains).set({ pictogram: 'work' }).where(and(eq(lifeDomains.collaborationId, fx.x), eq(lifeDomains.id, money!.id)));
    await expectKeptAsData('another pictogram for a life domain');
    await db.update(planItems).set({ kind: 'worry' }).where(goalId);
    await db.update(planItems).set({ deletedAt: NOW }).where(ofX(planItems, 'Gezin B'));
    await expectKeptAsData('a goal that became a worry, goals deleted');

    // Closing, reopening, a closure moved; a family's start moved.
    const h = family('Gezin H');
    await db.update(familyClosures).set({ reopenedAt: NOW }).where(ofX(familyClosures, 'Gezin H'));
    await db.update(families).set({ status: 'active' }).where(and(eq(families.collaborationId, fx.x), eq(families.id, h)));
    await expectKeptAsData('a reopened family');
    await db.insert(familyClosures).values({ collaborationId: fx.x, familyId: a, closedAt: new Date('2026-03-30T08:00:00Z'), reason: 'moved', summary: 'Verhuisd', durationDays: 140, warmHandover: true });
    await db.update(families).set({ status: 'closed' }).where(and(eq(families.collaborationId, fx.x), eq(families.id, a)));
    await db.update(families).set({ createdAt: new Date('2025-11-20T23:30:00Z') }).where(and(eq(families.collaborationId, fx.x), eq(families.id, family('Gezin B'))));
    await expectKeptAsData('a family closed with a warm handover, a start moved');

    // Network: ring 2 added, declined, moved to ring 3.
    const [person] = await db.insert(networkPeople).values({ collaborationId: fx.x, familyId: family('Gezin D'), name: 'Buur', ring: 2, status: 'involved' }).returning({ id: networkPeople.id });
    await expectKeptAsData('a ring-2 person');
    await db.update(networkPeople).set({ ring: 3 }).where(and(eq(networkPeople.collaborationId, fx.x), eq(networkPeople.id, person!.id)));
    await db.update(networkPeople).set({ status: 'declined' }).where(ofX(networkPeople, 'Gezin A'));
    await expectKeptAsData('ring 2 gone');

    // Coaches: one removed, one added, with contact minutes before and after.
    await db.insert(contactMoments).values({ collaborationId: fx.x, familyId: family('Gezin B'), createdByUserId: fx.coachD, occurredOn: '2026-02-20', place: 'home', summary: 'Bezoek', minutesSpent: 35 });
    await expectKeptAsData('minutes of someone who is not the coach');
    await db.insert(familyParticipants).values({ collaborationId: fx.x, familyId: family('Gezin B'), userId: fx.coachD, displayName: 'Coach', role: 'coach', ring: 3 });
    await expectKeptAsData('that person becomes a coach');
    await db.update(familyParticipants).set({ removedAt: NOW }).where(and(ofX(familyParticipants, 'Gezin A'), eq(familyParticipants.userId, fx.coachC)));
    await db.update(contactMoments).set({ minutesSpent: 100 }).where(ofX(contactMoments, 'Gezin B'));
    await db.update(contactMoments).set({ occurredOn: '2026-05-02' }).where(ofX(contactMoments, 'Gezin C'));
    await expectKeptAsData('a coach removed, minutes changed');

    // Round tables: a new one with a ring-2 person, one cancelled, an item deleted, a person's ring changed, one long gap.
    const e = family('Gezin E');
    const [m] = await db.insert(meetings).values({ collaborationId: fx.x, familyId: e, title: 'Rondetafel', startsAt: new Date('2026-03-25T13:00:00Z'), endsAt: new Date('2026-03-25T14:00:00Z') }).returning({ id: meetings.id });
    const [item] = await db.insert(meetingItems).values({ collaborationId: fx.x, familyId: e, meetingId: m!.id, title: 'School', startsAt: new Date('2026-03-25T13:00:00Z'), endsAt: new Date('2026-03-25T14:00:00Z') }).returning({ id: meetingItems.id });
    const [oma] = await db.select({ id: familyParticipants.id }).from(familyParticipants).where(and(ofX(familyParticipants, 'Gezin E'), eq(familyParticipants.ring, 2)));
    await db.insert(meetingItemPeople).values({ collaborationId: fx.x, itemId: item!.id, participantId: oma!.id, invited: true });
    await expectKeptAsData('a round table with a ring-2 person');
    await db.update(familyParticipants).set({ ring: 1 }).where(and(eq(familyParticipants.collaborationId, fx.x), eq(familyParticipants.id, oma!.id)));
    await expectKeptAsData('that person in ring 1');
    await db.update(meetingItems).set({ deletedAt: NOW }).where(and(eq(meetingItems.collaborationId, fx.x), eq(meetingItems.id, item!.id)));
    await db.update(meetings).set({ status: 'cancelled' }).where(and(ofX(meetings, 'Gezin B')));
    await db.insert(meetings).values({ collaborationId: fx.x, familyId: family('Gezin G'), title: 'Rondetafel', startsAt: new Date('2025-01-14T13:00:00Z'), endsAt: new Date('2025-01-14T14:00:00Z') });
    await db.insert(meetings).values({ collaborationId: fx.x, familyId: family('Gezin G'), title: 'Rondetafel', startsAt: new Date('2026-01-15T13:00:00Z'), endsAt: new Date('2026-01-15T14:00:00Z') });
    // 366 days apart: not a gap of more than 366 days.
    await expectKeptAsData('round tables cancelled, an item deleted, a gap of a year');
    expect((await rows(db, sql`select count(*)::int as n from round_table_long_gaps`))[0]!.n).toBe(0);
    await db.insert(meetings).values({ collaborationId: fx.x, familyId: family('Gezin G'), title: 'Rondetafel', startsAt: new Date('2025-01-07T13:00:00Z'), endsAt: new Date('2025-01-07T14:00:00Z') });
    await db.update(meetings).set({ startsAt: new Date('2025-01-08T13:00:00Z') }).where(and(ofX(meetings, 'Gezin G'), eq(meetings.startsAt, new Date('2025-01-14T13:00:00Z'))));
    await expectKeptAsData('round tables more than a year apart');
    expect((await rows(db, sql`select count(*)::int as n from round_table_long_gaps`))[0]!.n).toBe(1);

    // Registrations: received, forwarded, first contact.
    const [reg] = await db.insert(registrations).values({
      collaborationId: fx.x, kind: 'family', referrerType: 'gp', referrerName: 'Huisarts', reasons: ['many_helpers', 'other'], receivedAt: new Date('2026-02-28T23:30:00Z'),
      familyName: 'Nieuw', familyLanguage: 'nl', postcode: '2000', municipality: 'Antwerpen', question: 'Vraag', familyConsent: true,
    }).returning({ id: registrations.id });
    await expectKeptAsData('a registration near midnight');
    const regId = and(eq(registrations.collaborationId, fx.x), eq(registrations.id, reg!.id));
    await db.update(registrations).set({ firstContactAt: new Date('2026-03-09T09:00:00Z'), firstContactMethod: 'phone', status: 'first_contact' }).where(regId);
    await expectKeptAsData('its first contact');
    await db.update(registrations).set({ status: 'forwarded' }).where(regId);
    await expectKeptAsData('forwarded');
  });

  it('count both of two changes to one family made at the same time (the second waits for the first, then reads afresh)', async () => {
    const goals = await t.db.select({ id: planItems.id }).from(planItems).where(and(ofX(planItems, 'Gezin E'), eq(planItems.kind, 'goal')));
    expect(goals.length).toBeGreaterThan(1);
    const goal = (i: number) => and(eq(planItems.collaborationId, fx.x), eq(planItems.id, goals[i]!.id));
    let changed!: () => void;
    let release!: () => void;
    const firstChanged = new Promise<void>((resolve) => { changed = resolve; });
    const held = new Promise<void>((resolve) => { release = resolve; });
    // On PostgreSQL these are two connections; the first holds its transaction open after its change.
    const first = t.db.transaction(async (tx) => {
      await tx.update(planItems).set({ status: 'dropped', deletedAt: null }).where(goal(0));
      changed();
      await held;
    });
    await firstChanged;
    const second = t.db.transaction(async (tx) => {
      await tx.update(planItems).set({ status: 'reached', deletedAt: null }).where(goal(1));
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    release();
    await Promise.all([first, second]);
    await expectKeptAsData('two changes at once');
  });

  it('are left as they were by a change that is rolled back', async () => {
    const tables = Object.keys(KEPT);
    const before = await Promise.all(tables.map(async (table) => sorted(await rows(t.db, KEPT[table]![0]))));
    await expect(t.db.transaction(async (tx) => {
      await tx.update(planItems).set({ status: 'dropped' }).where(and(eq(planItems.collaborationId, fx.x), eq(planItems.kind, 'goal')));
      await tx.update(families).set({ status: 'closed' }).where(eq(families.collaborationId, fx.x));
      await tx.update(registrations).set({ referrerType: 'other' }).where(eq(registrations.collaborationId, fx.x));
      throw new Error('rolled back');
    })).rejects.toThrow('rolled back');
    const after = await Promise.all(tables.map(async (table) => sorted(await rows(t.db, KEPT[table]![0]))));
    expect(after).toEqual(before);
  });

  it('are made anew from the data by figures_rebuild(), the same as kept', async () => {
    const tables = Object.keys(KEPT);
    const before = await Promise.all(tables.map(async (table) => sorted(await rows(t.db, KEPT[table]![0]))));
    await t.db.execute(sql`select figures_rebuild()`);
    const after = await Promise.all(tables.map(async (table) => sorted(await rows(t.db, KEPT[table]![0]))));
    expect(after).toEqual(before);
  });
});
