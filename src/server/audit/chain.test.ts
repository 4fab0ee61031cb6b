import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../db/connection.ts';
import { sqlState } from '../http/errors.ts';
import { demo, PLATFORM_ADMIN, signIn, useTestApp, type Client } from '../test/harness.ts';
import { collaborationIdOf } from '../test/helpers.ts';
import { sealAccessLog } from './chain.ts';
import { verifyAccessLog } from './verify.ts';

const t = useTestApp();
let admin: Client;
let platform: Client;
let antwerpen: string;
beforeAll(async () => {
  admin = await signIn(t.app, demo('admin', 'antwerpen'));
  platform = await signIn(t.app, PLATFORM_ADMIN);
  antwerpen = await collaborationIdOf(t.db, 'antwerpen');
});

const makeRows = async (n: number) => {
  for (let i = 0; i < n; i++) {
    const res = await admin.request('GET', `/api/v1/collaborations/${antwerpen}/settings`);
    expect(res.statusCode).toBe(200);
  }
};

/** As a superuser would: with the append-only trigger off for one statement. */
const tamper = (statement: ReturnType<typeof sql>) => t.db.transaction(async (tx) => {
  await tx.execute(sql`alter table access_log disable trigger access_log_append_only`);
  await tx.execute(statement);
  await tx.execute(sql`alter table access_log enable trigger access_log_append_only`);
});

const rowAt = async (seq: number) => rowsOf<{ id: number }>(await t.db.execute(sql`
  select id from access_log where collaboration_id = ${antwerpen} and chain_seq = ${seq}`))[0]!.id;

/** Each test tampers with a fresh tail of the chain: the rows before stay as they were. */
describe.sequential('the tamper-evident access log', () => {
  it('seals every row into one chain per collaboration, and all rows verify', async () => {
    await makeRows(5);
    expect(await sealAccessLog(t.db)).toBeGreaterThan(0);
    const result = await verifyAccessLog(t.db);
    expect(result.firstFailure).toBeNull();
    expect(result).toMatchObject({ ok: true, unsealed: 0 });
    expect(result.rows).toBeGreaterThan(5);
    const chains = rowsOf<{ chain: string; n: number; max: number }>(await t.db.execute(sql`
      select coalesce(collaboration_id::text, 'platform') as chain, count(*)::int as n, max(chain_seq)::int as max from access_log group by 1`));
    for (const c of chains) expect(c.max).toBe(c.n);
  });

  it('still refuses every other update and every delete, also of sealed rows and checkpoints', async () => {
    const refused = async (q: ReturnType<typeof sql>) => expect(sqlState(await t.db.execute(q).then(() => null, (e: unknown) => e))).toBe('42501');
    await refused(sql`update access_log set reason = 'x' where hash is not null`);
    await refused(sql`update access_log set hash = 'x' where hash is not null`);
    await refused(sql`delete from access_log where hash is not null`);
    await refused(sql`update access_log_checkpoints set hash = 'x'`);
    await refused(sql`delete from access_log_checkpoints`);
  });

  it('a row changed in SQL: verify names exactly that row', async () => {
    await makeRows(3);
    await sealAccessLog(t.db);
    const head = rowsOf<{ max: number }>(await t.db.execute(sql`select max(chain_seq)::int as max from access_log where collaboration_id = ${antwerpen}`))[0]!.max;
    const victim = await rowAt(head - 1);
    await tamper(sql`update access_log set reason = 'nothing to see' where id = ${victim}`);
    expect((await verifyAccessLog(t.db)).firstFailure).toEqual({ problem: 'changed', chain: antwerpen, chainSeq: head - 1, rowId: victim });
    await tamper(sql`update access_log set reason = null where id = ${victim}`);
    expect((await verifyAccessLog(t.db)).ok).toBe(true);
  });

  it('a row deleted in SQL: verify names the place where it was', async () => {
    await makeRows(3);
    await sealAccessLog(t.db);
    const head = rowsOf<{ max: number }>(await t.db.execute(sql`select max(chain_seq)::int as max from access_log where collaboration_id = ${antwerpen}`))[0]!.max;
    const victim = await rowAt(head - 1);
    const next = await rowAt(head);
    await tamper(sql`delete from access_log where id = ${victim}`);
    const result = await verifyAccessLog(t.db);
    expect(result.ok).toBe(false);
    expect(result.firstFailure).toEqual({ problem: 'missing_before', chain: antwerpen, chainSeq: head, rowId: next });
  });

  it('a row inserted in SQL with a made-up hash: verify names exactly that row; a deleted tail breaks a checkpoint', async () => {
    const gentAdmin = await signIn(t.app, demo('admin', 'gent'));
    const gent = await collaborationIdOf(t.db, 'gent');
    for (const phone of ['09 000 00 01', '09 000 00 02']) {
      const etag = (await gentAdmin.request('GET', `/api/v1/collaborations/${gent}/settings`)).headers.etag as string;
      const res = await gentAdmin.request('PATCH', `/api/v1/collaborations/${gent}/settings`, { body: { contactPhone: phone }, headers: { 'if-match': etag } });
      expect(res.statusCode).toBe(200);
    }
    await sealAccessLog(t.db);
    const head = rowsOf<{ seq: number; hash: string; id: number }>(await t.db.execute(sql`
      select chain_seq::int as seq, hash, id::int as id from access_log where collaboration_id = ${gent} order by chain_seq desc limit 1`))[0]!;
    await tamper(sql`insert into access_log (collaboration_id, action, entity_type, outcome, chain_seq, prev_hash, hash)
      values (${gent}, 'read', 'family', 'success', ${head.seq + 1}, ${head.hash}, ${'0'.repeat(64)})`);
    const inserted = rowsOf<{ id: number }>(await t.db.execute(sql`
      select id::int as id from access_log where collaboration_id = ${gent} and chain_seq = ${head.seq + 1}`))[0]!.id;
    const gentFindings = async () => (await verifyAccessLog(t.db)).findings.filter((f) => f.chain === gent);
    expect(await gentFindings()).toEqual([{ problem: 'changed', chain: gent, chainSeq: head.seq + 1, rowId: inserted }]);

    await tamper(sql`delete from access_log where id in (${inserted}, ${head.id})`);
    expect(await gentFindings()).toEqual([{ problem: 'checkpoint_mismatch', chain: gent, chainSeq: head.seq, rowId: null }]);
  });
});

describe('POST /platform/access-log/verification', () => {
  it('is for platform administrators only', async () => {
    const res = await admin.request('POST', '/api/v1/platform/access-log/verification');
    expect(res.statusCode).toBe(403);
    expect(res.body).not.toContain('rows');
  });

  it('answers what it found', async () => {
    const res = await platform.request('POST', '/api/v1/platform/access-log/verification');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ok: expect.any(Boolean), rows: expect.any(Number), checkedAt: expect.any(String) });
  });
});
