import { describe, expect, it } from 'vitest';
import { randomUuid } from './uuid.ts';

const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('randomUuid', () => {
  it('uses crypto.randomUUID when the browser offers it', () => {
    expect(randomUuid({ getRandomValues: crypto.getRandomValues.bind(crypto), randomUUID: () => '1-2-3-4-5' })).toBe('1-2-3-4-5');
  });

  it('builds a valid v4 UUID from random bytes outside secure contexts', () => {
    const fallback = { getRandomValues: crypto.getRandomValues.bind(crypto) };
    const ids = new Set(Array.from({ length: 50 }, () => randomUuid(fallback)));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(V4);
  });
});
