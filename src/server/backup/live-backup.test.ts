import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { openDatabase, type Database } from '../db/connection.ts';
import { DEMO_PASSWORD } from '../demo/accounts.ts';
import { migratedDataFolder, postgresDatabaseUrl } from '../test/database.ts';
import { readArchive } from './archive.ts';
import { createBackup } from './dump.ts';
import { checkBackup, type CheckedBackup } from './restore.ts';

/**
 * The restore drill against a running server: the app runs as its own process (on a data folder
 * of its own, or a PostgreSQL database of its own), writers change data all along, and
 * `npm run backup` is run beside it as an operator would. The backup must be one snapshot, restore
 * row for row into a fresh folder or database, and its access log must verify.
 */
const kind = inject('testDatabase').kind;
const node = (args: string[], env: Record<string, string | undefined>) => {
  const clean = { ...process.env };
  delete clean.DATABASE_URL;
  return spawn(process.execPath, ['--import', 'tsx', ...args], { env: { ...clean, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
};
const finished = (child: ChildProcess) => new Promise<{ code: number | null; out: string }>((resolve) => {
  let out = '';
  child.stdout!.on('data', (d: Buffer) => { out += d.toString(); });
  child.stderr!.on('data', (d: Buffer) => { out += d.toString(); });
  child.once('exit', (code) => resolve({ code, out }));
});

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const clean of cleanups.reverse()) await clean().catch(() => undefined);
});

async function startServer(env: Record<string, string | undefined>): Promise<{ origin: string; child: ChildProcess }> {
  const child = node(['src/server/main.ts'], {
    ...env, PORT: '0', HOST: '127.0.0.1', NODE_ENV: 'test', SERVE_WEB: 'false', LOG_LEVEL: 'info',
    LOGIN_MAX_FAILURES: '1000', AUDIT_SEAL_EVERY_S: '1', JOBS_POLL_MS: '200',
  });
  cleanups.push(async () => { if (child.exitCode === null) child.kill('SIGKILL'); });
  child.stderr!.resume();
  // Read every line (a paused pipe would stall the server once its buffer is full) until it is ready.
  return new Promise((resolve, reject) => {
    let pending = '';
    let ready = false;
    child.stdout!.on('data', (d: Buffer) => {
      pending += d.toString();
      const lines = pending.split('\n');
      pending = lines.pop()!;
      for (const line of lines) {
        if (!ready && line.includes('gezinsplan is ready')) {
          ready = true;
          resolve({ origin: (JSON.parse(line) as { address: string }).address, child });
        }
      }
    });
    child.once('exit', (code) => { if (!ready) reject(new Error(`the server stopped before it was ready (${code})`)); });
  });
}

/** The values of one table's rows in a backup, by column name. */
function rowsIn(backup: CheckedBackup, table: string): Record<string, string | null>[] {
  const t = backup.manifest.tables.find((x) => x.name === table)!;
  const text = backup.parts.get(t.part)!.toString('utf8');
  return text.split('\n').filter(Boolean).map((line) => {
    const values = JSON.parse(line) as (string | null)[];
    return Object.fromEntries(t.columns.map((c, i) => [c.name, values[i] ?? null]));
  });
}

