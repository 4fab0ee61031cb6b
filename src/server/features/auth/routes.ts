import { z } from 'zod';
import { eq } from 'drizzle-orm';
import { LoginBody, Me, MePatch, PasswordResetRequestBody, SetPasswordBody, SignInResult, TokenInfo } from '../../../shared/schemas/auth.ts';
import type { SecondStep } from '../second-factor/sign-in.ts';
import { requireActor } from '../../access/policy.ts';
import { users } from '../../db/schema/index.ts';
import type { App, FeatureDeps } from '../../http/route-types.ts';
import { clearSessionCookie, setSessionCookie } from '../../http/session-cookie.ts';
import { meOf, presentMe } from './me.ts';
import { describeToken, login, logout, requestPasswordReset, setPassword } from './service.ts';
import { redeemSignInLink, requestSignInLink } from './magic-link.ts';
import { MagicLinkRedeem, MagicLinkRequest } from '../../../shared/schemas/sharing.ts';

const tags = ['auth'];

export function authRoutes(app: App, { db, config, clock }: FeatureDeps) {
  /** A full session answers who this is; a half one only which second step comes next. */
  const signedIn = (s: { userId: string; csrfToken: string; secondStep?: SecondStep | null }): Promise<SignInResult> =>
    s.secondStep ? Promise.resolve({ secondFactorStep: s.secondStep, csrfToken: s.csrfToken }) : meOf(db, s.userId, s.csrfToken, clock());

  app.post('/auth/login', {
    schema: { tags, summary: 'Sign in with email and password; when a second factor follows, only that step is open', body: LoginBody, response: { 200: SignInResult } },
    config: { public: true },
  }, async (req, reply) => {
    const session = await login(db, config, req.ctx, req.body, clock());
    setSessionCookie(reply, config, session.token);
    return signedIn(session);
  });

  app.post('/auth/logout', { schema: { tags, summary: 'Sign out', response: { 204: z.null() } }, config: { secondFactorStep: true } }, async (req, reply) => {
    await logout(db, req.ctx);
    clearSessionCookie(reply, config);
    return reply.code(204).send(null);
  });

  app.post('/auth/password-reset', {
    schema: { tags, summary: 'Mail a link to choose a new password', body: PasswordResetRequestBody, response: { 202: z.object({}) } },
    config: { public: true },
  }, async (req, reply) => {
    await requestPasswordReset(db, config, req.ctx, req.body.email);
    return reply.code(202).send({});
  });

  app.post('/auth/magic-link', {
    schema: { tags, summary: 'Mail a one-time sign-in link (family, network, outside professionals)', body: MagicLinkRequest, response: { 202: z.object({}) } },
    config: { public: true },
  }, async (req, reply) => {
    await requestSignInLink(db, config, req.ctx, req.body.email);
    return reply.code(202).send({});
  });

  app.post('/auth/magic-link/redeem', {
    schema: { tags, summary: 'Sign in with a sign-in or invitation link (single use)', body: MagicLinkRedeem, response: { 200: SignInResult } },
    config: { public: true },
  }, async (req, reply) => {
    const session = await redeemSignInLink(db, config, req.ctx, req.body.token, clock());
    setSessionCookie(reply, config, session.token);
    return signedIn(session);
  });

  app.get('/auth/tokens/:token', {
    schema: { tags, summary: 'Who an invitation or reset link is for', params: z.object({ token: z.string().max(200) }), response: { 200: TokenInfo } },
    config: { public: true },
  }, async (req) => describeToken(db, req.params.token));

  app.post('/auth/set-password', {
    schema: { tags, summary: 'Choose a password from an invitation or reset link, and sign in', body: SetPasswordBody, response: { 200: SignInResult } },
    config: { public: true },
  }, async (req, reply) => {
    const session = await setPassword(db, config, req.ctx, req.body, clock());
    setSessionCookie(reply, config, session.token);
    return signedIn(session);
  });

  app.get('/me', { schema: { tags, summary: 'The signed-in user, memberships and CSRF token', response: { 200: Me } } }, async (req) => {
    const actor = requireActor(req.ctx.actor);
    return presentMe(db, actor, req.ctx.csrfToken ?? '', clock());
  });

  app.patch('/me', { schema: { tags, summary: 'Change my language', body: MePatch, response: { 200: Me } } }, async (req) => {
    const actor = requireActor(req.ctx.actor);
    await db.update(users).set({ locale: req.body.locale, updatedAt: new Date() }).where(eq(users.id, actor.userId));
    return presentMe(db, { ...actor, locale: req.body.locale }, req.ctx.csrfToken ?? '', clock());
  });
}
