import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../../../bench/generate.ts';
import { rowsOf } from '../../db/connection.ts';
import { useTestApp } from '../../test/harness.ts';
import { addDays, brusselsDate } from '../registrations/timing.ts';
import { countFigure } from './engine.ts';
import { uuidArray } from './tallies.ts';
import { FIGURES } from './registry.ts';
import type { FigureParams } from './types.ts';

/*
 * The figures from the tallies (whole months and years, with the facts of the days around them)
 * against the same figures from the facts of every family, on generated data over ten years, for
 * periods that start and end anywhere in a month or year — and a few against plain counts.
 */

const t = useTestApp();
const today = brusselsDate(new Date());
let ids: string[] = [];

beforeAll(async () => {
  await generate(t.db, 0.002);
  ids = rowsOf<{ id: string }>(await t.db.execute(sql`select id from collaborations where name like '% (bench)' order by id`)).map((r) => r.id);
  // Families that pick up their round tables again after more than a year.
  await t.db.execute(sql`
    insert into meetings (collaboration_id, family_id, title, starts_at, ends_at)
    select f.collaboration_id, f.family_id, 'Rondetafel', x.day::timestamp at time zone 'Europe/Brussels' + interval '14 hours', x.day::timestamp at time zone 'Europe/Brussels' + interval '15 hours'
    from (select * from trajectory_facts where collaboration_id = any(${uuidArray(ids)})
      and last_round_table_on is not null and closed_on is null and started_on < ${addDays(today, -900)}::date order by family_id limit 6) f
    cross join lateral (select f.last_round_table_on + 400 as day) x`);
}, 240_000);

const ago = (days: number) => addDays(today, -days);
const PERIODS: [string, string][] = [
  [ago(3650), today], [ago(365), today], [ago(366), ago(1)], [`${today.slice(0, 4)}-01-01`, today], [ago(800), ago(400)],
  [ago(45), ago(44)], [ago(31), today], [ago(1200), ago(700)], [ago(2000), ago(1500)], [ago(4000), ago(3000)],
  [`${ago(730).slice(0, 7)}-01`, `${ago(365).slice(0, 7)}-01`], [ago(100), addDays(today, 60)],
];

/** Periods that begin or end on the day a trajectory starts or closes, and periods inside long gaps between round tables. */
async function periodsAtEdges(): Promise<[string, string][]> {
  const edges = rowsOf<{ started: string; closed: string }>(await t.db.execute(sql`
    select started_on::text as started, closed_on::text as closed from trajectory_facts
    where collaboration_id = any(${uuidArray(ids)}) and closed_on is not null and closed_on > started_on + 40 order by family_id limit 3`));
  const gaps = rowsOf<{ after: string; before: string }>(await t.db.execute(sql`
    select after_on::text as after, before_on::text as before from round_table_long_gaps where collaboration_id = any(${uuidArray(ids)}) order by family_id limit 3`));
  return [
    ...edges.flatMap((e): [string, string][] => [[e.closed, addDays(e.closed, 40)], [addDays(e.closed, -40), e.closed], [e.started, addDays(e.started, 10)], [addDays(e.started, -10), e.started], [e.started, e.closed]]),
    ...gaps.flatMap((g): [string, string][] => [[addDays(g.after, 1), addDays(g.before, -1)], [addDays(g.after, 1), addDays(g.after, 366)], [g.after, addDays(g.before, -1)]]),
  ];
}

const params = (from: string, to: string, withAll: boolean, fromFacts: boolean): FigureParams => ({ collaborationIds: ids, from, to, today, withAll, fromFacts });

describe('figures from the tallies', () => {
  it('has generated data with long gaps between round tables', async () => {
    const [n] = rowsOf<{ families: number; gaps: number }>(await t.db.execute(sql`
      select (select count(*) from trajectory_facts)::int as families, (select count(*) from round_table_long_gaps)::int as gaps`));
    expect(n!.families).toBeGreaterThan(150);
    expect(n!.gaps).toBeGreaterThan(2);
  });

  it('equal the figures from the facts of every family, for periods that start and end anywhere', async () => {
    for (const [from, to] of [...PERIODS, ...await periodsAtEdges()]) {
      for (const figure of FIGURES) {
        const withAll = Boolean(figure.values?.length);
        const fromTallies = await countFigure(t.db, figure, params(from, to, withAll, false));
        const fromFacts = await countFigure(t.db, figure, params(from, to, withAll, true));
        expect(fromTallies, `${figure.id} ${from}…${to}`).toEqual(fromFacts);
      }
    }
  }, 240_000);

  it('count families and round tables as a plain count of the facts does', async () => {
    for (const [from, to] of [...PERIODS, ...await periodsAtEdges()]) {
      const families = await countFigure(t.db, FIGURES.find((f) => f.id === 'families')!, params(from, to, false, false));
      const plain = rowsOf<{ collaboration_id: string; started: number; closed: number; active: number; overlap: number }>(await t.db.execute(sql`
        select collaboration_id, count(*) filter (where started_on between ${from}::date and ${to}::date)::int as started,
          count(*) filter (where closed_on between ${from}::date and ${to}::date)::int as closed,
          count(*) filter (where started_on <= ${to}::date and (closed_on is null or closed_on > ${to}::date))::int as active,
          count(*) filter (where started_on <= ${to}::date and (closed_on is null or closed_on >= ${from}::date))::int as overlap
        from trajectory_facts where collaboration_id = any(${uuidArray(ids)}) group by 1`));
      const network = await countFigure(t.db, FIGURES.find((f) => f.id === 'informal-network')!, params(from, to, false, false));
      for (const p of plain) {
        expect(families.find((r) => r.collaborationId === p.collaboration_id)!.counts, `${from}…${to}`).toEqual({ started: p.started, closed: p.closed, activeAtEnd: p.active });
        expect(network.find((r) => r.collaborationId === p.collaboration_id)!.counts.families, `${from}…${to}`).toBe(p.overlap);
      }
      const held = await countFigure(t.db, FIGURES.find((f) => f.id === 'round-table-network')!, params(from, to, false, false));
      const until = [to, ago(1)].sort()[0]!;
      const direct = rowsOf<{ collaboration_id: string; families: number; ring2: number }>(await t.db.execute(sql`
        select collaboration_id, count(distinct family_id)::int as families, count(distinct family_id) filter (where ring2)::int as ring2 from round_table_days
        where collaboration_id = any(${uuidArray(ids)}) and starts_on between ${from}::date and ${until}::date group by 1`));
      for (const id of ids) {
        const d = direct.find((r) => r.collaboration_id === id);
        expect(held.find((r) => r.collaborationId === id)!.counts, `${from}…${to}`).toMatchObject({ familiesWithRoundTable: d?.families ?? 0, withRing2AtTable: d?.ring2 ?? 0 });
      }
    }
  }, 120_000);
});
