import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';

export class DataFolderLockedError extends Error {
  constructor(dataDir: string) {
    super(
      `The data folder ${dataDir} is in use by another gezinsplan process. ` +
        'Stop that process first, or start this one with another DATA_DIR.',
    );
    this.name = 'DataFolderLockedError';
  }
}

/**
 * PGlite has no lock of its own: two processes on one data folder silently lose data. Take an
 * exclusive, stale-aware lock before opening it; a crashed holder's lock expires after `staleMs`.
 */
export async function lockDataFolder(dataDir: string, staleMs = 10_000): Promise<() => Promise<void>> {
  await mkdir(dataDir, { recursive: true });
  try {
    return await lockfile.lock(dataDir, {
      lockfilePath: join(dataDir, '.gezinsplan.lock'),
      stale: staleMs,
      update: Math.floor(staleMs / 2),
      realpath: false,
      onCompromised: (err) => {
        // Another process took over the folder: continuing would corrupt it, so stop at once.
        console.error(`Lost the lock on ${dataDir}: ${err.message}`);
        process.exit(1);
      },
    });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ELOCKED') throw new DataFolderLockedError(dataDir);
    throw err;
  }
}
