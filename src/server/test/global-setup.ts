import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openPostgres, wrapPglite } from '../db/connection.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    testDatabase:
      | { kind: 'pglite'; dumpPath: string; emptyDumpPath: string }
      | { kind: 'postgres'; url: string; template: string };
  }
}

const withDatabase = (url: string, database: string) => {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
};

/**
 * Migrates once per run. PGlite: a migrated data folder is dumped and every test file starts from
 * it. PostgreSQL: a migrated template database is made and every test file clones it.
 */
export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const template = `gp_template_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${template}`);
    const database = await openPostgres(withDatabase(url, template));
    await database.migrate();
    await database.close();
    project.provide('testDatabase', { kind: 'postgres', url, template });
    return async () => {
      await admin.query(`drop database if exists ${template} with (force)`);
      await admin.end();
    };
  }
  const client = await PGlite.create();
  const dir = join(process.cwd(), '.tmp');
  await mkdir(dir, { recursive: true });
  // Also keep the database as it is before any migration, for the migrations test.
  const emptyDumpPath = join(dir, `pglite-empty-${process.pid}.tar`);
  await writeFile(emptyDumpPath, Buffer.from(await (await client.dumpDataDir('none')).arrayBuffer()));
  const database = await wrapPglite(client);
  await database.migrate();
  const dump = await client.dumpDataDir('none');
  const dumpPath = join(dir, `pglite-migrated-${process.pid}.tar`);
  await writeFile(dumpPath, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  project.provide('testDatabase', { kind: 'pglite', dumpPath, emptyDumpPath });
  return async () => {
    await rm(dumpPath, { force: true });
    await rm(emptyDumpPath, { force: true });
  };
}
