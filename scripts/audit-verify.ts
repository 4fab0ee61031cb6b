import { loadConfig } from '../src/server/config.ts';
import { openDatabase } from '../src/server/db/connection.ts';
import { describeVerification, verifyAccessLog } from '../src/server/audit/verify.ts';

/**
 * Walks every access-log chain and checkpoint of the database in DATABASE_URL, or else of the
 * embedded database in DATA_DIR (stop the server first: the folder is locked while it runs).
 * Brings the schema up to date first, as the server does at start.
 * Exit code 0 when all rows verify, 1 when one does not fit, 2 when it could not check.
 */
async function main() {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  try {
    // As the server does at start: an older database gets the chain columns first.
    await database.migrate();
    const result = await verifyAccessLog(database.db);
    console.log(describeVerification(result));
    process.exitCode = result.ok ? 0 : 1;
  } finally {
    await database.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(2);
});
