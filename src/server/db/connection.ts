import { chmod, mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema/index.ts';
import { lockDataFolder } from './lock.ts';
import { queryCounter } from './query-count.ts';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Anything a repo can run a query on: the database or an open transaction. */
export type Executor = Db | Tx;

/** The rows of a raw `db.execute(sql…)`: both drivers answer with `{ rows }`. */
export function rowsOf<T = Record<string, unknown>>(result: unknown): T[] {
  return (result as { rows?: T[] }).rows ?? (result as T[]);
}

/** Stops listening. */
export type Unlisten = () => Promise<void>;
/**
 * Subscribes to a PostgreSQL notification channel (LISTEN). Notifications are sent with
 * `select pg_notify(channel, payload)` in the sender's transaction, so they arrive on commit, at
 * every app instance on the same database.
 */
export type Listen = (channel: string, onPayload: (payload: string) => void) => Promise<Unlisten>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  migrate(): Promise<void>;
  listen: Listen;
  close(): Promise<void>;
}

const CHANNEL = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * LISTEN on one dedicated connection for the whole process (a pool connection would be handed to
 * other queries). Lost connections are made again after a second; notifications sent meanwhile are
 * missed, which is why the event stream also replays from Last-Event-ID.
 */
function postgresListener(url: string) {
  const handlers = new Map<string, Set<(payload: string) => void>>();
  let client: pg.Client | null = null;
  let connecting: Promise<pg.Client> | null = null;
  let closed = false;
  const connect = (): Promise<pg.Client> => {
    connecting ??= (async () => {
      const c = new pg.Client({ connectionString: url });
      c.on('notification', (n) => { for (const h of handlers.get(n.channel) ?? []) h(n.payload ?? ''); });
      c.on('error', () => {
        client = null;
        connecting = null;
        c.end().catch(() => undefined);
        if (!closed && handlers.size > 0) setTimeout(() => { if (!closed) void connect().catch(() => undefined); }, 1000).unref();
      });
      await c.connect();
      for (const channel of handlers.keys()) await c.query(`listen ${channel}`);
      client = c;
      return c;
    })();
    return connecting;
  };
  const listen: Listen = async (channel, onPayload) => {
    if (!CHANNEL.test(channel)) throw new Error(`bad channel name ${channel}`);
    const set = handlers.get(channel) ?? new Set();
    const first = set.size === 0;
    set.add(onPayload);
    handlers.set(channel, set);
    const c = client ?? await connect();
    if (first) await c.query(`listen ${channel}`);
    return async () => {
      set.delete(onPayload);
      if (set.size === 0) {
        handlers.delete(channel);
        await client?.query(`unlisten ${channel}`).catch(() => undefined);
      }
    };
  };
  const close = async () => {
    closed = true;
    await client?.end().catch(() => undefined);
  };
  return { listen, close };
}

export const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

// int8 (count, sum) as a JavaScript number on both drivers; our counts stay far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number.parseInt(v, 10));

export async function openPostgres(url: string): Promise<Database> {
  // JIT compiling costs seconds on a busy machine and pays only for long analytic scans: with
  // 100 000 families it made list queries of a few milliseconds take 4–9 s (bench/scale.ts).
  const pool = new pg.Pool({ connectionString: url, max: 10, options: '-c jit=off' });
  const db = drizzlePg(pool, { schema, casing: 'snake_case', logger: queryCounter }) as unknown as Db;
  const listener = postgresListener(url);
  return {
    db,
    kind: 'postgres',
    async migrate() {
      // Several app instances may start at once: one migrates, the others wait for it.
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock(727372)');
        await migratePg(drizzlePg(client, { casing: 'snake_case' }), { migrationsFolder });
      } finally {
        await client.query('select pg_advisory_unlock(727372)').catch(() => undefined);
        client.release();
      }
    },
    listen: listener.listen,
    async close() {
      await listener.close();
      await pool.end();
    },
  };
}

export async function wrapPglite(client: PGlite, release: () => Promise<void> = async () => {}): Promise<Database> {
  const db = drizzlePglite(client, { schema, casing: 'snake_case', logger: queryCounter }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    migrate: () => migratePglite(drizzlePglite(client, { casing: 'snake_case' }), { migrationsFolder }),
    async listen(channel, onPayload) {
      if (!CHANNEL.test(channel)) throw new Error(`bad channel name ${channel}`);
      const stop = await client.listen(channel, onPayload);
      return async () => { await stop().catch(() => undefined); };
    },
    async close() {
      await client.close();
      await release();
    },
  };
}

export async function openPglite(dataDir: string): Promise<Database> {
  const release = await lockDataFolder(dataDir);
  try {
    await mkdir(dataDir, { recursive: true });
    // PGlite writes its files readable and writable by every account (0666); only the folder's
    // mode keeps other accounts of the machine out of the database and its operator socket.
    await chmod(dataDir, 0o700);
    const client = await PGlite.create(dataDir);
    return wrapPglite(client, release);
  } catch (err) {
    await release();
    throw err;
  }
}

export function openDatabase(opts: { databaseUrl?: string; dataDir: string }): Promise<Database> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl) : openPglite(opts.dataDir);
}
