import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { collaborations } from '../db/schema/index.ts';
import { demo, signIn, useTestApp } from '../test/harness.ts';
import { auditRowsFor, collaborationIdOf, requestIdOf } from '../test/helpers.ts';

const t = useTestApp();

describe('50 editors of one version at once', () => {
  it('exactly one wins (2xx), the other 49 get 412, and the stored version and access log agree', async () => {
    const admin = await signIn(t.app, demo('admin', 'antwerpen'));
    const antwerpen = await collaborationIdOf(t.db, 'antwerpen');
    const url = `/api/v1/collaborations/${antwerpen}/settings`;
    const before = await admin.request('GET', url);
    const etag = before.headers.etag as string;
    const version = (before.json() as { version: number }).version;

    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) =>
      admin.request('PATCH', url, { body: { contactPhone: `03 000 00 ${String(i).padStart(2, '0')}` }, headers: { 'if-match': etag } })));
    const codes = answers.map((r) => r.statusCode);
    expect(codes.filter((c) => c >= 200 && c < 300)).toHaveLength(1);
    expect(codes.filter((c) => c === 412)).toHaveLength(49);

    const winner = answers.find((r) => r.statusCode === 200)!;
    const row = (await t.db.select().from(collaborations).where(eq(collaborations.id, antwerpen)))[0]!;
    expect(row.version).toBe(version + 1);
    expect(row.contactPhone).toBe((winner.json() as { contactPhone: string }).contactPhone);
    const logged = await Promise.all(answers.map(async (r) => (await auditRowsFor(t.db, requestIdOf(r))).filter((a) => a.action === 'update' && a.outcome === 'success')));
    expect(logged.flat()).toHaveLength(1);
    expect(logged[answers.indexOf(winner)]).toHaveLength(1);
  });
});
