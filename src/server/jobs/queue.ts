import type { Executor } from '../db/connection.ts';
import { jobs } from '../db/schema/index.ts';

/** Enqueue inside the caller's transaction: the job exists exactly when the change that needs it does. */
export async function enqueueJob(db: Executor, kind: string, payload: Record<string, unknown>, runAt = new Date()) {
  await db.insert(jobs).values({ kind, payload, runAt });
}
