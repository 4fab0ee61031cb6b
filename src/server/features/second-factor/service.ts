import { and, eq, isNull, ne } from 'drizzle-orm';
import type { Config } from '../../config.ts';
import type { Db, Executor } from '../../db/connection.ts';
import { secondFactors } from '../../db/schema/index.ts';
import type { Actor } from '../../access/actor.ts';
import { audit } from '../../audit/audit.ts';
import type { RequestContext } from '../../http/context.ts';
import { AppError, unauthenticated } from '../../http/errors.ts';
import { queueMail } from '../../mail/outbox.ts';
import { createSession, deleteOtherSessions } from '../auth/sessions.ts';
import { addressThrottleKey, clearFailures, emailThrottleKey, isThrottled, recordFailure } from '../auth/throttle.ts';
import { decryptSecret, encryptSecret, secondFactorKey } from './crypto.ts';
import { recoveryCodeUsedMail } from './mail.ts';
import { replaceRecoveryCodes, unusedRecoveryCodes, useRecoveryCode } from './recovery.ts';
import { completeSecondStep } from './sign-in.ts';
import { confirmedTotp, hasSecondFactor } from './status.ts';
import { enrolmentPicture, matchingStep, newTotpSecret } from './totp.ts';

export type SecondFactorConfig = Pick<Config, 'NODE_ENV' | 'DATA_DIR' | 'SECOND_FACTOR_KEY' | 'SESSION_IDLE_MINUTES' | 'SESSION_ABSOLUTE_HOURS' | 'LOGIN_MAX_FAILURES' | 'LOGIN_WINDOW_MINUTES'>;

/** Failures allowed from one client address, as for the password (features/auth/service.ts). */
const IP_FAILURE_FACTOR = 10;

const throttleOf = (config: SecondFactorConfig, ctx: RequestContext, actor: Actor) => {
  const limits = { maxFailures: config.LOGIN_MAX_FAILURES, windowMinutes: config.LOGIN_WINDOW_MINUTES };
  const emailKey = emailThrottleKey(actor.email);
  const ipKey = addressThrottleKey(ctx.clientAddress);
  return {
    emailKey,
    check: async (db: Executor) =>
      (await isThrottled(db, [emailKey], limits)) || (await isThrottled(db, [ipKey], { ...limits, maxFailures: limits.maxFailures * IP_FAILURE_FACTOR })),
    fail: (db: Executor) => recordFailure(db, [emailKey, ipKey], limits),
  };
};

/**
 * Accepts a TOTP code for a factor once: the update only matches while the code's time step is newer
 * than the last one used, so a replayed code (or the same code sent twice at once) is refused.
 */
async function acceptCode(db: Executor, key: Buffer, factor: typeof secondFactors.$inferSelect, code: string, now: Date): Promise<boolean> {
  const step = matchingStep(decryptSecret(key, factor.secretEncrypted!, factor.userId), code, now);
  if (step === null) return false;
  const newer = factor.lastUsedStep === null ? isNull(secondFactors.lastUsedStep) : eq(secondFactors.lastUsedStep, factor.lastUsedStep);
  if (factor.lastUsedStep !== null && step <= factor.lastUsedStep) return false;
  const used = await db.update(secondFactors).set({ lastUsedStep: step, lastUsedAt: now })
    .where(and(eq(secondFactors.id, factor.id), newer)).returning({ id: secondFactors.id });
  return used.length === 1;
}

/** A wrong code counts toward the sign-in throttle and is logged, in its own transaction so it stays. */
async function refuse(db: Db, ctx: RequestContext, throttle: ReturnType<typeof throttleOf>, actor: Actor, entityType: string): Promise<never> {
  await db.transaction(async (tx) => {
    await throttle.fail(tx);
    await audit(tx, ctx, { action: 'login', entityType, entityId: actor.userId, outcome: 'denied' });
  });
  throw new AppError(401, 'invalid_code');
}

const requireSession = (ctx: RequestContext) => {
  if (!ctx.actor || !ctx.sessionTokenHash) throw unauthenticated();
  return { actor: ctx.actor, tokenHash: ctx.sessionTokenHash };
};

/** The second step of signing in: a code from the app, or one recovery code (logged and mailed). */
export async function completeSignIn(db: Db, config: SecondFactorConfig, ctx: RequestContext, body: { code?: string; recoveryCode?: string }, now: Date) {
  const { actor, tokenHash } = requireSession(ctx);
  if (ctx.sessionLevel !== 'second_factor') throw new AppError(409, 'conflict');
  const factor = await confirmedTotp(db, actor.userId);
  if (!factor) throw new AppError(403, 'second_factor_enrolment_required');
  const throttle = throttleOf(config, ctx, actor);
  if (await throttle.check(db)) throw new AppError(429, 'too_many_attempts');
  const key = secondFactorKey(config);
  const result = await db.transaction(async (tx) => {
    const ok = body.recoveryCode ? await useRecoveryCode(tx, actor.userId, body.recoveryCode) : await acceptCode(tx, key, factor, body.code ?? '', now);
    if (!ok) return null;
    const method = body.recoveryCode ? 'recovery_code' : 'totp';
    const session = await completeSecondStep(tx, ctx, config, { userId: actor.userId, email: actor.email, halfSessionTokenHash: tokenHash, method });
    if (body.recoveryCode) {
      await queueMail(tx, recoveryCodeUsedMail({ to: actor.email, name: actor.name, left: await unusedRecoveryCodes(tx, actor.userId), locale: actor.locale }));
    }
    return session;
  });
  return result ?? refuse(db, ctx, throttle, actor, 'second_factor');
}