describe('backup while the server runs', () => {
  it('the running server makes the backup from one snapshot amid writes; it restores row for row and the access log verifies', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gezinsplan-live-backup-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const source: Record<string, string | undefined> = { DATA_DIR: join(dir, 'data') };
    const restored: Record<string, string | undefined> = { DATA_DIR: join(dir, 'restored') };
    if (kind === 'pglite') {
      await migratedDataFolder(source.DATA_DIR!);
    } else {
      const live = (await postgresDatabaseUrl('migrated'))!;
      const empty = (await postgresDatabaseUrl('empty'))!;
      cleanups.push(live.drop, empty.drop);
      source.DATABASE_URL = live.url;
      restored.DATABASE_URL = empty.url;
    }
    const server = await startServer(source);

    const login = await fetch(`${server.origin}/api/v1/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin.antwerpen@gezinsplan.example', password: DEMO_PASSWORD }),
    });
    expect(login.status).toBe(200);
    const me = (await login.json()) as { csrfToken: string; memberships: { collaborationId: string }[] };
    const headers = { 'content-type': 'application/json', cookie: login.headers.get('set-cookie')!.split(';')[0]!, 'x-csrf-token': me.csrfToken };
    const collaborationId = me.memberships[0]!.collaborationId;

    // Writers add partner organisations from before the backup until after it.
    const acknowledged: { id: string; requestId: string; at: number }[] = [];
    const refused: number[] = [];
    let stop = false;
    const writer = async (w: number) => {
      for (let i = 0; !stop; i++) {
        const requestId = `live-backup-${w}-${i}`;
        const res = await fetch(`${server.origin}/api/v1/collaborations/${collaborationId}/partner-organisations`, {
          method: 'POST', headers: { ...headers, 'x-request-id': requestId }, body: JSON.stringify({ name: `Live ${w}.${i}`, kind: 'other' }),
        });
        if (res.ok) acknowledged.push({ id: ((await res.json()) as { id: string }).id, requestId, at: Date.now() });
        else refused.push(res.status);
      }
    };
    const writers = Promise.all([0, 1, 2, 3].map(writer));
    while (acknowledged.length < 20) await new Promise((resolve) => setTimeout(resolve, 20));

    const file = join(dir, 'backup.tar.gz');
    const startedAt = Date.now();
    const backupRun = await finished(node(['scripts/backup.ts', file], source));
    const doneAt = Date.now();
    const ackedBefore = acknowledged.filter((a) => a.at < startedAt);
    while (acknowledged.filter((a) => a.at > doneAt).length < 10) await new Promise((resolve) => setTimeout(resolve, 20));
    stop = true;
    await writers;
    expect(backupRun.code, backupRun.out).toBe(0);
    expect(backupRun.out).toContain(kind === 'pglite' ? 'read by the running server' : 'read by PostgreSQL');
    // Writing went on while the backup was made, and nothing was refused for it.
    expect(refused).toEqual([]);

    const exit = new Promise((resolve) => server.child.once('exit', resolve));
    server.child.kill('SIGTERM');
    expect(await exit).toBe(0);

    // One snapshot: every change acknowledged before the backup began is in it, and each change in
    // it has its access-log row, and no access-log row its change missing.
    const backup = checkBackup(await readFile(file));
    const ids = new Set(rowsIn(backup, 'partner_organisations').map((r) => r.id));
    for (const a of ackedBefore) expect(ids.has(a.id)).toBe(true);
    const inBackup = acknowledged.filter((a) => ids.has(a.id));
    expect(inBackup.length).toBeLessThan(acknowledged.length);
    const logged = new Set(rowsIn(backup, 'access_log')
      .filter((r) => r.entity_type === 'partner_organisation' && r.action === 'create' && r.request_id?.startsWith('live-backup-'))
      .map((r) => r.request_id));
    expect([...logged].sort()).toEqual(inBackup.map((a) => a.requestId).sort());

    // Nothing acknowledged was lost in the live database either.
    const live = await openDatabase({ databaseUrl: source.DATABASE_URL, dataDir: source.DATA_DIR! });
    try {
      const stored = (await live.db.query.partnerOrganisations.findMany({ columns: { id: true } })).map((r) => r.id);
      expect(acknowledged.filter((a) => !stored.includes(a.id))).toEqual([]);
    } finally {
      await live.close();
    }

    const restoreRun = await finished(node(['scripts/restore.ts', file], restored));
    expect(restoreRun.code, restoreRun.out).toBe(0);
    expect(restoreRun.out).toMatch(/all \d+ rows verify/);

    // Row for row: the restored database backs up to exactly the same parts.
    let copy: Database | null = null;
    try {
      copy = await openDatabase({ databaseUrl: restored.DATABASE_URL, dataDir: restored.DATA_DIR! });
      const again = checkBackup(await createBackup(copy.db, copy.kind));
      expect(again.manifest.tables).toEqual(backup.manifest.tables);
      expect(again.manifest.sequences).toEqual(backup.manifest.sequences);
      for (const part of readArchive(await readFile(file)).slice(1)) {
        expect(again.parts.get(part.name)?.equals(part.content), part.name).toBe(true);
      }
    } finally {
      await copy?.close();
    }
  }, 180_000);
});
