import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/harness.ts';

describe('GET /api/v1/health', () => {
  const t = useTestApp();

  it('answers ok when the database answers, without signing in, never cached', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: 'ok' });
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-request-id']).toBeTruthy();
  });
});
