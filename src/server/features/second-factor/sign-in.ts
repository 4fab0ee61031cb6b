import type { Executor } from '../../db/connection.ts';
import { loadActor } from '../../access/actor.ts';
import { audit } from '../../audit/audit.ts';
import type { RequestContext } from '../../http/context.ts';
import { createSession, deleteSession, type SessionTimeouts } from '../auth/sessions.ts';
import { clearFailures, emailThrottleKey } from '../auth/throttle.ts';
import { enrolBy, hasSecondFactor } from './status.ts';

/** What a sign-in still asks after its first factor: a code ('verify'), linking an app ('enrol'), or nothing. */
export type SecondStep = 'verify' | 'enrol';

/** How the second step was given; passkeys add their own kind. */
export type SecondStepMethod = 'totp' | 'recovery_code' | 'totp_enrolment';

/** A half session is for one thing only: giving or setting up the second factor. It lives 15 minutes at most. */
const HALF_SESSION_MINUTES = 15;
const halfSessionTimeouts = (t: SessionTimeouts): SessionTimeouts => ({
  SESSION_IDLE_MINUTES: Math.min(t.SESSION_IDLE_MINUTES, HALF_SESSION_MINUTES),
  SESSION_ABSOLUTE_HOURS: Math.min(t.SESSION_ABSOLUTE_HOURS, HALF_SESSION_MINUTES / 60),
});

/**
 * The one decision after a first factor (password, invitation or reset link): someone with a second
 * factor must still give it; someone who must enrol and whose grace period is over may only enrol
 * (the first time they are asked starts that period). Everyone else is signed in fully.
 */
export async function secondStepAfterFirstFactor(db: Executor, userId: string, now: Date): Promise<SecondStep | null> {
  if (await hasSecondFactor(db, userId)) return 'verify';
  const actor = await loadActor(db, userId);
  if (!actor) return null;
  const by = await enrolBy(db, actor, now, true);
  return by && by.getTime() <= now.getTime() ? 'enrol' : null;
}

/**
 * Starts the session a first factor earns: full, or half (level 'second_factor') when a second step
 * follows. Logged as a sign-in, with the step still to come as its reason.
 */
export async function startSignInSession(
  tx: Executor, ctx: RequestContext, config: SessionTimeouts, userId: string, now: Date, reason: string | null = null,
) {
  const secondStep = await secondStepAfterFirstFactor(tx, userId, now);
  const session = secondStep
    ? await createSession(tx, userId, halfSessionTimeouts(config), 'second_factor')
    : await createSession(tx, userId, config, 'full');
  const stepReason = secondStep ? `second_factor_${secondStep}` : null;
  await audit(tx, ctx, {
    action: 'login', entityType: 'session', entityId: userId, actorUserId: userId,
    reason: [reason, stepReason].filter(Boolean).join(' ') || null,
  });
  return { userId, secondStep, ...session };
}

/**
 * Turns a half session into a full one once the second factor was given (a code from the app, a
 * recovery code, a passkey): the half session ends and a full one with a new token begins, so whoever
 * saw the first cookie gains nothing; the failed attempts of this email are forgotten. Call it in the
 * transaction that accepted the factor.
 */
export async function completeSecondStep(
  tx: Executor, ctx: RequestContext, config: SessionTimeouts,
  p: { userId: string; email: string; halfSessionTokenHash: string; method: SecondStepMethod | (string & {}) },
) {
  await clearFailures(tx, emailThrottleKey(p.email));
  await deleteSession(tx, p.halfSessionTokenHash);
  const session = await createSession(tx, p.userId, config, 'full');
  await audit(tx, ctx, { action: 'login', entityType: 'second_factor', entityId: p.userId, actorUserId: p.userId, reason: p.method });
  return { userId: p.userId, ...session };
}
