import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/connection.ts';
import { loginThrottle } from '../../db/schema/index.ts';

export interface ThrottleLimits {
  maxFailures: number;
  windowMinutes: number;
}

/**
 * Failed sign-ins are counted per key (the email, and the client address) in the database, so
 * every app instance sees the same counters. Unknown emails count exactly like known ones.
 */
/** The counter of one account's failed sign-ins: wrong passwords and wrong second-factor codes alike. */
export const emailThrottleKey = (email: string) => `email:${email}`;
export const addressThrottleKey = (clientAddress: string) => `ip:${clientAddress}`;

export async function isThrottled(db: Executor, keys: string[], limits: ThrottleLimits): Promise<boolean> {
  for (const key of keys) {
    const [row] = await db.select().from(loginThrottle).where(eq(loginThrottle.key, key));
    const windowOpen = row && Date.now() - row.windowStartedAt.getTime() < limits.windowMinutes * 60_000;
    if (row && windowOpen && row.failures >= limits.maxFailures) return true;
  }
  return false;
}

export async function recordFailure(db: Executor, keys: string[], limits: ThrottleLimits): Promise<void> {
  const windowStart = sql`now() - make_interval(mins => ${limits.windowMinutes})`;
  for (const key of keys) {
    await db
      .insert(loginThrottle)
      .values({ key, failures: 1 })
      .onConflictDoUpdate({
        target: loginThrottle.key,
        set: {
          failures: sql`case when ${loginThrottle.windowStartedAt} < ${windowStart} then 1 else ${loginThrottle.failures} + 1 end`,
          windowStartedAt: sql`case when ${loginThrottle.windowStartedAt} < ${windowStart} then now() else ${loginThrottle.windowStartedAt} end`,
        },
      });
  }
}

export async function clearFailures(db: Executor, key: string): Promise<void> {
  await db.delete(loginThrottle).where(eq(loginThrottle.key, key));
}
