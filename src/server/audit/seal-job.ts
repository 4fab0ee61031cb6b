import type { Logger } from 'pino';
import type { Db } from '../db/connection.ts';
import { ensureOneScheduled } from '../jobs/queue.ts';
import type { JobHandler } from '../jobs/worker.ts';
import { sealAccessLog } from './chain.ts';

export const SEAL_JOB = 'audit.seal';

export const ensureSealScheduled = (db: Db, everySeconds: number): Promise<void> =>
  ensureOneScheduled(db, SEAL_JOB, new Date(Date.now() + everySeconds * 1000));

/** Seals what was written since the last run, then schedules the next run. */
export function sealHandler(db: Db, everySeconds: number, logger: Logger): JobHandler {
  return async () => {
    try {
      const sealed = await sealAccessLog(db);
      if (sealed > 0) logger.debug({ sealed }, 'access log sealed');
    } finally {
      await ensureSealScheduled(db, everySeconds);
    }
  };
}
