import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { negotiateLocale } from '../../shared/locales.ts';
import { loadActor } from '../access/actor.ts';
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
      csrfToken: null,
    };
    req.ctx = ctx;
    if (!req.url.startsWith('/api/')) return;
    const token = req.cookies[sessionCookieName(config)];
    if (token) {
      const session = await resolveSession(db, token, config);
      if (session) {
        ctx.actor = await loadActor(db, session.userId);
        if (ctx.actor) {
          ctx.sessionTokenHash = session.tokenHash;
          ctx.csrfToken = session.csrfToken;
        }
      }
    }
    // An unknown path answers 404 to everyone (not 401 to the signed-out), so a typo reads as a typo.
    const isPublic = req.routeOptions.config?.public === true || req.url.startsWith('/api/docs') || req.is404;
    if (isPublic) return;
    if (!ctx.actor) throw unauthenticated();
    if (!SAFE_METHODS.has(req.method)) {
      const header = req.headers['x-csrf-token'];
      if (typeof header !== 'string' || !ctx.csrfToken || !sameToken(header, ctx.csrfToken)) {
        throw new AppError(403, 'csrf_failed');
      }
    }
  };
}
