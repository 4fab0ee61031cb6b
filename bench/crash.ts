import pg from 'pg';
import { sealAccessLog } from '../src/server/audit/chain.ts';
import { verifyAccessLog } from '../src/server/audit/verify.ts';
import { openPostgres } from '../src/server/db/connection.ts';
import { ownPostgresDatabase, signInDemo, startServer, stopServer } from './servers.ts';

/**
 * `npm run bench:crash`: nothing acknowledged is lost when the server dies. On a PostgreSQL
 * database of its own, 20 writers make up to 200 changes each while another instance seals the
 * access log; the server is killed with SIGKILL in the middle and started again. Every change that
 * got a 2xx must be there with its access-log row (found by its request id), and every chain must
 * verify. Exit code 1 if anything is missing. CRASH_DATABASE_URL, else TEST_DATABASE_URL, else
 * 127.0.0.1; CRASH_AFTER_MS (default 3000) is when the kill comes.
 */
const WRITERS = 20;
const EDITS = 200;
const crashAfterMs = Number(process.env.CRASH_AFTER_MS ?? 3000);
const base = process.env.CRASH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const own = await ownPostgresDatabase(base, 'gp_crash');
if (!own) throw new Error(`no PostgreSQL at ${base}: set CRASH_DATABASE_URL`);
const { url } = own;
const run = Date.now();
const result = { failed: true };
try {
  const first = await startServer('app', { LOAD_DATABASE_URL: url });
  const { origin } = first;
  const admin = await signInDemo(first, 'admin.antwerpen@gezinsplan.example');
  const headers = { 'content-type': 'application/json', cookie: admin.cookie, 'x-csrf-token': admin.csrfToken };
  const collaborationId = admin.memberships[0]!.collaborationId;

  const acknowledged: { requestId: string; id: string }[] = [];
  let refused = 0;
  const writer = async (w: number) => {
    for (let i = 0; i < EDITS; i++) {
      const requestId = `crash-${w}-${i}-${run}`;
      try {
        const res = await fetch(`${origin}/api/v1/collaborations/${collaborationId}/partner-organisations`, {
          method: 'POST', headers: { ...headers, 'x-request-id': requestId }, body: JSON.stringify({ name: `Crash ${w}.${i}`, kind: 'other' }),
        });
        if (res.ok) acknowledged.push({ requestId, id: ((await res.json()) as { id: string }).id });
        else refused += 1;
      } catch {
        return; // the server is gone
      }
    }
  };
  const sealing = await openPostgres(url);
  let stopSealing = false;
  const sealer = (async () => {
    while (!stopSealing) {
      await sealAccessLog(sealing.db).catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  const kill = new Promise<void>((resolve) => setTimeout(() => { first.child.kill('SIGKILL'); resolve(); }, crashAfterMs));
  await Promise.all([...Array.from({ length: WRITERS }, (_, w) => writer(w)), kill]);
  stopSealing = true;
  await sealer;
  await sealing.close();
  console.log(`killed after ${crashAfterMs} ms: ${acknowledged.length} changes acknowledged, ${refused} refused, the rest cut off`);

  const second = await startServer('app', { LOAD_DATABASE_URL: url });
  const db = await openPostgres(url);
  try {
    const check = new pg.Client({ connectionString: url });
    await check.connect();
    const ids = acknowledged.map((a) => a.id);
    const kept = await check.query<{ n: string }>('select count(*)::text as n from partner_organisations where id = any($1::uuid[])', [ids]);
    const logged = await check.query<{ n: string }>(
      `select count(distinct request_id)::text as n from access_log
       where request_id = any($1::text[]) and entity_type = 'partner_organisation' and action = 'create' and outcome = 'success'`,
      [acknowledged.map((a) => a.requestId)]);
    await check.end();
    await sealAccessLog(db.db);
    const verification = await verifyAccessLog(db.db);
    const lostChanges = acknowledged.length - Number(kept.rows[0]!.n);
    const lostRows = acknowledged.length - Number(logged.rows[0]!.n);
    console.log(`after the restart: ${lostChanges} acknowledged changes lost, ${lostRows} without their access-log row; chain ${verification.ok ? `verifies (${verification.rows} rows)` : `does NOT verify: ${JSON.stringify(verification.firstFailure)}`}`);
    result.failed = lostChanges !== 0 || lostRows !== 0 || !verification.ok || acknowledged.length === 0;
  } finally {
    await db.close();
    await stopServer(second);
  }
} finally {
  await own.drop();
}
process.exit(result.failed ? 1 : 0);
