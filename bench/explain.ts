import { sql } from 'drizzle-orm';
import { openPostgres } from '../src/server/db/connection.ts';
import { sources } from '../src/server/features/figures/sources.ts';
import { FIGURES } from '../src/server/features/figures/registry.ts';
import { brusselsDate } from '../src/server/features/registrations/timing.ts';

/** EXPLAIN (ANALYZE, BUFFERS) of one figure over all collaborations and 10 years (DAYS=365: one year): `tsx bench/explain.ts <figure id> [withAll]`. */
const database = await openPostgres(process.env.BENCH_DATABASE_URL!);
const { db } = database;
const figure = FIGURES.find((f) => f.id === process.argv[2])!;
const ids = (await db.execute(sql`select id from collaborations`) as unknown as { rows: { id: string }[] }).rows.map((r) => r.id);
const today = brusselsDate(new Date());
const params = { collaborationIds: ids, from: brusselsDate(new Date(Date.now() - Number(process.env.DAYS ?? 3650) * 86_400_000)), to: today, today, withAll: process.argv[3] === 'withAll' };
await db.transaction(async (tx) => {
  await tx.execute(sql`set local work_mem = '64MB'`);
  await tx.execute(sql`set local jit = off`);
  const plan = (await tx.execute(sql`explain (analyze, buffers) ${figure.query(params, sources(params))}`) as unknown as { rows: Record<string, string>[] }).rows;
  console.log(plan.map((r) => Object.values(r)[0]).join('\n'));
});
await database.close();
