import { mkdir, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { openPglite, type Database } from './connection.ts';
import { DataFolderLockedError, lockDataFolder } from './lock.ts';

const folders: string[] = [];
const newFolder = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'gezinsplan-lock-'));
  folders.push(dir);
  return join(dir, 'data');
};
afterAll(async () => {
  for (const dir of folders) await rm(dir, { recursive: true, force: true });
});

/** A fresh folder costs ~5 s of initdb; when the run has a migrated dump, start the folder from it. */
async function prefill(dataDir: string) {
  const target = inject('testDatabase');
  if (target.kind !== 'pglite') return;
  await mkdir(dataDir, { recursive: true });
  const client = await PGlite.create({ dataDir, loadDataDir: new Blob([await readFile(target.dumpPath)]) });
  await client.close();
}

const refusal = (p: Promise<unknown>) => p.then(() => null, (err: unknown) => err);

describe('the data folder lock', () => {
  it('refuses a second PGlite on a folder in use, naming the folder, and opens again after close', async () => {
    const dataDir = await newFolder();
    await prefill(dataDir);
    const first: Database = await openPglite(dataDir);
    try {
      await first.db.execute(sql`create table kept (v text)`);
      await first.db.execute(sql`insert into kept values ('written by the first')`);
      const err = await refusal(openPglite(dataDir));
      expect(err).toBeInstanceOf(DataFolderLockedError);
      expect((err as Error).message).toBe(
        `The data folder ${dataDir} is in use by another gezinsplan process. Stop that process first, or start this one with another DATA_DIR.`,
      );
      // The refused attempt did not take the lock away from the holder.
      expect(await refusal(openPglite(dataDir))).toBeInstanceOf(DataFolderLockedError);
      expect(await readdir(dataDir)).toContain('.gezinsplan.lock');
      // Only the account that runs the server may enter the folder (PGlite's own files are 0666).
      expect((await stat(dataDir)).mode & 0o777).toBe(0o700);
    } finally {
      await first.close();
    }
    const again = await openPglite(dataDir);
    try {
      const result = (await again.db.execute(sql`select v from kept`)) as unknown as { rows: { v: string }[] };
      expect(result.rows).toEqual([{ v: 'written by the first' }]);
    } finally {
      await again.close();
    }
    expect(await readdir(dataDir)).not.toContain('.gezinsplan.lock');
  });

  it('creates missing parent folders, and a lock is released by its release function', async () => {
    const dataDir = join(await newFolder(), 'nested', 'deeper');
    const release = await lockDataFolder(dataDir);
    expect(await refusal(lockDataFolder(dataDir))).toBeInstanceOf(DataFolderLockedError);
    await release();
    const releaseAgain = await lockDataFolder(dataDir);
    await releaseAgain();
  });
});
