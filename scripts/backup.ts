import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadConfig } from '../src/server/config.ts';
import { openDatabase } from '../src/server/db/connection.ts';
import { DataFolderLockedError } from '../src/server/db/lock.ts';
import { createBackup } from '../src/server/backup/dump.ts';
import { requestBackupFromServer } from '../src/server/backup/operator-socket.ts';
import { checkBackup } from '../src/server/backup/restore.ts';

/**
 * Writes a backup (.tar.gz with manifest.json and one part per table) of the database in
 * DATABASE_URL, or else of the embedded database in DATA_DIR. When a server holds that folder,
 * it makes the backup itself, from one snapshot, over the folder's operator socket.
 * `npm run backup -- [file]`, default gezinsplan-<time>.tar.gz.
 */
async function makeArchive(config: ReturnType<typeof loadConfig>): Promise<{ archive: Buffer; by: string }> {
  let database;
  try {
    database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  } catch (err) {
    if (!(err instanceof DataFolderLockedError)) throw err;
    const archive = await requestBackupFromServer(config.DATA_DIR);
    // The same checks a restore makes, before the file is called a backup.
    checkBackup(archive);
    return { archive, by: 'the running server' };
  }
  try {
    return { archive: await createBackup(database.db, database.kind), by: database.kind === 'pglite' ? 'this process from the data folder' : 'PostgreSQL' };
  } finally {
    await database.close();
  }
}

async function main() {
  const config = loadConfig();
  if (!config.DATABASE_URL && !existsSync(join(config.DATA_DIR, 'PG_VERSION'))) {
    throw new Error(`There is no embedded database in ${config.DATA_DIR} to back up.`);
  }
  const file = process.argv[2] ?? `gezinsplan-${new Date().toISOString().replace(/[:.]/g, '-')}.tar.gz`;
  const { archive, by } = await makeArchive(config);
  await writeFile(file, archive, { flag: 'wx' });
  console.log(`backup written to ${file} (${archive.length} bytes, read by ${by})`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
