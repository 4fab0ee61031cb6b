import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { brusselsDay } from '../../../shared/brussels-day.ts';
import { sealAccessLog } from '../../audit/chain.ts';
import { verifyAccessLog } from '../../audit/verify.ts';
import { rowsOf, type Db } from '../../db/connection.ts';
import type { RequestContext } from '../../http/context.ts';
import { demo, signIn, useTestApp } from '../../test/harness.ts';
import { createTestFamily } from '../../test/families.ts';
import { expectError } from '../../test/helpers.ts';
import { created } from '../plan/plan-test-support.ts';
import { makeCanaryFamily, rowsContaining, type CanaryFamily } from './canary-family.ts';
import { eraseFamily } from './erase.ts';

/** A word no code, text or demo data contains: any trace of it after erasure came from the family. */
const CANARY = 'Zorblaxquint';
const t = useTestApp();
const ctx: RequestContext = { requestId: 'erase-test', clientAddress: '127.0.0.1', userAgent: null, locale: 'nl-BE', actor: null, sessionTokenHash: null, sessionLevel: null, csrfToken: null };
const erase = (familyId: string) => t.db.transaction((tx) => eraseFamily(tx, ctx, familyId, { cause: 'retention', decidedByUserId: null, role: null }));

const figureTables = ['trajectory_facts', 'trajectory_tallies', 'coach_facts', 'coach_minute_tallies', 'round_table_facts', 'round_table_long_gaps', 'registration_tallies'];
async function figureState(db: Db) {
  const out: Record<string, string[]> = {};
  for (const table of figureTables) {
    out[table] = rowsOf<{ row: string }>(await db.execute(sql`select t::text as row from ${sql.identifier(table)} t order by 1`)).map((r) => r.row);
  }
  return out;
}

/** The database's own message under the driver's "Failed query" wrapper. */
function causeOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.cause instanceof Error ? error.cause.message : error.message;
}

describe('erasing a closed family file', () => {
  let family: CanaryFamily;
  beforeAll(async () => {
    family = await makeCanaryFamily(t, CANARY, { close: true });
  });

  it('has the canary in every part of the file before, and nowhere but the tombstone-free rows after; figures and the access log stay', async () => {
    const before = await rowsContaining(t.db, CANARY);
    const tablesBefore = new Set(before.map((h) => h.split(':')[0]));
    // The canary really went everywhere the API reaches, so the check below can fail.
    for (const table of ['registrations', 'families', 'family_participants', 'plan_items', 'agreements', 'contact_moments', 'evaluations', 'evaluation_goals',
      'plan_changes', 'plan_version_items', 'network_people', 'network_ties', 'family_services', 'meetings', 'meeting_items', 'meeting_notes', 'conversations',
      'messages', 'attachments', 'attachment_contents', 'own_strength_reflections', 'prior_involvements', 'family_homes', 'family_closures', 'users', 'mail_outbox']) {
      expect(tablesBefore, table).toContain(table);
    }
    const coordinator = await signIn(t.app, demo('coordinator', 'antwerpen'));
    const today = brusselsDay();
    const figuresUrl = `/api/v1/collaborations/${family.collaborationId}/figures?from=${today.slice(0, 4)}-01-01&to=${today}`;
    const figuresBefore = (await coordinator.request('GET', figuresUrl)).json();
    const factsBefore = await figureState(t.db);
    await sealAccessLog(t.db);
    const [logBefore] = rowsOf<{ n: number; last: number }>(await t.db.execute(sql`select count(*)::int as n, max(id)::int as last from access_log`));

    const result = await erase(family.familyId);
    expect(result.counts).toMatchObject({ planItems: 4, agreements: 1, messages: 1, attachments: 1, networkPeople: 1, accounts: 2, planChanges: expect.any(Number) });

    expect(await rowsContaining(t.db, CANARY)).toEqual([]);
    // The tombstone: that it existed, its dates, why it went, the counts.
    const [tomb] = rowsOf<Record<string, unknown>>(await t.db.execute(sql`select cause, registered_on::text, started_on::text, closed_on::text, closure_reason, counts from family_erasures where family_id = ${family.familyId}`));
    expect(tomb).toMatchObject({ cause: 'retention', registered_on: today, started_on: today, closed_on: today, closure_reason: 'goals_reached' });
    // The figures count it as before.
    expect(await figureState(t.db)).toEqual(factsBefore);
    expect((await coordinator.request('GET', figuresUrl)).json()).toEqual(figuresBefore);
    // The access log keeps every row (and gains the erasure's) and its chain verifies.
    await sealAccessLog(t.db);
    expect(rowsOf<{ n: number }>(await t.db.execute(sql`select count(*)::int as n from access_log where id <= ${logBefore!.last}`))[0]!.n).toBe(logBefore!.n);
    expect(rowsOf<{ n: number }>(await t.db.execute(sql`select count(*)::int as n from access_log where family_id = ${family.familyId} and action = 'delete' and entity_type = 'family_erasure'`))[0]!.n).toBe(1);
    expect((await verifyAccessLog(t.db)).ok).toBe(true);
  });

  it('leaves nothing to find: the file, its search and its people answer as if they never were', async () => {
    const coordinator = await signIn(t.app, demo('coordinator', 'antwerpen'));
    expectError(await family.coach.request('GET', `/api/v1/families/${family.familyId}`), 404, 'not_found');
    expectError(await coordinator.request('GET', `/api/v1/families/${family.familyId}/plan`), 404, 'not_found');
    expect((await coordinator.request('GET', `/api/v1/families?q=${CANARY}`)).json().items).toEqual([]);
    expect((await coordinator.request('GET', '/api/v1/families')).json().items.map((f: { id: string }) => f.id)).not.toContain(family.familyId);
    // The parent's account went with the file: the old session is gone.
    expect((await family.parent.request('GET', '/api/v1/me')).statusCode).toBe(401);
  });

  it('is refused for an open file and for one already erased', async () => {
    const open = await createTestFamily(t.db, { displayName: 'Gezin Open' });
    await expect(erase(open.familyId)).rejects.toMatchObject({ statusCode: 409 });
    const [still] = rowsOf<{ erased: boolean }>(await t.db.execute(sql`select erased_at is not null as erased from families where id = ${open.familyId}`));
    expect(still!.erased).toBe(false);
    await expect(erase(family.familyId)).rejects.toMatchObject({ statusCode: 404 });
  });
});

