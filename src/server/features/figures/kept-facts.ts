import type { SQL } from 'drizzle-orm';
import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/connection.ts';

type Row = Record<string, unknown>;
export const rows = async (db: Db, query: SQL) => rowsOf<Row>(await db.execute(query));
export const sorted = (list: Row[]) => list.map((r) => JSON.stringify(r)).sort();

/**
 * For the tests: every table the figures keep, as kept and as made anew from the data (the views
 * and functions that `figures_rebuild()` uses). Tallies are compared without rows that came back to zero.
 */
export const KEPT: Record<string, [SQL, SQL]> = {
  trajectory_facts: [sql`select * from trajectory_facts`, sql`select * from trajectory_facts_source`],
  coach_facts: [
    sql`select collaboration_id, user_id, family_id, started_on, closed_on from coach_facts`,
    sql`select p.collaboration_id, p.user_id, p.family_id, f.started_on, f.closed_on from coach_pairs p join trajectory_facts_source f using (collaboration_id, family_id)`,
  ],
  round_table_long_gaps: [sql`select * from round_table_long_gaps`, sql`select * from round_table_long_gaps_source`],
  trajectory_tallies: [
    sql`select collaboration_id, measure, edge, months, period_start, category, families, amount::int from trajectory_tallies where families <> 0 or amount <> 0`,
    sql`select f.collaboration_id, c.measure, c.edge, g.months, g.period_start, c.category, sum(c.families)::int as families, sum(c.amount)::int as amount
      from trajectory_facts_source f cross join lateral trajectory_contributions(row(f.*)::trajectory_facts) c
      cross join lateral (values (1::smallint, date_trunc('month', c.on_day::timestamp)::date), (12::smallint, date_trunc('year', c.on_day::timestamp)::date)) g(months, period_start)
      group by 1, 2, 3, 4, 5, 6 having sum(c.families) <> 0 or sum(c.amount) <> 0`,
  ],
  registration_tallies: [
    sql`select collaboration_id, kind, measure, months, period_start, category, registrations from registration_tallies where registrations <> 0`,
    sql`select r.collaboration_id, c.kind, c.measure, g.months, g.period_start, c.category, count(*)::int as registrations
      from registrations r cross join lateral registration_contributions(r) c
      cross join lateral (values (1::smallint, date_trunc('month', c.on_day::timestamp)::date), (12::smallint, date_trunc('year', c.on_day::timestamp)::date)) g(months, period_start)
      group by 1, 2, 3, 4, 5, 6`,
  ],
  coach_minute_tallies: [
    sql`select collaboration_id, user_id, months, period_start, minutes::int from coach_minute_tallies where minutes <> 0`,
    sql`select m.collaboration_id, m.created_by_user_id as user_id, g.months, g.period_start, sum(m.minutes_spent)::int as minutes
      from contact_moments m
      join coach_pairs p on p.collaboration_id = m.collaboration_id and p.family_id = m.family_id and p.user_id = m.created_by_user_id
      join trajectory_facts_source f on f.collaboration_id = m.collaboration_id and f.family_id = m.family_id
      cross join lateral (values (0::smallint, m.occurred_on), (1::smallint, date_trunc('month', m.occurred_on::timestamp)::date),
        (12::smallint, date_trunc('year', m.occurred_on::timestamp)::date)) g(months, period_start)
      where m.deleted_at is null and m.minutes_spent is not null
      group by 1, 2, 3, 4 having sum(m.minutes_spent) <> 0`,
  ],
  round_table_facts: [sql`select * from round_table_facts`, sql`select * from round_table_days`],
};

/** The rows of one kept table, and the rows it should hold, each sorted. */
export async function keptAndFresh(db: Db, table: keyof typeof KEPT): Promise<[string[], string[]]> {
  const [kept, fresh] = KEPT[table]!;
  return [sorted(await rows(db, kept)), sorted(await rows(db, fresh))];
}
