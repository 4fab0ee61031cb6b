import { sql } from 'drizzle-orm';
import type { Db, Executor } from '../db/connection.ts';
import { jobs } from '../db/schema/index.ts';

/** Enqueue inside the caller's transaction: the job exists exactly when the change that needs it does. */
export async function enqueueJob(db: Executor, kind: string, payload: Record<string, unknown>, runAt = new Date()) {
  await db.insert(jobs).values({ kind, payload, runAt });
}

/**
 * Makes sure exactly one future run of a recurring job (a daily digest, reminders) is waiting.
 * Several app instances may start at once, and each run schedules its successor: a
 * transaction-scoped advisory lock serialises these callers, and the insert happens only when no
 * unclaimed job of this kind is pending (a running one is locked by its worker and does not
 * count). The worst case (a worker dying mid-run while another instance starts) is one extra run,
 * after which the chain is single again, because each run only schedules when none is pending.
 */
export async function ensureOneScheduled(db: Db, kind: string, runAt: Date): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${kind}))`);
    await tx.execute(sql`
      insert into jobs (kind, payload, run_at)
      select ${kind}, '{}'::jsonb, ${runAt.toISOString()}::timestamptz
      where not exists (select 1 from jobs where kind = ${kind} and done_at is null and failed_at is null and locked_at is null)`);
  });
}
