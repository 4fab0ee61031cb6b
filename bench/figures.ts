import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { openPglite, openPostgres, wrapPglite, type Database } from '../src/server/db/connection.ts';
import { aggregateSource } from '../src/server/features/figures/aggregates.ts';
import { countFigure } from '../src/server/features/figures/engine.ts';
import { governmentFigures } from '../src/server/features/figures/government.ts';
import { figuresFor } from '../src/server/features/figures/registry.ts';
import { collaborationFigures, figuresTransaction } from '../src/server/features/figures/service.ts';
import { brusselsDate } from '../src/server/features/registrations/timing.ts';
import { generate } from './generate.ts';

/**
 * The figures at scale: generates the data (`--scale 1` ≈ 100 000 families, 1 million plan items,
 * 2 million contact moments; default 0.05), then times each report — the collaboration dashboard
 * and the government view, for one year and for ten — and each figure on its own, as a ratio to a
 * trivial query (`select 1`) measured in the same run. On PGlite in memory by default, or in the
 * folder `--data-dir <folder>`; `BENCH_DATABASE_URL=postgres://…` runs it on an EMPTY PostgreSQL
 * database you own. `--no-generate` reuses data generated before (PostgreSQL or a PGlite folder).
 */
const arg = (name: string) => { const i = process.argv.indexOf(`--${name}`); return i >= 0 ? process.argv[i + 1] : undefined; };
const scale = Number(arg('scale') ?? process.env.BENCH_SCALE ?? 0.05);
const rounds = Number(arg('rounds') ?? 5);
const url = process.env.BENCH_DATABASE_URL;

const dataDir = arg('data-dir');
const database: Database = url ? await openPostgres(url) : dataDir ? await openPglite(dataDir) : await wrapPglite(await PGlite.create());
await database.migrate();
const { db } = database;
if (!process.argv.includes('--no-generate')) {
  console.log(`generating at scale ${scale} on ${database.kind}…`);
  const t0 = performance.now();
  const made = await generate(db, scale, (line) => console.log(`  ${line}`));
  console.log(`generated ${JSON.stringify(made)} in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}
const counts = (await db.execute(sql`select (select count(*) from families)::int as families, (select count(*) from plan_items)::int as "planItems",
  (select count(*) from contact_moments)::int as "contactMoments", (select count(*) from registrations)::int as registrations`) as unknown as { rows: unknown[] }).rows[0];
console.log(`database: ${database.kind}; rows: ${JSON.stringify(counts)}`);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
async function time(run: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await run();
  return performance.now() - t0;
}
const trivial = () => db.execute(sql`select 1`);
async function measure(name: string, run: () => Promise<unknown>) {
  await run(); // warm
  const base: number[] = [];
  const took: number[] = [];
  for (let i = 0; i < rounds; i++) {
    for (let k = 0; k < 5; k++) base.push(await time(trivial));
    took.push(await time(run));
  }
  const b = median(base);
  const m = median(took);
  console.log(`${name.padEnd(44)} ${(m / b).toFixed(0).padStart(7)}x baseline  (${m.toFixed(0).padStart(6)} ms; select 1: ${b.toFixed(2)} ms)${m > 1000 ? '  OVER 1 s' : ''}`);
}

const [biggest] = (await db.execute(sql`select collaboration_id as id from families group by 1 order by count(*) desc limit 1`) as unknown as { rows: { id: string }[] }).rows;
const today = brusselsDate(new Date());
const yearAgo = brusselsDate(new Date(Date.now() - 365 * 86_400_000));
const tenYears = brusselsDate(new Date(Date.now() - 3650 * 86_400_000));
for (const [label, from] of [['12 months', yearAgo], ['10 years', tenYears]] as const) {
  await measure(`dashboard, one collaboration, ${label}`, () => figuresTransaction(db, (tx) => collaborationFigures(tx, biggest!.id, { from, to: today }, today)));
  // As the API answers it: counted, suppressed and serialized to JSON.
  await measure(`government, all + Flanders, ${label}`, async () => JSON.stringify(await figuresTransaction(db, (tx) => governmentFigures(aggregateSource(tx, today), { from, to: today }))));
}
const ids = (await db.execute(sql`select id from collaborations`) as unknown as { rows: { id: string }[] }).rows.map((r) => r.id);
for (const figure of figuresFor('collaboration')) {
  await measure(`  ${figure.id}, all collaborations, 10 years`, () => figuresTransaction(db, (tx) => countFigure(tx, figure, { collaborationIds: ids, from: tenYears, to: today, today })));
}
await database.close();
