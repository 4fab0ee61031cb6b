import { mkdir, readFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { inject } from 'vitest';
import { openPostgres, wrapPglite, type Database } from '../db/connection.ts';

/** A database on which no migration has run yet (PGlite right after initdb, or a new PostgreSQL database). */
export async function unmigratedDatabase(): Promise<Database> {
  const target = inject('testDatabase');
  if (target.kind === 'pglite') {
    const dump = await readFile(target.emptyDumpPath);
    return wrapPglite(await PGlite.create({ loadDataDir: new Blob([dump]) }));
  }
  return cloneDatabase(target.url, 'template0');
}

/** A fresh, migrated, empty database of the kind this run tests (PGlite or PostgreSQL). */
export async function freshDatabase(): Promise<Database> {
  const target = inject('testDatabase');
  if (target.kind === 'pglite') {
    const dump = await readFile(target.dumpPath);
    const client = await PGlite.create({ loadDataDir: new Blob([dump]) });
    return wrapPglite(client);
  }
  return cloneDatabase(target.url, target.template);
}

async function cloneDatabase(url: string, template: string): Promise<Database> {
  const name = `gp_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name} template ${template}`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  const database = await openPostgres(u.toString());
  return {
    ...database,
    async close() {
      await database.close();
      // pool.end() resolves before the server has closed every connection; dropping "with (force)"
      // at once would kill those and surface as an unhandled error. Give them a moment first.
      for (let attempt = 0; ; attempt++) {
        try {
          await admin.query(attempt < 20 ? `drop database if exists ${name}` : `drop database if exists ${name} with (force)`);
          break;
        } catch (err) {
          if ((err as { code?: string }).code !== '55006' || attempt >= 20) throw err;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      }
      await admin.end();
    },
  };
}

/**
 * A PostgreSQL database of its own, by URL, for a server process a test starts: migrated, or
 * `empty` (no migration). Null on a PGlite run.
 */
export async function postgresDatabaseUrl(state: 'migrated' | 'empty'): Promise<{ url: string; drop(): Promise<void> } | null> {
  const target = inject('testDatabase');
  if (target.kind !== 'postgres') return null;
  const name = `gp_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: target.url });
  await admin.connect();
  await admin.query(`create database ${name} template ${state === 'empty' ? 'template0' : target.template}`);
  const u = new URL(target.url);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    async drop() {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/** Fills a new embedded data folder with this run's migrated database (saves initdb and the migrations). */
export async function migratedDataFolder(dataDir: string): Promise<void> {
  const target = inject('testDatabase');
  if (target.kind !== 'pglite') throw new Error('migratedDataFolder is for a PGlite run');
  await mkdir(dataDir, { recursive: true });
  const client = await PGlite.create({ dataDir, loadDataDir: new Blob([await readFile(target.dumpPath)]) });
  await client.close();
}
