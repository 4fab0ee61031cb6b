import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { accessLog, collaborations, partnerOrganisations, postcodes } from '../db/schema/index.ts';
import { sqlState } from '../http/errors.ts';
import { demo, signIn, useTestApp, type Client } from '../test/harness.ts';
import { auditRowsFor, collaborationIdOf, requestIdOf, userIdOf } from '../test/helpers.ts';

const t = useTestApp();
let admin: Client;
let antwerpen: string;
let adminId: string;
beforeAll(async () => {
  admin = await signIn(t.app, demo('admin', 'antwerpen'));
  antwerpen = await collaborationIdOf(t.db, 'antwerpen');
  adminId = await userIdOf(t.db, demo('admin', 'antwerpen'));
});

const settingsUrl = () => `/api/v1/collaborations/${antwerpen}/settings`;
const collaborationRow = async () => (await t.db.select().from(collaborations).where(eq(collaborations.id, antwerpen)))[0]!;

describe('the access log', () => {
  it('records a successful change in exactly one row: who, as what, where, what, outcome and request id', async () => {
    const res = await admin.request('PATCH', settingsUrl(), { body: { contactPhone: '03 000 00 00' }, headers: { 'if-match': '"1"', 'user-agent': 'audit-test/1.0' } });
    expect(res.statusCode).toBe(200);
    const requestId = requestIdOf(res);
    const rows = await auditRowsFor(t.db, requestId);
    expect(rows).toEqual([{
      id: expect.any(Number),
      occurredAt: expect.any(Date),
      collaborationId: antwerpen,
      familyId: null,
      actorUserId: adminId,
      actorRole: 'admin',
      actorOrganisationId: null,
      onBehalfOfParticipantId: null,
      action: 'update',
      entityType: 'collaboration_settings',
      entityId: antwerpen,
      outcome: 'success',
      reason: null,
      clientAddress: '127.0.0.1',
      userAgent: 'audit-test/1.0',
      requestId,
      chainSeq: null,
      prevHash: null,
      hash: null,
    }]);
    expect(Math.abs(rows[0]!.occurredAt.getTime() - Date.now())).toBeLessThan(60_000);
  });

  it('uses the request id the client sent, and records the new entity of a create', async () => {
    const res = await admin.request('POST', `/api/v1/collaborations/${antwerpen}/partner-organisations`, {
      body: { name: 'CGG Andante', kind: 'cgg' },
      headers: { 'x-request-id': 'client-chosen-id-0001' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.headers['x-request-id']).toBe('client-chosen-id-0001');
    const rows = await auditRowsFor(t.db, 'client-chosen-id-0001');
    expect(rows.map((r) => [r.action, r.entityType, r.entityId, r.actorRole, r.collaborationId, r.outcome]))
      .toEqual([['create', 'partner_organisation', res.json().id, 'admin', antwerpen, 'success']]);
  });

  it('a change that fails leaves neither the change nor a row', async () => {
    const before = await collaborationRow();
    const codesBefore = await t.db.select().from(postcodes).where(eq(postcodes.collaborationId, antwerpen));
    const res = await admin.request('PATCH', settingsUrl(), {
      body: { name: 'Should not stick', postcodes: [{ postcode: '2000', municipality: 'Antwerpen' }, { postcode: '9000', municipality: 'gent' }] },
      headers: { 'if-match': `"${before.version}"` },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toEqual({
      error: {
        code: 'postcode_taken',
        message: 'Deze postcode hoort al bij een ander samenwerkingsverband.',
        details: [{ field: 'postcodes.1.postcode', code: 'postcode_taken', message: 'Deze postcode hoort al bij een ander samenwerkingsverband.' }],
      },
    });
    expect(await collaborationRow()).toEqual(before);
    expect(await t.db.select().from(postcodes).where(eq(postcodes.collaborationId, antwerpen))).toEqual(codesBefore);
    expect(await auditRowsFor(t.db, requestIdOf(res))).toEqual([]);
  });

  it('if the row cannot be written, the change fails with it', async () => {
    await t.db.execute(sql`create function test_refuse_partner_audit() returns trigger language plpgsql as $$
      begin if new.entity_type = 'partner_organisation' then raise exception 'audit store unavailable'; end if; return new; end $$`);
    await t.db.execute(sql`create trigger test_refuse_partner_audit before insert on access_log for each row execute function test_refuse_partner_audit()`);
    try {
      const res = await admin.request('POST', `/api/v1/collaborations/${antwerpen}/partner-organisations`, { body: { name: 'Unaudited', kind: 'other' } });
      expect(res.statusCode).toBe(500);
      expect(res.json()).toEqual({ error: { code: 'internal_error', message: 'Er ging iets mis bij ons. Probeer het later opnieuw.' } });
      expect(await t.db.select().from(partnerOrganisations).where(eq(partnerOrganisations.name, 'Unaudited'))).toEqual([]);
    } finally {
      await t.db.execute(sql`drop trigger test_refuse_partner_audit on access_log`);
      await t.db.execute(sql`drop function test_refuse_partner_audit()`);
    }
  });

  it('records reads of personal data (the member list) too', async () => {
    const res = await admin.request('GET', `/api/v1/collaborations/${antwerpen}/members`);
    expect(res.statusCode).toBe(200);
    expect((await auditRowsFor(t.db, requestIdOf(res))).map((r) => [r.action, r.entityType, r.outcome, r.actorUserId]))
      .toEqual([['read', 'membership_list', 'success', adminId]]);
  });

  it('refuses UPDATE, DELETE and TRUNCATE in the database itself', async () => {
    const [row] = await t.db.select().from(accessLog).where(and(eq(accessLog.actorUserId, adminId), eq(accessLog.entityType, 'collaboration_settings')));
    expect(row).toBeDefined();
    const attempts = [
      sql`update access_log set outcome = 'failed' where id = ${row!.id}`,
      sql`update access_log set actor_user_id = null`,
      sql`delete from access_log where id = ${row!.id}`,
      sql`delete from access_log`,
      sql`truncate access_log`,
    ];
    for (const statement of attempts) {
      const err = await t.db.execute(statement).then(() => null, (e: unknown) => e);
      expect(sqlState(err)).toBe('42501');
      expect(String((err as { cause?: Error }).cause?.message ?? err)).toMatch(/access_log is append-only: (UPDATE|DELETE|TRUNCATE) refused/);
    }
    const [still] = await t.db.select().from(accessLog).where(eq(accessLog.id, row!.id));
    expect(still).toEqual(row);
  });
});
