import { sql } from 'drizzle-orm';
import autocannon from 'autocannon';
import { openPostgres, rowsOf } from '../src/server/db/connection.ts';
import { seedDemoIfEmpty } from '../src/server/demo/seed.ts';
import { generate } from './generate.ts';
import { ownPostgresDatabase, signInDemo, startServer, stopServer, type BenchServer } from './servers.ts';

/**
 * `npm run bench:scale`: the lists a coordinator and a coach open all day, on PostgreSQL holding
 * 100 000 families (bench/generate.ts at scale 1: 16 collaborations, 120 000 registrations, a
 * million plan items, two million contact moments), through the real API. Each list is driven by
 * autocannon at SCALE_CONNECTIONS (10) for SCALE_SECONDS (10) and printed with its p95 against
 * the 100 ms target and its requests per second as a share of a bare Fastify server measured in
 * the same run. It makes a database of its own next to SCALE_DATABASE_URL (else TEST_DATABASE_URL,
 * else 127.0.0.1) and drops it after; `--keep` keeps it and prints its address, `--reuse <url>`
 * measures a database made so before. `--scale 0.1` makes a tenth.
 */
const arg = (name: string) => { const i = process.argv.indexOf(`--${name}`); return i >= 0 ? process.argv[i + 1] : undefined; };
const scale = Number(arg('scale') ?? 1);
const seconds = Number(process.env.SCALE_SECONDS ?? 10);
const connections = Number(process.env.SCALE_CONNECTIONS ?? 10);
const TARGET_MS = 100;
const base = process.env.SCALE_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** The coordinator and a coach of the demo get a place in the first generated collaboration. */
const COORDINATOR = 'coordinator.antwerpen@gezinsplan.example';
const COACH = 'coach1-1@bench.example';

async function prepare(url: string): Promise<void> {
  const database = await openPostgres(url);
  try {
    await database.migrate();
    await seedDemoIfEmpty(database.db, { info: () => undefined });
    console.log(`generating ${Math.round(100_000 * scale)} families…`);
    const t0 = performance.now();
    const made = await generate(database.db, scale, (line) => console.log(`  ${line}`));
    console.log(`generated ${JSON.stringify(made)} in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    await database.db.execute(sql`
      insert into memberships (collaboration_id, user_id, roles)
      select c.id, u.id, array['coordinator'] from collaborations c, users u
      where c.name = 'Regio 1 (bench)' and u.email = ${COORDINATOR}`);
    await database.db.execute(sql`
      update users set password_hash = (select password_hash from users where email = ${COORDINATOR}) where email = ${COACH}`);
  } finally {
    await database.close();
  }
}

interface Measured { rps: number; p50: number; p95: number; p99: number; errors: number }

async function load(server: BenchServer, path: string, headers: Record<string, string> = {}): Promise<Measured> {
  // autocannon's histogram has no 95th percentile: every response time is kept instead.
  const times: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url: `${server.origin}${path}`, connections, duration: seconds, headers }, (err, res) => (err ? reject(err) : resolve(res)));
    instance.on('response', (_client, _status, _bytes, took) => { times.push(took); });
  });
  times.sort((a, b) => a - b);
  const at = (q: number) => times.length ? times[Math.min(times.length - 1, Math.floor(q * times.length))]! : Number.NaN;
  return { rps: result.requests.average, p50: at(0.5), p95: at(0.95), p99: at(0.99), errors: result.non2xx + result.errors };
}

const ms = (v: number) => `${v.toFixed(1).padStart(6)} ms`;
const row = (name: string, m: Measured, bare: Measured) =>
  `${name.padEnd(40)} ${m.rps.toFixed(0).padStart(6)} req/s = ${((100 * m.rps) / bare.rps).toFixed(2).padStart(5)} % of bare` +
  `   p50 ${ms(m.p50)}  p95 ${ms(m.p95)} = ${(m.p95 / TARGET_MS).toFixed(2)}× target ${m.p95 < TARGET_MS ? 'ok' : 'OVER'}   p99 ${ms(m.p99)}` +
  `${m.errors ? `   (${m.errors} errors)` : ''}`;

const reuse = arg('reuse');
const own = reuse ? null : await ownPostgresDatabase(base, 'gp_scale');
if (!reuse && !own) throw new Error(`no PostgreSQL at ${base}: set SCALE_DATABASE_URL`);
const url = reuse ?? own!.url;
let failed = false;
try {
  if (own) await prepare(url);
  const check = await openPostgres(url);
  const [counts] = rowsOf<{ families: number; registrations: number; mine: number; region: string }>(await check.db.execute(sql`
    select (select count(*) from families)::int as families, (select count(*) from registrations)::int as registrations,
      (select count(*) from families f join collaborations c on c.id = f.collaboration_id where c.name = 'Regio 1 (bench)')::int as mine,
      (select id::text from collaborations where name = 'Regio 1 (bench)') as region`));
  await check.close();

  const bare = await startServer('bare');
  const baseline = await load(bare, '/');
  await stopServer(bare);
  console.log(`${counts!.families} families, ${counts!.registrations} registrations (${counts!.mine} families in the coordinator's collaboration); ` +
    `${connections} connections, ${seconds} s per case; baseline: bare Fastify ${baseline.rps.toFixed(0)} req/s, p95 ${baseline.p95.toFixed(1)} ms`);

  const server = await startServer('app', { LOAD_DATABASE_URL: url });
  try {
    const coordinator = { cookie: (await signInDemo(server, COORDINATOR)).cookie };
    const coach = { cookie: (await signInDemo(server, COACH)).cookie };
    const region = counts!.region;
    const cases: [string, string, Record<string, string>][] = [
      ['family list (coordinator)', '/api/v1/families?limit=100', coordinator],
      ['search "Peeters" (coordinator)', '/api/v1/families?limit=100&q=Peeters', coordinator],
      ['search "4711", rare (coordinator)', '/api/v1/families?limit=100&q=4711', coordinator],
      ['family list (coach)', '/api/v1/families?limit=100', coach],
      ['search "Maes" (coach)', '/api/v1/families?limit=100&q=Maes', coach],
      ['registrations, open (coordinator)', `/api/v1/registrations?collaborationId=${region}`, coordinator],
      ['registrations, all (coordinator)', `/api/v1/registrations?collaborationId=${region}&open=false`, coordinator],
    ];
    for (const [name, path, headers] of cases) {
      const first = await fetch(`${server.origin}${path}`, { headers });
      if (!first.ok) throw new Error(`${name}: ${first.status} ${await first.text()}`);
      const m = await load(server, path, headers);
      console.log(row(name, m, baseline));
      if (m.p95 >= TARGET_MS || m.errors > 0) failed = true;
    }
  } finally {
    await stopServer(server);
  }
} finally {
  if (own && process.argv.includes('--keep')) console.log(`kept the database: --reuse ${url}`);
  else await own?.drop();
}
process.exit(failed ? 1 : 0);
