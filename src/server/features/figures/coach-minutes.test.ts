import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { contactMoments } from '../../db/schema/index.ts';
import { useTestApp } from '../../test/harness.ts';
import { keptAndFresh, rows, sorted } from './kept-facts.ts';
import { sources } from './sources.ts';
import { NOW, seedFixture, type Fixture } from './test-fixture.ts';

const t = useTestApp({}, { clock: () => NOW });
let fx: Fixture;
beforeAll(async () => {
  fx = await seedFixture(t.db);
});

/** coach_minute_tallies as kept, and as it should be from the contact moments. */
const kept = async () => (await keptAndFresh(t.db, 'coach_minute_tallies'))[0];
const raw = async () => (await keptAndFresh(t.db, 'coach_minute_tallies'))[1];

describe('contact minutes of coaches per day, month and year', () => {
  it('stays equal to the contact moments after inserts, updates and deletes, in the same transaction', async () => {
    expect(await kept()).toEqual(await raw());
    expect((await kept()).length).toBeGreaterThan(3);
    const family = fx.familyIds[0]!;
    const base = { collaborationId: fx.x, familyId: family, place: 'home' as const, summary: 'Bezoek' };
    const made = await t.db.insert(contactMoments).values([
      { ...base, createdByUserId: fx.coachC, occurredOn: '2026-01-20', minutesSpent: 15 },
      { ...base, createdByUserId: fx.coachC, occurredOn: '2026-01-21', minutesSpent: null },
      { ...base, createdByUserId: fx.coachD, occurredOn: '2026-02-03', minutesSpent: 40 },
      { ...base, createdByUserId: null, occurredOn: '2026-02-04', minutesSpent: 25 },
    ]).returning({ id: contactMoments.id });
    expect(await kept()).toEqual(await raw());
    const id = (i: number) => and(eq(contactMoments.collaborationId, fx.x), eq(contactMoments.id, made[i]!.id));
    await t.db.update(contactMoments).set({ minutesSpent: 50 }).where(id(0));
    await t.db.update(contactMoments).set({ occurredOn: '2026-03-05' }).where(id(1));
    await t.db.update(contactMoments).set({ createdByUserId: fx.coachC }).where(id(3));
    expect(await kept()).toEqual(await raw());
    await t.db.update(contactMoments).set({ deletedAt: NOW }).where(id(2));
    expect(await kept()).toEqual(await raw());
    await t.db.update(contactMoments).set({ deletedAt: null }).where(id(2));
    await t.db.delete(contactMoments).where(id(0));
    expect(await kept()).toEqual(await raw());
    // A rolled-back write leaves the tallies as they were.
    const before = await kept();
    await expect(t.db.transaction(async (tx) => {
      await tx.update(contactMoments).set({ minutesSpent: 999 }).where(id(2));
      throw new Error('rolled back');
    })).rejects.toThrow('rolled back');
    expect(await kept()).toEqual(before);
    expect(before).toEqual(await raw());
  });

  it('gives the minutes coaches wrote in any period from the tallies of its years, months and days, as from the moments themselves', async () => {
    const periods = [['2026-01-01', '2026-03-31'], ['2026-01-15', '2026-02-10'], ['2026-01-10', '2026-01-10'], ['2026-01-11', '2026-03-01'],
      ['2025-12-01', '2026-02-14'], ['2025-11-30', '2026-03-02'], ['2026-02-14', '2026-03-04'], ['2016-12-05', '2026-12-04']];
    for (const [from, to] of periods) {
      for (const fromFacts of [false, true]) {
        const params = { collaborationIds: [fx.x, fx.y], from: from!, to: to!, today: '2026-04-15', fromFacts };
        const summed = await rows(t.db, sql`select collaboration_id, user_id, minutes::int as minutes from ${sources(params).coachMinutes} m where minutes <> 0`);
        const direct = await rows(t.db, sql`
          select m.collaboration_id, m.created_by_user_id as user_id, sum(m.minutes_spent)::int as minutes from contact_moments m
          join coach_pairs p on p.collaboration_id = m.collaboration_id and p.family_id = m.family_id and p.user_id = m.created_by_user_id
          where m.collaboration_id in (${fx.x}, ${fx.y}) and m.deleted_at is null and m.occurred_on between ${from}::date and ${to}::date
          group by 1, 2 having sum(m.minutes_spent) <> 0`);
        expect(sorted(summed), `${from}…${to}`).toEqual(sorted(direct));
        expect(direct.length, `${from}…${to}`).toBeGreaterThan(0);
      }
    }
  });
});
