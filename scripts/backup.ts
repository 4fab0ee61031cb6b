import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadConfig } from '../src/server/config.ts';
import { openDatabase } from '../src/server/db/connection.ts';
import { createBackup } from '../src/server/backup/dump.ts';

/**
 * Writes a backup (.tar.gz with manifest.json and one part per table) of the database in
 * DATABASE_URL, or else of the embedded database in DATA_DIR (stop the server first: the folder
 * is locked while it runs). `npm run backup -- [file]`, default gezinsplan-<time>.tar.gz.
 */
async function main() {
  const config = loadConfig();
  if (!config.DATABASE_URL && !existsSync(join(config.DATA_DIR, 'PG_VERSION'))) {
    throw new Error(`There is no embedded database in ${config.DATA_DIR} to back up.`);
  }
  const file = process.argv[2] ?? `gezinsplan-${new Date().toISOString().replace(/[:.]/g, '-')}.tar.gz`;
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  try {
    const archive = await createBackup(database.db, database.kind);
    await writeFile(file, archive, { flag: 'wx' });
    console.log(`backup written to ${file} (${archive.length} bytes)`);
  } finally {
    await database.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
