import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rowsOf } from '../db/connection.ts';
import { demo, signIn, useTestApp } from '../test/harness.ts';
import { collaborationIdOf } from '../test/helpers.ts';
import { sealAccessLog } from './chain.ts';
import { verifyAccessLog } from './verify.ts';

const t = useTestApp();

describe('sealing while many write', () => {
  it('20 parallel requests and 3 sealers at once still give one consistent chain', async () => {
    const admin = await signIn(t.app, demo('admin', 'antwerpen'));
    const antwerpen = await collaborationIdOf(t.db, 'antwerpen');
    const requests = Array.from({ length: 20 }, (_, i) => admin.request('POST', `/api/v1/collaborations/${antwerpen}/partner-organisations`, {
      body: { name: `Partner ${i}`, kind: 'cgg' },
    }));
    const sealers = [sealAccessLog(t.db), sealAccessLog(t.db), sealAccessLog(t.db)];
    const answers = await Promise.all(requests);
    expect(answers.map((r) => r.statusCode)).toEqual(Array(20).fill(201));
    await Promise.all(sealers);
    await sealAccessLog(t.db);

    const result = await verifyAccessLog(t.db);
    expect(result.findings).toEqual([]);
    expect(result.unsealed).toBe(0);
    const chains = rowsOf<{ n: number; max: number; distinct_seq: number }>(await t.db.execute(sql`
      select count(*)::int as n, max(chain_seq)::int as max, count(distinct chain_seq)::int as distinct_seq
      from access_log group by coalesce(collaboration_id::text, 'platform')`));
    for (const c of chains) expect([c.max, c.distinct_seq]).toEqual([c.n, c.n]);
  });
});
