import { readFile } from 'node:fs/promises';
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { GovernmentFigures, SUPPRESSED, governmentFiguresJsonSchema } from '../../../shared/schemas/figures.ts';
import type { Db } from '../../db/connection.ts';
import { families } from '../../db/schema/index.ts';
import { demo, PLATFORM_ADMIN, signIn, useTestApp, type Client } from '../../test/harness.ts';
import { collaborationIdOf } from '../../test/helpers.ts';
import { aggregateSource } from './aggregates.ts';
import { governmentFigures } from './government.ts';
import { FIGURES } from './registry.ts';
import { NOW, PERIOD, seedFixture, type Fixture } from './test-fixture.ts';

const t = useTestApp({}, { clock: () => NOW });
let fx: Fixture;
let analyst: Client;
const url = `/api/v1/government/figures?from=${PERIOD.from}&to=${PERIOD.to}`;

beforeAll(async () => {
  fx = await seedFixture(t.db);
  analyst = await signIn(t.app, 'government@gezinsplan.example');
});

async function government(): Promise<GovernmentFigures> {
  const res = await analyst.request('GET', url);
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
  // Exactly the documented shape: nothing more, nothing less.
  const body = res.json<GovernmentFigures>();
  expect(GovernmentFigures.parse(body)).toEqual(body);
  return body;
}

