import { and, eq, exists, isNull, sql } from 'drizzle-orm';
import { chosenLocale } from '../../../shared/locales.ts';
import type { Db, Executor } from '../../db/connection.ts';
import { familyParticipants, users } from '../../db/schema/index.ts';
import { audit } from '../../audit/audit.ts';
import type { RequestContext } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { queueMail } from '../../mail/outbox.ts';
import { signInLinkMail } from '../../mail/family-templates.ts';
import { startSignInSession } from '../second-factor/sign-in.ts';
import type { SessionTimeouts } from './sessions.ts';
import { isThrottled, recordFailure } from './throttle.ts';
import { consumeToken, findValidToken, issueToken } from './tokens.ts';

type LinkConfig = SessionTimeouts & { publicUrl: string; LOGIN_WINDOW_MINUTES: number; SIGN_IN_LINKS_PER_WINDOW: number };

export const signInLinkUrl = (publicUrl: string, secret: string) => `${publicUrl}/sign-in/link?token=${secret}`;

/**
 * Family members, their network and outside professionals sign in with a link by mail: no password
 * to remember. Only someone in a family's circle without a password gets one; every address gets the
 * same answer, so nobody learns who takes part in a family.
 */
export async function requestSignInLink(db: Db, config: LinkConfig, ctx: RequestContext, email: string): Promise<void> {
  const limits = { maxFailures: config.SIGN_IN_LINKS_PER_WINDOW, windowMinutes: config.LOGIN_WINDOW_MINUTES };
  const key = `link:${email}`;
  if (await isThrottled(db, [key], limits)) return;
  const inACircle = exists(sql`(select 1 from ${familyParticipants} p where p.user_id = ${users.id} and p.removed_at is null)`);
  // People with a password (professionals) sign in with it; a link is for those without one.
  const [user] = await db.select().from(users).where(and(eq(users.email, email), eq(users.active, true), isNull(users.passwordHash), inACircle));
  await db.transaction(async (tx) => {
    // Counted like a failure so repeated requests for one address pause, whether it is known or not.
    await recordFailure(tx, [key], limits);
    if (!user) return;
    const secret = await issueToken(tx, user.id, 'magic_link');
    await queueMail(tx, signInLinkMail({ to: user.email, name: user.name, url: signInLinkUrl(config.publicUrl, secret), locale: chosenLocale(user.locale, ctx.locale) }));
    await audit(tx, ctx, { action: 'create', entityType: 'sign_in_link', entityId: user.id, actorUserId: user.id });
  });
}

/** A sign-in or invitation link, used once: it starts a session like a password sign-in. */
export async function redeemSignInLink(db: Db, config: SessionTimeouts, ctx: RequestContext, secret: string, now: Date) {
  return db.transaction(async (tx) => {
    const token = await findValidToken(tx, secret);
    const usable = token && (token.purpose === 'magic_link' || token.purpose === 'family_invitation');
    if (!usable || !(await consumeToken(tx, token.tokenHash))) throw new AppError(404, 'token_invalid');
    const [user] = await tx.select().from(users).where(and(eq(users.id, token.userId), eq(users.active, true)));
    if (!user) throw new AppError(404, 'token_invalid');
    // A professional invited into a family's circle still gives their second factor.
    return startSignInSession(tx, ctx, config, user.id, now, token.purpose);
  });
}

/** The account of someone invited to a family: found by address, or made without a password. */
export async function accountFor(db: Executor, email: string, name: string, locale: string) {
  const [found] = await db.select().from(users).where(eq(users.email, email));
  if (found) return { user: found, existing: true };
  const [made] = await db.insert(users).values({ email, name, locale }).returning();
  return { user: made!, existing: false };
}
