import { expect } from 'vitest';
import type { Client } from '../../test/harness.ts';
import { RANDOM_UUID } from '../../test/helpers.ts';

/* Small helpers shared by the plan feature's tests. */

export const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });

/** POSTs and returns the created body, failing loudly with the answer when it is not a 201. */
export async function created<T = Record<string, unknown> & { id: string; version: number }>(client: Client, url: string, body: object): Promise<T> {
  const res = await client.request('POST', url, { body });
  if (res.statusCode !== 201) throw new Error(`POST ${url}: ${res.statusCode} ${res.body}`);
  return res.json<T>();
}

type Method = 'GET' | 'PATCH' | 'DELETE' | 'PUT' | 'POST';

/**
 * The same request with the real id and with an id that exists nowhere answer alike: 404 with an
 * identical body. "Not visible" must not be told apart from "does not exist".
 */
export async function expectSameAsRandom(client: Client, method: Method, url: string, id: string, body?: object) {
  const opts = { body: method === 'GET' || method === 'DELETE' ? undefined : body, headers: ifMatch(1) };
  const real = await client.request(method, url, opts);
  const random = await client.request(method, url.replace(id, RANDOM_UUID), opts);
  expect({ method, url, status: real.statusCode, body: real.body }).toEqual({ method, url, status: 404, body: random.body });
}

/** Texts of a list answer, sorted, for comparing what someone sees. */
export const textsOf = (items: { text?: string; what?: string }[]) => items.map((i) => i.text ?? i.what).sort();