describe('the append-only history allows exactly the sanctioned erasure', () => {
  let familyId: string;
  let otherId: string;
  beforeAll(async () => {
    const coach = await signIn(t.app, demo('coach1', 'antwerpen'));
    for (const name of ['Gezin Historie', 'Gezin Ander']) {
      const f = await createTestFamily(t.db, { displayName: name, coaches: [demo('coach1', 'antwerpen')] });
      await created(coach, `/api/v1/families/${f.familyId}/goals`, { text: `Doel van ${name}`, lifeDomainId: f.lifeDomainIds[0] });
      await created(coach, `/api/v1/families/${f.familyId}/plan/versions`, { label: 'start' });
      if (name === 'Gezin Historie') familyId = f.familyId;
      else otherId = f.familyId;
    }
  });
  const refused = async (run: (tx: Db) => Promise<unknown>, why = /append-only/) => {
    const error = await t.db.transaction(async (tx) => { await run(tx as unknown as Db); }).then(() => null, (err: unknown) => err);
    expect(causeOf(error)).toMatch(why);
  };
  const tables = ['plan_changes', 'plan_versions'] as const;

  it('refuses a plain DELETE or UPDATE of history and versions', async () => {
    for (const table of tables) {
      await refused((tx) => tx.execute(sql`delete from ${sql.identifier(table)} where family_id = ${familyId}`));
      await refused((tx) => tx.execute(sql`update ${sql.identifier(table)} set family_id = family_id where family_id = ${familyId}`));
    }
    await refused((tx) => tx.execute(sql`delete from plan_version_items where version_id in (select id from plan_versions where family_id = ${familyId})`));
  });

  it('refuses a DELETE that names the family without marking it erased, or marks it without naming it', async () => {
    await refused(async (tx) => {
      await tx.execute(sql`select set_config('gezinsplan.erasure', ${familyId}, true)`);
      await tx.execute(sql`delete from plan_changes where family_id = ${familyId}`);
    });
    await refused(async (tx) => {
      await tx.execute(sql`update families set erased_at = now() where id = ${familyId}`);
      await tx.execute(sql`delete from plan_changes where family_id = ${familyId}`);
    });
  });

  it('refuses, during an erasure, the history of another family and every UPDATE', async () => {
    await refused(async (tx) => {
      await tx.execute(sql`select set_config('gezinsplan.erasure', ${familyId}, true)`);
      await tx.execute(sql`update families set erased_at = now() where id = ${familyId}`);
      await tx.execute(sql`delete from plan_changes where family_id = ${otherId}`);
    });
    await refused(async (tx) => {
      await tx.execute(sql`select set_config('gezinsplan.erasure', ${familyId}, true)`);
      await tx.execute(sql`update families set erased_at = now() where id = ${familyId}`);
      await tx.execute(sql`update plan_changes set before = null where family_id = ${familyId}`);
    });
  });

  it('refuses a DELETE in a later transaction once a family was marked erased before', async () => {
    await t.db.execute(sql`update families set erased_at = now() - interval '1 minute' where id = ${otherId}`);
    await refused(async (tx) => {
      await tx.execute(sql`select set_config('gezinsplan.erasure', ${otherId}, true)`);
      await tx.execute(sql`delete from plan_changes where family_id = ${otherId}`);
    });
    // And an erasure is final: the mark cannot be taken back.
    await refused((tx) => tx.execute(sql`update families set erased_at = null where id = ${otherId}`), /final/);
    const [left] = rowsOf<{ n: number }>(await t.db.execute(sql`select count(*)::int as n from plan_changes where family_id in (${familyId}, ${otherId})`));
    expect(left!.n).toBeGreaterThanOrEqual(2);
  });
});
