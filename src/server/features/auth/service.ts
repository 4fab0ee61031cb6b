import { eq } from 'drizzle-orm';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/connection.ts';
import { users } from '../../db/schema/index.ts';
import { audit } from '../../audit/audit.ts';
import type { RequestContext } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { queueMail } from '../../mail/outbox.ts';
import { passwordResetMail } from '../../mail/templates.ts';
import type { LoginBody, SetPasswordBody } from '../../../shared/schemas/auth.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { startSignInSession } from '../second-factor/sign-in.ts';
import { deleteSession, deleteUserSessions } from './sessions.ts';
import { addressThrottleKey, clearFailures, emailThrottleKey, isThrottled, recordFailure } from './throttle.ts';
import { consumeToken, findValidToken, issueToken } from './tokens.ts';

/** Failures allowed from one client address, as a multiple of those allowed for one email. */
const IP_FAILURE_FACTOR = 10;

type AuthConfig = Pick<Config, 'SESSION_IDLE_MINUTES' | 'SESSION_ABSOLUTE_HOURS' | 'LOGIN_MAX_FAILURES' | 'LOGIN_WINDOW_MINUTES' | 'publicUrl'>;

/**
 * Unknown email and wrong password give the same answer, take the same time (a real argon2
 * verify either way) and count toward the same throttle, so nobody can learn who has an account.
 */
export async function login(db: Db, config: AuthConfig, ctx: RequestContext, body: LoginBody, now: Date) {
  const limits = { maxFailures: config.LOGIN_MAX_FAILURES, windowMinutes: config.LOGIN_WINDOW_MINUTES };
  const emailKey = emailThrottleKey(body.email);
  const ipKey = addressThrottleKey(ctx.clientAddress);
  const keys = [emailKey, ipKey];
  // One address may be a whole office behind NAT: it gets more room than one account, but not unlimited.
  const ipLimits = { ...limits, maxFailures: limits.maxFailures * IP_FAILURE_FACTOR };
  if ((await isThrottled(db, [emailKey], limits)) || (await isThrottled(db, [ipKey], ipLimits))) {
    throw new AppError(429, 'too_many_attempts');
  }
  const [user] = await db.select().from(users).where(eq(users.email, body.email));
  const ok = await verifyPassword(user?.active ? user.passwordHash : null, body.password);
  if (!user || !ok) {
    await db.transaction(async (tx) => {
      await recordFailure(tx, keys, limits);
      await audit(tx, ctx, { action: 'login', entityType: 'session', entityId: user?.id ?? null, outcome: 'denied' });
    });
    throw new AppError(401, 'invalid_credentials');
  }
  return db.transaction(async (tx) => {
    const session = await startSignInSession(tx, ctx, config, user.id, now);
    // While a code is still to come the count stays: otherwise a right password between wrong codes
    // would let someone guess codes without end. The full sign-in clears it (completeSecondStep).
    if (!session.secondStep) await clearFailures(tx, emailKey);
    return session;
  });
}

export async function logout(db: Db, ctx: RequestContext): Promise<void> {
  if (!ctx.sessionTokenHash) return;
  const tokenHash = ctx.sessionTokenHash;
  await db.transaction(async (tx) => {
    await deleteSession(tx, tokenHash);
    await audit(tx, ctx, { action: 'logout', entityType: 'session', entityId: ctx.actor?.userId ?? null });
  });
}

/** Always answers the same; only a known, active account gets a mail. */
export async function requestPasswordReset(db: Db, config: AuthConfig, ctx: RequestContext, email: string): Promise<void> {
  const [user] = await db.select().from(users).where(eq(users.email, email));
  if (!user?.active) return;
  await db.transaction(async (tx) => {
    const token = await issueToken(tx, user.id, user.passwordHash ? 'password_reset' : 'invitation');
    const url = `${config.publicUrl}/reset-password?token=${token}`;
    await queueMail(tx, passwordResetMail({ to: user.email, name: user.name, url, locale: ctx.locale }));
    await audit(tx, ctx, { action: 'create', entityType: 'password_reset', entityId: user.id });
  });
}

export async function describeToken(db: Db, secret: string) {
  const token = await findValidToken(db, secret);
  if (!token || token.purpose === 'magic_link' || token.purpose === 'family_invitation') throw new AppError(404, 'token_invalid');
  const [user] = await db.select().from(users).where(eq(users.id, token.userId));
  if (!user?.active) throw new AppError(404, 'token_invalid');
  return { purpose: token.purpose, email: user.email, name: user.name };
}

/** Sets the password from an invitation or reset link, ends all other sessions, and signs in. */
export async function setPassword(db: Db, config: AuthConfig, ctx: RequestContext, body: SetPasswordBody, now: Date) {
  const passwordHash = await hashPassword(body.password);
  return db.transaction(async (tx) => {
    const token = await findValidToken(tx, body.token);
    if (!token || token.purpose === 'magic_link' || token.purpose === 'family_invitation' || !(await consumeToken(tx, token.tokenHash))) {
      throw new AppError(404, 'token_invalid');
    }
    const [user] = await tx
      .update(users)
      .set({ passwordHash, updatedAt: new Date() })
      .where(eq(users.id, token.userId))
      .returning();
    if (!user?.active) throw new AppError(404, 'token_invalid');
    await deleteUserSessions(tx, user.id);
    await audit(tx, ctx, { action: 'update', entityType: 'password', entityId: user.id, reason: token.purpose, actorUserId: user.id });
    // A reset link proves the mailbox, not the second factor: that step still follows.
    return startSignInSession(tx, ctx, config, user.id, now, token.purpose);
  });
}
