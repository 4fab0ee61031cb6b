import { and, desc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { accessLog } from '../../db/schema/index.ts';
import { demo, PLATFORM_ADMIN, signIn, useTestApp, type Client } from '../../test/harness.ts';
import { collaborationIdOf, expectError, RANDOM_UUID } from '../../test/helpers.ts';
import { csvCell, EXPORT_BATCH_ROWS } from './export-csv.ts';

const t = useTestApp();
const as: Record<string, Client> = {};
let antwerpen: string;
let malika: string;
const csvUrl = (collaborationId: string, query = '') => `/api/v1/collaborations/${collaborationId}/access-log.csv${query ? `?${query}` : ''}`;

beforeAll(async () => {
  antwerpen = await collaborationIdOf(t.db, 'antwerpen');
  for (const [key, email] of Object.entries({
    dpo: demo('dpo'), gentDpo: demo('dpo', 'gent'), admin: demo('admin'), coach: demo('coach2'), platform: PLATFORM_ADMIN,
  })) as[key] = await signIn(t.app, email);
  malika = (await as.coach!.request('GET', '/api/v1/families?q=Malika')).json().items[0].id;
});

describe('a cell of the CSV', () => {
  it('keeps a spreadsheet from running what anyone typed as a formula', () => {
    expect(['=1+1', '+32 470', '-2', '@SUM(A1)', '\tx', '\rx'].map(csvCell)).toEqual(["'=1+1", "'+32 470", "'-2", "'@SUM(A1)", "'\tx", "\"'\rx\""]);
    expect(csvCell('a, "b"')).toBe('"a, ""b"""');
    expect(csvCell(null)).toBe('');
    expect(csvCell(false)).toBe('false');
  });
});

describe('the DPO exports the access log as CSV', () => {
  it('holds the filtered rows, newest first, across more than one batch, and the export itself is logged', async () => {
    // Enough reads of Malika's file to need more than one batch, written as the audit writes them.
    const coach = (await t.db.select({ id: accessLog.actorUserId }).from(accessLog).where(eq(accessLog.familyId, malika)).limit(1))[0]!.id;
    await t.db.insert(accessLog).values(Array.from({ length: EXPORT_BATCH_ROWS + 20 }, () => ({
      collaborationId: antwerpen, familyId: malika, actorUserId: coach, actorRole: 'coach', action: 'read' as const, entityType: 'plan', outcome: 'success' as const,
    })));
    const rows = await t.db.select({ id: accessLog.id }).from(accessLog)
      .where(and(eq(accessLog.familyId, malika), eq(accessLog.action, 'read'))).orderBy(desc(accessLog.id));
    expect(rows.length).toBeGreaterThan(EXPORT_BATCH_ROWS);
    const res = await as.dpo!.request('GET', csvUrl(antwerpen, `familyId=${malika}&action=read`));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="inzagelog-\d{4}-\d{2}-\d{2}\.csv"$/);
    const lines = res.body.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe('id,occurredAt,actorUserId,actorName,actorRole,organisationName,onBehalf,familyId,action,entityType,entityId,outcome,reason,clientAddress,requestId');
    expect(lines.slice(1).map((l) => Number(l.split(',')[0]))).toEqual(rows.map((r) => r.id));
    expect(res.body).not.toContain('Malika');
    const [logged] = await t.db.select().from(accessLog).where(and(eq(accessLog.action, 'export'), eq(accessLog.entityType, 'collaboration_access_log')))
      .orderBy(desc(accessLog.id)).limit(1);
    expect(logged).toMatchObject({ collaborationId: antwerpen, actorRole: 'dpo', reason: `familyId=${malika} action=read` });
  });

  it('prefixes a reason that starts like a formula', async () => {
    const reason = '=HYPERLINK("http://evil.example","klik") de coach is ziek';
    const opened = await (await signIn(t.app, demo('coordinator'))).request('POST', `/api/v1/families/${malika}/break-glass`, { body: { reason } });
    expect(opened.statusCode).toBe(201);
    const res = await as.dpo!.request('GET', csvUrl(antwerpen, 'action=break_glass'));
    expect(res.body).toContain(`"'=HYPERLINK(""http://evil.example"",""klik"") de coach is ziek"`);
    expect(res.body).not.toMatch(/(^|,)"?=HYPERLINK/m);
  });

  it('is the DPO\'s alone: a coach or admin 403, the DPO of another collaboration 404 as for none, bad filters 400', async () => {
    expectError(await as.coach!.request('GET', csvUrl(antwerpen)), 403, 'forbidden');
    expectError(await as.admin!.request('GET', csvUrl(antwerpen)), 403, 'forbidden');
    expectError(await as.platform!.request('GET', csvUrl(antwerpen)), 403, 'forbidden');
    const other = await as.gentDpo!.request('GET', csvUrl(antwerpen));
    const none = await as.gentDpo!.request('GET', csvUrl(RANDOM_UUID));
    expect({ status: other.statusCode, body: other.body }).toEqual({ status: 404, body: none.body });
    expect((await as.dpo!.request('GET', csvUrl(antwerpen, 'action=steal'))).statusCode).toBe(400);
  });
});
