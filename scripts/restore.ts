import { existsSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import { loadConfig } from '../src/server/config.ts';
import { openDatabase } from '../src/server/db/connection.ts';
import { describeVerification, verifyAccessLog } from '../src/server/audit/verify.ts';
import { checkBackup, restoreBackup, TargetNotEmptyError } from '../src/server/backup/restore.ts';

/**
 * `npm run restore -- <backup.tar.gz>`: checks every part against the manifest, restores into the
 * empty database in DATABASE_URL or the empty (or missing) folder DATA_DIR, runs the migrations
 * up to this version and checks the access log. Exit code 0 when all verifies, 1 otherwise.
 */
async function main() {
  const file = process.argv[2];
  if (!file) throw new Error('Usage: npm run restore -- <backup.tar.gz>');
  const config = loadConfig();
  const backup = checkBackup(await readFile(file));
  console.log(`backup checked: ${backup.manifest.tables.length} tables, made ${backup.manifest.createdAt} at migration ${backup.manifest.migration.tag ?? 'none'}`);
  const newFolder = !config.DATABASE_URL;
  if (newFolder && existsSync(config.DATA_DIR) && (await readdir(config.DATA_DIR)).length > 0) {
    throw new TargetNotEmptyError(`The folder ${config.DATA_DIR}`);
  }
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  let restored = false;
  try {
    const result = await restoreBackup(database, backup);
    restored = true;
    console.log(`restored ${result.rows} rows in ${result.tables} tables`);
    await database.migrate();
    const verification = await verifyAccessLog(database.db);
    console.log(describeVerification(verification));
    process.exitCode = verification.ok ? 0 : 1;
  } finally {
    await database.close();
    // The folder was empty before: a failed restore leaves it so.
    if (newFolder && !restored) await rm(config.DATA_DIR, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
