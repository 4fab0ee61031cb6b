import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/connection.ts';
import { secondFactors, users } from '../../db/schema/index.ts';
import type { Actor } from '../../access/actor.ts';
import type { SessionLevel } from '../auth/sessions.ts';
import { requirementFor } from './policy.ts';
import { unusedRecoveryCodes } from './recovery.ts';

const DAY_MS = 24 * 3600_000;

export const confirmedTotp = async (db: Executor, userId: string) => {
  const [row] = await db.select().from(secondFactors)
    .where(and(eq(secondFactors.userId, userId), eq(secondFactors.kind, 'totp'), isNotNull(secondFactors.confirmedAt)));
  return row ?? null;
};

export async function hasSecondFactor(db: Executor, userId: string): Promise<boolean> {
  return (await confirmedTotp(db, userId)) !== null;
}

/** From when someone who must enrol can no longer work without it; null when they need not, or were never asked. */
export async function enrolBy(db: Executor, actor: Actor, now: Date, markAsked: boolean): Promise<Date | null> {
  const { required, graceDays } = await requirementFor(db, actor);
  if (!required) return null;
  const [user] = await db.select({ askedAt: users.secondFactorAskedAt }).from(users).where(eq(users.id, actor.userId));
  let askedAt = user?.askedAt ?? null;
  if (!askedAt && markAsked) {
    askedAt = now;
    await db.update(users).set({ secondFactorAskedAt: now }).where(and(eq(users.id, actor.userId), isNull(users.secondFactorAskedAt)));
  }
  return askedAt ? new Date(askedAt.getTime() + graceDays * DAY_MS) : null;
}

export async function secondFactorStatus(db: Executor, actor: Actor, level: SessionLevel, now: Date) {
  const factor = await confirmedTotp(db, actor.userId);
  const by = factor ? null : await enrolBy(db, actor, now, false);
  const step = level === 'full' ? null : factor ? ('verify' as const) : ('enrol' as const);
  return {
    step,
    required: factor !== null || (await requirementFor(db, actor)).required,
    enrolBy: by?.toISOString() ?? null,
    factors: factor ? [{ id: factor.id, kind: factor.kind, confirmedAt: factor.confirmedAt!.toISOString(), lastUsedAt: factor.lastUsedAt?.toISOString() ?? null }] : [],
    recoveryCodesLeft: factor ? await unusedRecoveryCodes(db, actor.userId) : 0,
  };
}