describe('the government view', () => {
  it('shows every collaboration and Flanders, with "<5" for small cells in the API output itself', async () => {
    const body = await government();
    const first = body.figures.find((f) => f.id === 'first-contact')!;
    const x = first.rows.find((r) => r.collaborationId === fx.x)!;
    // X: 5 family registrations (shown); every bucket holds 1 or 0 families, and the shares and median with them.
    expect(x.cells).toEqual({
      registrations: 5, days0to7: SUPPRESSED, days8to14: SUPPRESSED, days15to30: SUPPRESSED, days31to60: SUPPRESSED, daysOver60: SUPPRESSED,
      noContactYet: SUPPRESSED, within14DaysShare: SUPPRESSED, within30DaysShare: SUPPRESSED, medianDays: SUPPRESSED,
    });
    expect(first.rows.find((r) => r.collaborationId === fx.y)!.cells.registrations).toBe(SUPPRESSED);
    expect(first.rows.filter((r) => r.collaborationId === null).map((r) => r.collaborationName)).toEqual(['Vlaanderen']);
    expect(body.collaborations.map((c) => c.id)).toEqual(expect.arrayContaining([fx.x, fx.y, await collaborationIdOf(t.db, 'antwerpen')]));
    expect(body.figures.map((f) => f.id)).not.toContain('caseload');
  });

  it('no count below 5 leaves, and no suppressed cell stands alone among the collaborations adding up to Flanders', async () => {
    const body = await government();
    for (const figure of body.figures) {
      // Counts of families and registrations; goals and coaches follow the families behind them.
      const counts = figure.columns.filter((c) => c.kind === 'count' && (c.unit === 'families' || c.unit === 'registrations')).map((c) => c.key);
      const dims = figure.columns.filter((c) => c.kind === 'dimension').map((c) => c.key);
      const groups = new Map<string, unknown[]>();
      for (const r of figure.rows) {
        for (const key of counts) {
          const v = r.cells[key];
          if (typeof v === 'number') expect(v, `${figure.id} ${key}`).toBeGreaterThanOrEqual(5);
          const g = JSON.stringify([key, ...dims.map((d) => r.cells[d])]);
          groups.set(g, [...(groups.get(g) ?? []), v]);
        }
      }
      for (const [g, values] of groups) {
        const suppressed = values.filter((v) => v === SUPPRESSED).length;
        expect(suppressed === 0 || suppressed >= 2, `${figure.id} ${g}`).toBe(true);
      }
    }
  });

  it('no family leaves its collaboration: no id or name of any family is in the answer or the CSV', async () => {
    const all = await t.db.select({ id: families.id, name: families.displayName }).from(families);
    expect(all.length).toBeGreaterThan(5);
    const json = JSON.stringify(await government());
    const csv = (await analyst.request('GET', `/api/v1/government/figures.csv?from=${PERIOD.from}&to=${PERIOD.to}`)).body;
    for (const f of all) {
      expect(json).not.toContain(f.id);
      expect(json).not.toContain(f.name);
      expect(csv).not.toContain(f.id);
    }
    expect(json).not.toContain('Coach Celine');
  });

  it('the query path reaches only aggregates: every statement is a grouped figure wrapped to its declared columns', async () => {
    const statements: { text: string; rows: Record<string, unknown>[] }[] = [];
    const recording = new Proxy(t.db, {
      get(target, prop, receiver) {
        if (prop !== 'execute') return Reflect.get(target, prop, receiver);
        return async (query: Parameters<Db['execute']>[0]) => {
          const result = await target.execute(query);
          const text = new PgDialect().sqlToQuery(query as SQL).sql;
          statements.push({ text, rows: (result as unknown as { rows: Record<string, unknown>[] }).rows });
          return result;
        };
      },
    });
    const familyIds = new Set((await t.db.select({ id: families.id }).from(families)).map((f) => f.id));
    await governmentFigures(aggregateSource(recording, NOW.toISOString().slice(0, 10)), PERIOD);
    // One per figure: Flanders is summed, or (a median or average) grouped in the same query.
    const government = FIGURES.filter((f) => f.levels.includes('government'));
    expect(statements.length).toBe(government.length);
    for (const { text, rows } of statements) {
      expect(text).toMatch(/^select coalesce\(json_agg\(json_build_array\(collaboration_id, .* as figure_cells$/s);
      const figure = FIGURES.find((f) => text.includes(`"${f.counts[0]!.key}"`))!;
      expect(figure).toBeDefined();
      expect(rows).toHaveLength(1);
      const cells = JSON.parse(String(rows[0]!.cells)) as unknown[][];
      for (const cell of cells.flat()) expect(familyIds.has(String(cell)), `${String(cell)} is a family id`).toBe(false);
    }
    // The government module gets an AggregateSource, never the database (also enforced by lint).
    const source = await readFile(new URL('./government.ts', import.meta.url), 'utf8');
    expect(source).not.toMatch(/from '(drizzle-orm|.*db\/)/);
  });

  it('exports CSV with "<5" and serves the JSON Schema of the export (the same as in docs)', async () => {
    const res = await analyst.request('GET', `/api/v1/government/figures.csv?from=${PERIOD.from}&to=${PERIOD.to}`);
    expect(res.statusCode).toBe(200);
    const lines = res.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('figure;collaborationId;collaboration;month;referrerType;registrations');
    expect(lines).toContain(`first-contact;${fx.x};Figures X;5;<5;<5;<5;<5;<5;<5;<5;<5;<5`);
    const schema = await t.app.inject({ method: 'GET', url: '/api/v1/government/figures/schema.json' });
    expect(schema.statusCode).toBe(200);
    expect(schema.json()).toEqual(JSON.parse(JSON.stringify(governmentFiguresJsonSchema())));
    const docs = JSON.parse(await readFile(new URL('../../../../docs/government-figures.schema.json', import.meta.url), 'utf8'));
    expect(docs).toEqual(schema.json());
  });
});

describe('who may read which figures', () => {
  it('a coordinator reads only their own collaboration: another one is 404, like a random id', async () => {
    const coordinator = await signIn(t.app, 'coordinator.x@figures.example');
    const antwerpen = await collaborationIdOf(t.db, 'antwerpen');
    for (const path of ['figures', 'figures.csv', 'figures.pdf']) {
      const res = await coordinator.request('GET', `/api/v1/collaborations/${antwerpen}/${path}?from=${PERIOD.from}&to=${PERIOD.to}&figure=families`);
      expect(res.statusCode, path).toBe(404);
      expect(res.body).not.toContain('Malika');
    }
    expect((await coordinator.request('GET', url)).statusCode).toBe(403);
  });

  it('coaches and referrers get 403 for the dashboard and the government view', async () => {
    for (const email of ['coach.c@figures.example', 'referrer.x@figures.example', demo('coach1', 'antwerpen')]) {
      const client = await signIn(t.app, email);
      const x = await client.request('GET', `/api/v1/collaborations/${fx.x}/figures?from=${PERIOD.from}&to=${PERIOD.to}`);
      expect(x.statusCode, email).toBe(email.endsWith('figures.example') ? 403 : 404);
      expect((await client.request('GET', url)).statusCode, email).toBe(403);
      expect((await client.request('GET', url.replace('figures?', 'figures.csv?'))).statusCode, email).toBe(403);
    }
  });

  it('the government analyst and the platform administrator read the government view, but no collaboration dashboard', async () => {
    const admin = await signIn(t.app, PLATFORM_ADMIN);
    expect((await admin.request('GET', url)).statusCode).toBe(200);
    for (const client of [admin, analyst]) {
      expect((await client.request('GET', `/api/v1/collaborations/${fx.x}/figures?from=${PERIOD.from}&to=${PERIOD.to}`)).statusCode).toBe(404);
    }
    expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    const me = await analyst.request('GET', '/api/v1/me');
    expect(me.json().user).toMatchObject({ governmentAnalyst: true, platformAdmin: false });
    expect(me.json().memberships).toEqual([]);
  });
});
