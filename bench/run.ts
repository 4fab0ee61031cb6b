import { PGlite } from '@electric-sql/pglite';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import { openPostgres, wrapPglite, type Database } from '../src/server/db/connection.ts';
import { seedDemoIfEmpty } from '../src/server/demo/seed.ts';
import { DEMO_PASSWORD } from '../src/server/demo/accounts.ts';

/**
 * Request-path benchmark: each API call's median time as a ratio to GET /health (one trivial
 * query) measured in the same run, so the numbers compare across noisy, shared machines.
 * `BENCH_DATABASE_URL=postgres://…` runs it on PostgreSQL (on an empty database you own).
 */
const rounds = Number(process.env.BENCH_ROUNDS ?? 200);

async function open(): Promise<Database> {
  const url = process.env.BENCH_DATABASE_URL;
  return url ? openPostgres(url) : wrapPglite(await PGlite.create());
}

const database = await open();
await database.migrate();
await seedDemoIfEmpty(database.db, console);
const app = await buildApp({ config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), db: database.db });

const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'admin.antwerpen@gezinsplan.example', password: DEMO_PASSWORD } });
const cookie = login.headers['set-cookie'] as string;
const { csrfToken, memberships } = login.json<{ csrfToken: string; memberships: { collaborationId: string }[] }>();
const cid = memberships[0]!.collaborationId;
const headers = { cookie: cookie.split(';')[0]!, 'x-csrf-token': csrfToken };

const medianOf = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function time(run: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await run();
  return performance.now() - t0;
}

/** Baseline and case alternate round by round, so both see the same machine load. */
async function compare(baseline: () => Promise<unknown>, run: () => Promise<unknown>) {
  for (let i = 0; i < 50; i++) await Promise.all([baseline(), run()]);
  const base: number[] = [];
  const measured: number[] = [];
  for (let i = 0; i < rounds; i++) {
    base.push(await time(baseline));
    measured.push(await time(run));
  }
  return { base: medianOf(base), measured: medianOf(measured) };
}

const get = (url: string) => () => app.inject({ method: 'GET', url, headers });
const health = get('/api/v1/health');
const cases: [string, () => Promise<unknown>][] = [
  ['GET /me (session + actor)', get('/api/v1/me')],
  ['GET settings', get(`/api/v1/collaborations/${cid}/settings`)],
  ['GET partner organisations', get(`/api/v1/collaborations/${cid}/partner-organisations`)],
  ['GET members (audited read)', get(`/api/v1/collaborations/${cid}/members`)],
];
// Malika's coach, for the family file (the admin is not in the family's circle).
const coachLogin = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'coach2.antwerpen@gezinsplan.example', password: DEMO_PASSWORD } });
const coachHeaders = { cookie: (coachLogin.headers['set-cookie'] as string).split(';')[0]!, 'x-csrf-token': coachLogin.json<{ csrfToken: string }>().csrfToken };
const coachGet = (url: string) => () => app.inject({ method: 'GET', url, headers: coachHeaders });
const malika = (await coachGet('/api/v1/families?q=Malika')()).json<{ items: { id: string }[] }>().items[0]!.id;
cases.push(
  ['GET families (coach)', coachGet('/api/v1/families')],
  ['GET plan (Malika, scoped)', coachGet(`/api/v1/families/${malika}/plan`)],
  ['GET history (Malika)', coachGet(`/api/v1/families/${malika}/history`)],
  ['GET where we started', coachGet(`/api/v1/families/${malika}/plan/compare`)],
);
console.log(`database: ${database.kind}; baseline: GET /health (one trivial query); ${rounds} rounds each`);
for (const [name, run] of cases) {
  const r = await compare(health, run);
  console.log(`${name.padEnd(30)} ${(r.measured / r.base).toFixed(2)}x baseline (${r.measured.toFixed(2)} ms vs ${r.base.toFixed(2)} ms)`);
}
await app.close();
await database.close();
