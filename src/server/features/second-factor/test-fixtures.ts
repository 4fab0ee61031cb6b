import { expect } from 'vitest';
import type { GezinsplanApp } from '../../app.ts';
import { DEMO_PASSWORD } from '../../demo/accounts.ts';
import { clientFor, cookieFrom, type Client } from '../../test/harness.ts';
import { codeAt } from './totp.ts';

/** The app's clock, moved on by whole 30-second steps so a test need not wait for a new code. */
export function steppingClock() {
  let offset = 0;
  return {
    now: () => new Date(Date.now() + offset),
    nextStep: () => { offset += 30_000; },
    advance: (ms: number) => { offset += ms; },
  };
}

/** Links an authenticator app for a fully signed-in client; returns its secret, codes and the renewed client. */
export async function enrolTotp(app: GezinsplanApp, client: Client, at: Date) {
  const started = await client.request('POST', '/api/v1/me/second-factor/totp');
  expect(started.statusCode).toBe(200);
  const { factorId, secret } = started.json<{ factorId: string; secret: string }>();
  const ok = await client.request('POST', '/api/v1/me/second-factor/totp/confirm', { body: { factorId, code: codeAt(secret, at) } });
  expect(ok.statusCode).toBe(200);
  const { recoveryCodes, csrfToken } = ok.json<{ recoveryCodes: string[]; csrfToken: string }>();
  return { secret, recoveryCodes, client: clientFor(app, cookieFrom(ok), csrfToken) };
}

/** The password step only: a half session, and what the server says comes next. */
export async function signInHalfway(app: GezinsplanApp, email: string, ip = '10.9.0.1') {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: DEMO_PASSWORD }, remoteAddress: ip });
  expect(res.statusCode).toBe(200);
  const body = res.json<{ secondFactorStep?: 'verify' | 'enrol'; csrfToken: string; user?: unknown }>();
  return { client: clientFor(app, cookieFrom(res), body.csrfToken), body, res };
}

/** Both steps: password, then a code from the app at `at`. */
export async function signInWithCode(app: GezinsplanApp, email: string, secret: string, at: Date): Promise<Client> {
  const { client, body } = await signInHalfway(app, email);
  expect(body.secondFactorStep).toBe('verify');
  const res = await client.request('POST', '/api/v1/auth/second-factor', { body: { code: codeAt(secret, at) } });
  expect(res.statusCode).toBe(200);
  return clientFor(app, cookieFrom(res), res.json<{ csrfToken: string }>().csrfToken);
}
