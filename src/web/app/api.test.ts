import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiError, apiRequest, etagFor, isApiError, setApiLocale, setCsrfToken, setFetchImplementation } from './api.ts';

interface Call {
  url: string;
  init: RequestInit;
}

function fakeFetch(responses: (() => Response)[]): { calls: Call[] } {
  const calls: Call[] = [];
  setFetchImplementation(async (input, init) => {
    calls.push({ url: String(input), init: init ?? {} });
    const next = responses.shift();
    if (!next) throw new Error('unexpected request');
    return next();
  });
  return { calls };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) => () =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

const header = (call: Call | undefined, name: string) => new Headers(call?.init.headers).get(name);

afterEach(() => {
  setCsrfToken(null);
  setApiLocale('nl-BE');
});

describe('apiRequest', () => {
  it('sends JSON with the UI language and returns parsed data with the ETag', async () => {
    const { calls } = fakeFetch([json(200, { id: 1, extra: 'dropped' }, { ETag: '"7"' })]);
    setApiLocale('en');
    const result = await apiRequest('/things/1', { schema: z.object({ id: z.number() }) });
    expect(result).toEqual({ data: { id: 1 }, etag: '"7"' });
    expect(calls[0]?.url).toBe('/api/v1/things/1');
    expect(calls[0]?.init.credentials).toBe('same-origin');
    expect(header(calls[0], 'Accept-Language')).toBe('en');
    expect(header(calls[0], 'x-csrf-token')).toBeNull();
  });

  it('adds the CSRF token, If-Match and Idempotency-Key on changes', async () => {
    const { calls } = fakeFetch([() => new Response(null, { status: 204 })]);
    setCsrfToken('tok');
    const result = await apiRequest('/things/1', { method: 'PATCH', body: { a: 1 }, ifMatch: etagFor(3), idempotencyKey: 'k-1' });
    expect(result.data).toBeUndefined();
    expect(header(calls[0], 'x-csrf-token')).toBe('tok');
    expect(header(calls[0], 'If-Match')).toBe('"3"');
    expect(header(calls[0], 'Idempotency-Key')).toBe('k-1');
    expect(header(calls[0], 'Content-Type')).toBe('application/json');
    expect(calls[0]?.init.body).toBe('{"a":1}');
  });

  it('does not send the CSRF token to sign-in endpoints', async () => {
    const { calls } = fakeFetch([() => new Response(null, { status: 202 })]);
    setCsrfToken('tok');
    await apiRequest('/auth/password-reset', { method: 'POST', body: { email: 'a@b.be' } });
    expect(header(calls[0], 'x-csrf-token')).toBeNull();
  });

  it('turns an error body into an ApiError with field details', async () => {
    const details = [{ field: 'email', code: 'invalid_format', message: 'Dit is geen geldig e-mailadres.' }];
    fakeFetch([json(422, { error: { code: 'validation_failed', message: 'Kijk de velden na.', details } })]);
    const error = await apiRequest('/x', { method: 'POST', body: {} }).catch((e: unknown) => e);
    expect(isApiError(error, 'validation_failed')).toBe(true);
    expect(error).toMatchObject({ status: 422, message: 'Kijk de velden na.', details });
  });

  it('gives a client code when the error has no JSON body or the network fails', async () => {
    fakeFetch([() => new Response('<html>Bad gateway</html>', { status: 502 })]);
    await expect(apiRequest('/x')).rejects.toMatchObject({ status: 502, code: 'http_error' });
    setFetchImplementation(async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(apiRequest('/x')).rejects.toMatchObject({ status: 0, code: 'network_error' });
  });

  it('refuses a response that does not match the contract', async () => {
    fakeFetch([json(200, { id: 'not a number' })]);
    await expect(apiRequest('/x', { schema: z.object({ id: z.number() }) })).rejects.toBeInstanceOf(ApiError);
  });

  it('fetches a new CSRF token once and retries when the token was refused', async () => {
    const { calls } = fakeFetch([
      json(403, { error: { code: 'csrf_failed', message: 'Sessie verlopen.' } }),
      json(200, { csrfToken: 'fresh' }),
      () => new Response(null, { status: 204 }),
    ]);
    setCsrfToken('stale');
    await apiRequest('/auth/logout', { method: 'POST' });
    expect(calls.map((c) => c.url)).toEqual(['/api/v1/auth/logout', '/api/v1/me', '/api/v1/auth/logout']);
    expect(header(calls[2], 'x-csrf-token')).toBe('fresh');
  });

  it('does not retry other refusals', async () => {
    const { calls } = fakeFetch([json(403, { error: { code: 'forbidden', message: 'Nee.' } })]);
    await expect(apiRequest('/x', { method: 'POST' })).rejects.toMatchObject({ code: 'forbidden' });
    expect(calls).toHaveLength(1);
  });
});
