import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { buildApp, type AppDeps, type GezinsplanApp } from '../app.ts';
import { loadConfig, type Config } from '../config.ts';
import type { Database, Db } from '../db/connection.ts';
import { seedDemoIfEmpty } from '../demo/seed.ts';
import { DEMO_PASSWORD, demoAccounts } from '../demo/accounts.ts';
import { freshDatabase } from './database.ts';
import { latestMailTo, tokenInLink } from './helpers.ts';

export interface TestContext {
  app: GezinsplanApp;
  db: Db;
  database: Database;
  config: Config;
}

/** One app on its own fresh database per test file, with the demo data (two collaborations) loaded. */
export function useTestApp(env: Record<string, string> = {}, opts: { clock?: () => Date; logStream?: { write(line: string): void }; onRoute?: AppDeps['onRoute'] } = {}): TestContext {
  const ctx = {} as TestContext;
  beforeAll(async () => {
    ctx.database = await freshDatabase();
    ctx.db = ctx.database.db;
    ctx.config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...env });
    await seedDemoIfEmpty(ctx.db, { info: () => undefined }, opts.clock);
    ctx.app = await buildApp({ config: ctx.config, db: ctx.db, clock: opts.clock, listen: ctx.database.listen, logStream: opts.logStream, onRoute: opts.onRoute });
  });
  afterAll(async () => {
    await ctx.app?.close();
    await ctx.database?.close();
  });
  return ctx;
}

export const demo = (role: string, collaborationKey: 'antwerpen' | 'gent' | null = 'antwerpen') => {
  const account = demoAccounts().find((a) => a.email.startsWith(`${role}.`) && (collaborationKey === null || a.email.includes(`.${collaborationKey}@`)));
  if (!account) throw new Error(`no demo account ${role} ${collaborationKey}`);
  return account.email;
};
export const PLATFORM_ADMIN = 'platform@gezinsplan.example';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface Client {
  cookie: string;
  csrf: string;
  request(method: Method, url: string, opts?: { body?: unknown; headers?: Record<string, string> }): Promise<LightMyRequestResponse>;
}

export function cookieFrom(res: LightMyRequestResponse): string {
  const set = res.cookies.find((c) => c.name.endsWith('gp_session'));
  if (!set) throw new Error(`no session cookie in ${res.statusCode} ${res.body}`);
  return `${set.name}=${set.value}`;
}

/** Signs in through the real endpoint and returns a client that sends the cookie and CSRF token. */
export async function signIn(app: GezinsplanApp, email: string, password = DEMO_PASSWORD): Promise<Client> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in failed for ${email}: ${res.statusCode} ${res.body}`);
  return clientFor(app, cookieFrom(res), res.json<{ csrfToken: string }>().csrfToken);
}

export function clientFor(app: GezinsplanApp, cookie: string, csrf: string): Client {
  return {
    cookie,
    csrf,
    request: (method, url, opts = {}) =>
      app.inject({
        method,
        url,
        headers: { cookie, 'x-csrf-token': csrf, ...opts.headers },
        ...(opts.body === undefined ? {} : { payload: opts.body as object }),
      }),
  };
}

/**
 * Signs in the way the family does: asks for a link by mail, reads it from the outbox and opens it.
 * Reads the newest mail to the address, so call it once per sign-in.
 */
export async function signInByLink(app: GezinsplanApp, db: Db, email: string): Promise<Client> {
  const asked = await app.inject({ method: 'POST', url: '/api/v1/auth/magic-link', payload: { email } });
  if (asked.statusCode !== 202) throw new Error(`magic link for ${email}: ${asked.statusCode} ${asked.body}`);
  return redeemLink(app, tokenInLink((await latestMailTo(db, email)).text, '/sign-in/link'));
}

/** Opens a sign-in or invitation link. */
export async function redeemLink(app: GezinsplanApp, token: string): Promise<Client> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/magic-link/redeem', payload: { token } });
  if (res.statusCode !== 200) throw new Error(`redeem failed: ${res.statusCode} ${res.body}`);
  return clientFor(app, cookieFrom(res), res.json<{ csrfToken: string }>().csrfToken);
}
