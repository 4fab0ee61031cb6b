import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { ownPostgresDatabase, signInDemo, startServer, stopServer, type BenchServer } from './servers.ts';

/**
 * `npm run bench:load`: requests per second and latency at 100 connections for the reads a coach
 * makes all day, on the embedded database and (when reachable) PostgreSQL, as ratios against a
 * bare Fastify hello world measured in the same run on the same machine, plus the server's memory.
 * LOAD_SECONDS (default 10) per case; LOAD_DATABASE_URL or TEST_DATABASE_URL for PostgreSQL (the
 * benchmark makes and drops a database of its own there).
 */
const seconds = Number(process.env.LOAD_SECONDS ?? 10);
const connections = Number(process.env.LOAD_CONNECTIONS ?? 100);

function rssMb(child: ChildProcess): number {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

interface Measured { rps: number; p50: number; p99: number; rss: number; errors: number }

async function load(server: BenchServer, path: string, headers: Record<string, string> = {}): Promise<Measured> {
  let peak = 0;
  const sampler = setInterval(() => { peak = Math.max(peak, rssMb(server.child)); }, 250);
  const result = await autocannon({ url: `http://127.0.0.1:${server.port}${path}`, connections, duration: seconds, headers });
  clearInterval(sampler);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, rss: peak, errors: result.non2xx + result.errors };
}

const row = (name: string, m: Measured, base: Measured) =>
  `${name.padEnd(28)} ${m.rps.toFixed(0).padStart(7)} req/s = ${((100 * m.rps) / base.rps).toFixed(1).padStart(5)} % of bare   p50 ${m.p50} ms  p99 ${m.p99} ms   RSS ${m.rss.toFixed(0)} MB${m.errors ? `   (${m.errors} errors)` : ''}`;

async function measureApp(label: string, env: Record<string, string>, base: Measured) {
  const server = await startServer('app', env);
  try {
    const coach = { cookie: (await signInDemo(server, 'coach2.antwerpen@gezinsplan.example')).cookie };
    const list = await fetch(`http://127.0.0.1:${server.port}/api/v1/families?q=Malika`, { headers: coach });
    const malika = ((await list.json()) as { items: { id: string }[] }).items[0]!.id;
    console.log(`\n${label}`);
    const cases: [string, string][] = [
      ['plan read', `/api/v1/families/${malika}/plan`],
      ['family list', '/api/v1/families'],
      ['search', '/api/v1/families?q=Mal'],
      ['family record', `/api/v1/families/${malika}`],
      ['who looked', `/api/v1/families/${malika}/access-log`],
    ];
    for (const [name, path] of cases) console.log(row(name, await load(server, path, coach), base));
  } finally {
    await stopServer(server);
  }
}

const bare = await startServer('bare');
const base = await load(bare, '/');
await stopServer(bare);
console.log(`${connections} connections, ${seconds} s per case; baseline: bare Fastify ${base.rps.toFixed(0)} req/s, p50 ${base.p50} ms, p99 ${base.p99} ms, RSS ${base.rss.toFixed(0)} MB`);

await measureApp('embedded database (PGlite, in memory)', {}, base);
const postgres = await ownPostgresDatabase(process.env.LOAD_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test', 'gp_load');
if (postgres) {
  try {
    await measureApp('PostgreSQL', { LOAD_DATABASE_URL: postgres.url }, base);
  } finally {
    await postgres.drop();
  }
} else {
  console.log('\nPostgreSQL not reachable: set LOAD_DATABASE_URL to measure it too.');
}
