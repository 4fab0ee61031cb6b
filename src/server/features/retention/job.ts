import type { Logger } from 'pino';
import type { Db } from '../../db/connection.ts';
import type { RequestContext } from '../../http/context.ts';
import { ensureOneScheduled } from '../../jobs/queue.ts';
import type { JobHandler } from '../../jobs/worker.ts';
import { brusselsDate, nextDigestAt } from '../registrations/timing.ts';
import { eraseFamily } from './erase.ts';
import { filesPastTerm } from './repo.ts';

export const RETENTION_JOB = 'retention.daily';

/** One pending run at a time across instances, like the other daily jobs. */
export const ensureRetentionScheduled = (db: Db, runAt: Date): Promise<void> => ensureOneScheduled(db, RETENTION_JOB, runAt);

const jobContext: RequestContext = {
  requestId: RETENTION_JOB, clientAddress: '127.0.0.1', userAgent: null, locale: 'nl-BE', actor: null, sessionTokenHash: null, sessionLevel: null, csrfToken: null,
};

/**
 * Daily: erases every closed file past its retention term that is not on legal hold, each in its
 * own transaction (one failure does not hold back the others; a file erased already is simply no
 * longer found, so a second run does nothing). Logs counts and ids only, never content.
 */
export function retentionHandler(db: Db, logger: Pick<Logger, 'info' | 'warn'>, clock: () => Date = () => new Date()): JobHandler {
  return async () => {
    const now = clock();
    const due = await filesPastTerm(db, brusselsDate(now));
    let erased = 0;
    for (const { familyId } of due) {
      try {
        await db.transaction((tx) => eraseFamily(tx, jobContext, familyId, { cause: 'retention', decidedByUserId: null, role: null }));
        erased += 1;
      } catch (err) {
        // A failed query's message carries its parameters (names, addresses): log only the database's code.
        const code = err instanceof Error && err.cause && typeof err.cause === 'object' && 'code' in err.cause ? String(err.cause.code) : 'unknown';
        logger.warn({ familyId, code }, 'retention: erasing a file failed');
      }
    }
    logger.info({ due: due.length, erased }, 'retention: files past their term erased');
    await ensureRetentionScheduled(db, nextDigestAt(now));
  };
}