/**
 * Starts linking an authenticator app: a new secret, shown once as QR code and text. While the second
 * step is still to come this is refused for someone who already has a factor: a password alone must
 * not be enough to add a phone.
 */
export async function startTotpEnrolment(db: Db, config: SecondFactorConfig, ctx: RequestContext) {
  const { actor } = requireSession(ctx);
  if (ctx.sessionLevel !== 'full' && (await hasSecondFactor(db, actor.userId))) throw new AppError(401, 'second_factor_required');
  const secret = newTotpSecret();
  const key = secondFactorKey(config);
  const factor = await db.transaction(async (tx) => {
    await tx.delete(secondFactors).where(and(eq(secondFactors.userId, actor.userId), isNull(secondFactors.confirmedAt)));
    const [row] = await tx.insert(secondFactors).values({ userId: actor.userId, kind: 'totp', secretEncrypted: encryptSecret(key, secret, actor.userId) }).returning();
    await audit(tx, ctx, { action: 'create', entityType: 'second_factor', entityId: row!.id, reason: 'totp_enrolment_started' });
    return row!;
  });
  const picture = await enrolmentPicture(secret, actor.email);
  return { factorId: factor.id, secret, otpauthUri: picture.uri, qrSvg: picture.svg };
}

/**
 * Confirms the new app with its first code. It replaces an older app, gets ten new recovery codes,
 * ends every other session of the person, and (on the enrolment step of sign-in) signs in fully.
 */
export async function confirmTotpEnrolment(db: Db, config: SecondFactorConfig, ctx: RequestContext, body: { factorId: string; code: string }, now: Date) {
  const { actor, tokenHash } = requireSession(ctx);
  if (ctx.sessionLevel !== 'full' && (await hasSecondFactor(db, actor.userId))) throw new AppError(401, 'second_factor_required');
  const [pending] = await db.select().from(secondFactors)
    .where(and(eq(secondFactors.id, body.factorId), eq(secondFactors.userId, actor.userId), isNull(secondFactors.confirmedAt)));
  if (!pending) throw new AppError(409, 'no_pending_enrolment');
  const throttle = throttleOf(config, ctx, actor);
  if (await throttle.check(db)) throw new AppError(429, 'too_many_attempts');
  const key = secondFactorKey(config);
  const result = await db.transaction(async (tx) => {
    if (!(await acceptCode(tx, key, pending, body.code, now))) return null;
    await tx.delete(secondFactors).where(and(eq(secondFactors.userId, actor.userId), eq(secondFactors.kind, 'totp'), ne(secondFactors.id, pending.id)));
    await tx.update(secondFactors).set({ confirmedAt: now }).where(eq(secondFactors.id, pending.id));
    const recoveryCodes = await replaceRecoveryCodes(tx, actor.userId);
    await audit(tx, ctx, { action: 'update', entityType: 'second_factor', entityId: pending.id, reason: 'totp_enrolled' });
    // Every session ends, this one too: the new full session below gets a new token.
    await deleteOtherSessions(tx, actor.userId, null);
    if (ctx.sessionLevel === 'second_factor') {
      const session = await completeSecondStep(tx, ctx, config, { userId: actor.userId, email: actor.email, halfSessionTokenHash: tokenHash, method: 'totp_enrolment' });
      return { recoveryCodes, ...session };
    }
    await clearFailures(tx, throttle.emailKey);
    const session = await createSession(tx, actor.userId, config, 'full');
    return { userId: actor.userId, recoveryCodes, ...session };
  });
  return result ?? refuse(db, ctx, throttle, actor, 'second_factor_enrolment');
}

/** Ten new recovery codes, the old ones void; needs a current code from the app. */
export async function regenerateRecoveryCodes(db: Db, config: SecondFactorConfig, ctx: RequestContext, code: string, now: Date) {
  const { actor } = requireSession(ctx);
  const factor = await confirmedTotp(db, actor.userId);
  if (!factor) throw new AppError(409, 'conflict');
  const throttle = throttleOf(config, ctx, actor);
  if (await throttle.check(db)) throw new AppError(429, 'too_many_attempts');
  const key = secondFactorKey(config);
  const codes = await db.transaction(async (tx) => {
    if (!(await acceptCode(tx, key, factor, code, now))) return null;
    const fresh = await replaceRecoveryCodes(tx, actor.userId);
    await audit(tx, ctx, { action: 'update', entityType: 'recovery_codes', entityId: actor.userId });
    return fresh;
  });
  return codes ?? refuse(db, ctx, throttle, actor, 'recovery_codes');
}

/**
 * Removes the app (and its recovery codes) with a current code from it: a password alone must not
 * be enough to take the second factor away. Every other session of the person ends.
 */
export async function removeTotp(db: Db, config: SecondFactorConfig, ctx: RequestContext, code: string, now: Date) {
  const { actor, tokenHash } = requireSession(ctx);
  const factor = await confirmedTotp(db, actor.userId);
  if (!factor) throw new AppError(409, 'conflict');
  const throttle = throttleOf(config, ctx, actor);
  if (await throttle.check(db)) throw new AppError(429, 'too_many_attempts');
  const key = secondFactorKey(config);
  const done = await db.transaction(async (tx) => {
    if (!(await acceptCode(tx, key, factor, code, now))) return null;
    await tx.delete(secondFactors).where(eq(secondFactors.userId, actor.userId));
    await replaceRecoveryCodes(tx, actor.userId, 0);
    await deleteOtherSessions(tx, actor.userId, tokenHash);
    await audit(tx, ctx, { action: 'delete', entityType: 'second_factor', entityId: factor.id, reason: 'totp_removed' });
    return true;
  });
  return done ?? refuse(db, ctx, throttle, actor, 'second_factor');
}
