import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { negotiateLocale } from '../../shared/locales.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/connection.ts';
import { resolveSession } from '../features/auth/sessions.ts';
import type { RequestContext } from './context.ts';
import { AppError, unauthenticated } from './errors.ts';
import { sessionCookieName } from './session-cookie.ts';

declare module 'fastify' {
  interface FastifyRequest {
    ctx: RequestContext;
  }
  interface FastifyContextConfig {
    /** Reachable without signing in (sign-in itself, public health and routing). */
    public?: boolean;
    /**
     * Reachable by a session that has passed the password but not yet the second factor: the second
     * step itself and enrolment. Every other route treats such a session as not signed in.
     */
    secondFactorStep?: boolean;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const sameToken = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * The first steps of every API request: who is asking (session → actor), in which language, and
 * for state changes the CSRF token. Everything after this can rely on `req.ctx`.
 */
export function makeAuthenticate(db: Db, config: Config) {
  return async (req: FastifyRequest, _reply: FastifyReply) => {
    const ctx: RequestContext = {
      requestId: req.id,
      clientAddress: req.ip,
      userAgent: req.headers['user-agent'] ?? null,
      locale: negotiateLocale(req.headers['accept-language']),
      actor: null,
      sessionTokenHash: null,
      sessionLevel: null,
      csrfToken: null,
    };
    req.ctx = ctx;
    // The API and the FHIR read API for partner systems; the web app's files need no session.
    if (!req.url.startsWith('/api/') && !req.url.startsWith('/fhir/')) return;
    const token = req.cookies[sessionCookieName(config)];
    const secondFactorStep = req.routeOptions.config?.secondFactorStep === true;
    let halfSignedIn = false;
    if (token) {
      const session = await resolveSession(db, token, config);
      // The one place a half-signed-in session is held back: outside the second-factor routes it has
      // no actor, so no feature can serve it anything, whatever that feature checks.
      halfSignedIn = session?.level === 'second_factor';
      if (session && (!halfSignedIn || secondFactorStep)) {
        ctx.actor = session.actor;
        ctx.sessionTokenHash = session.tokenHash;
        ctx.sessionLevel = session.level;
        ctx.csrfToken = session.csrfToken;
      }
    }
    // An unknown path answers 404 to everyone (not 401 to the signed-out), so a typo reads as a typo.
    const isPublic = req.routeOptions.config?.public === true || req.url.startsWith('/api/docs') || req.is404;
    if (isPublic) return;
    if (!ctx.actor) throw halfSignedIn ? new AppError(401, 'second_factor_required') : unauthenticated();
    if (!SAFE_METHODS.has(req.method)) {
      const header = req.headers['x-csrf-token'];
      if (typeof header !== 'string' || !ctx.csrfToken || !sameToken(header, ctx.csrfToken)) {
        throw new AppError(403, 'csrf_failed');
      }
    }
  };
}
