import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import { rowsOf, type Db } from '../db/connection.ts';

export type JobHandler = (payload: Record<string, unknown>) => Promise<void>;

interface ClaimedJob {
  id: string;
  kind: string;
  payload: Record<string, unknown>;
  attempts: number;
  max_attempts: number;
}

/** Both drivers answer raw SQL with `{ rows }`; the shared Db type cannot know which driver it is. */

const LOCK_TIMEOUT = '5 minutes';

/**
 * Claims due jobs with FOR UPDATE SKIP LOCKED, so several workers (in several app instances) never
 * take the same job. A job whose worker died is taken again after LOCK_TIMEOUT. Failures are
 * retried with exponential backoff until max_attempts.
 */
export async function runDueJobs(db: Db, handlers: Record<string, JobHandler>, workerId: string, logger: Logger, batch = 10): Promise<number> {
  const claimed = rowsOf<ClaimedJob>(await db.execute(sql`
    update jobs set locked_at = now(), locked_by = ${workerId}, attempts = attempts + 1
    where id in (
      select id from jobs
      where done_at is null and failed_at is null and run_at <= now()
        and (locked_at is null or locked_at < now() - ${LOCK_TIMEOUT}::interval)
      order by run_at
      limit ${batch}
      for update skip locked
    )
    returning id, kind, payload, attempts, max_attempts`));
  for (const job of claimed) {
    const handler = handlers[job.kind];
    try {
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
      await handler(job.payload);
      await db.execute(sql`update jobs set done_at = now(), locked_at = null, last_error = null where id = ${job.id}`);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const final = job.attempts >= job.max_attempts;
      logger.warn({ jobId: job.id, kind: job.kind, attempts: job.attempts, final, err: message }, 'job failed');
      await db.execute(sql`
        update jobs set locked_at = null, last_error = ${message.slice(0, 1000)},
          failed_at = case when ${final} then now() else null end,
          run_at = now() + make_interval(secs => ${2 ** job.attempts * 5})
        where id = ${job.id}`);
    }
  }
  return claimed.length;
}

export function startWorker(db: Db, handlers: Record<string, JobHandler>, opts: { pollMs: number; logger: Logger }) {
  const workerId = randomUUID();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const tick = () => {
    running = runDueJobs(db, handlers, workerId, opts.logger)
      .catch((err: unknown) => opts.logger.error({ err }, 'job worker tick failed'))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, opts.pollMs);
      });
  };
  timer = setTimeout(tick, opts.pollMs);
  return {
    /** Lets the current batch finish, then stops polling. */
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
    runNow: () => runDueJobs(db, handlers, workerId, opts.logger),
  };
}
export type Worker = ReturnType<typeof startWorker>;
