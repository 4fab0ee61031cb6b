import { beforeAll, describe, expect, it } from 'vitest';
import type { CollaborationFigures } from '../../../shared/schemas/figures.ts';
import { figureWords } from '../../../shared/figure-labels.ts';
import { signIn, useTestApp, type Client } from '../../test/harness.ts';
import { pdfText } from '../../test/pdf.ts';
import { columnsOf } from './columns.ts';
import { FIGURES } from './registry.ts';
import { FUTURE_MEETING_DAYS, NOW, PERIOD, seedFixture, type Fixture } from './test-fixture.ts';

const t = useTestApp({}, { clock: () => NOW });
let fx: Fixture;
let coordinator: Client;

beforeAll(async () => {
  fx = await seedFixture(t.db);
  coordinator = await signIn(t.app, 'coordinator.x@figures.example');
});

const query = (extra: Record<string, string> = {}) => new URLSearchParams({ ...PERIOD, ...extra }).toString();
async function figures(extra: Record<string, string> = {}) {
  const res = await coordinator.request('GET', `/api/v1/collaborations/${fx.x}/figures?${query(extra)}`);
  expect(res.statusCode).toBe(200);
  const body = res.json<CollaborationFigures>();
  return (id: string) => body.figures.find((f) => f.id === id)!.rows;
}
const nonZero = (rows: Record<string, unknown>[], key: string) => rows.filter((r) => Number(r[key]) > 0);

describe('the collaboration figures, counted by hand', () => {
  it('registrations per month by referrer type and by reason (a forwarded one and one before the period left out)', async () => {
    const f = await figures();
    expect(nonZero(f('registrations-by-referrer'), 'registrations')).toEqual([
      { month: '2026-01', referrerType: 'clb', registrations: 2 },
      { month: '2026-02', referrerType: 'gp', registrations: 1 },
      { month: '2026-02', referrerType: 'school', registrations: 1 },
      { month: '2026-03', referrerType: 'clb', registrations: 1 },
    ]);
    // Every month of the period and every referrer type is there, 0 where none came.
    expect(f('registrations-by-referrer')).toHaveLength(3 * 11);
    expect(nonZero(f('registrations-by-reason'), 'registrations')).toEqual([
      { month: '2026-01', reason: 'waiting_bridging', registrations: 1 },
      { month: '2026-01', reason: 'many_helpers', registrations: 2 },
      { month: '2026-02', reason: 'question_unclear', registrations: 1 },
      { month: '2026-02', reason: 'other', registrations: 1 },
      { month: '2026-03', reason: 'many_helpers', registrations: 1 },
    ]);
    expect(nonZero(f('consultations'), 'consultations')).toEqual([{ month: '2026-03', referrerType: 'school', consultations: 1 }]);
  });

  it('time to first contact: buckets, shares and median (the one without first contact counts in the shares)', async () => {
    const f = await figures();
    expect(f('first-contact')).toEqual([{
      registrations: 5, days0to7: 1, days8to14: 1, days15to30: 1, days31to60: 1, daysOver60: 0, noContactYet: 1,
      within14DaysShare: 0.4, within30DaysShare: 0.6, medianDays: 17,
    }]);
  });

  it('families started, closed and active: closed on their closure in force, a reopened family is active', async () => {
    const f = await figures();
    // Started: B, H. Closed: C (changed after the period), G, H. Active: A, B, E (reopened). D closed before (changed in it).
    expect(f('families')).toEqual([{ started: 2, closed: 3, activeAtEnd: 3 }]);
  });

  it('caseload per coach counts only this collaboration for a coach working in two', async () => {
    const f = await figures();
    expect(f('caseload')).toEqual([
      { coach: 'Coach Celine', partnerOrganisation: 'Figures X CLB', families: 3, hours: 2 },
      { coach: 'Coach Dirk', partnerOrganisation: 'Figures X CAW', families: 2, hours: 0.8 },
    ]);
    expect(f('caseload-summary')).toEqual([{ coaches: 2, familiesPerCoach: 2.5, hoursPerFamily: 0.7 }]);
  });

  it('life domains and outcomes of goals (deleted goals and families outside the period left out)', async () => {
    const f = await figures();
    expect(nonZero(f('goal-domains'), 'goals')).toEqual([
      { lifeDomain: 'home', families: 2, goals: 2 },
      { lifeDomain: 'money', families: 1, goals: 1 },
      { lifeDomain: 'school', families: 1, goals: 1 },
      { lifeDomain: 'none', families: 1, goals: 1 },
    ]);
    expect(f('goal-outcomes')).toEqual([
      { status: 'active', families: 1, goals: 1 },
      { status: 'reached', families: 1, goals: 1 },
      { status: 'partly_reached', families: 1, goals: 1 },
      { status: 'not_reached', families: 1, goals: 1 },
      { status: 'dropped', families: 1, goals: 1 },
    ]);
  });

  it('informal network: ring-2 people who did not decline and are not deleted', async () => {
    const f = await figures();
    expect(f('informal-network')).toEqual([{ families: 6, withRing2: 2, withoutRing2: 4, withRing2Share: 0.3333 }]);
  });

  it('trajectory duration of the trajectories closed in the period: buckets and median (a reopened closure left out)', async () => {
    const f = await figures();
    // H 46 days, C 160, G 379; E's closure was reopened, D closed before the period.
    expect(f('trajectory-duration')).toEqual([{
      closedTrajectories: 3, upTo3Months: 1, months3to6: 1, months6to12: 0, months12to24: 1, over24Months: 0, medianDurationDays: 160,
    }]);
  });

  it('closure reasons and warm handovers (C closed without one; E reopened, so its reason is not counted)', async () => {
    const f = await figures();
    expect(f('closure-reasons')).toEqual([
      { closureReason: 'goals_reached', closures: 1, withWarmHandover: 0, withoutWarmHandover: 1, warmHandoverShare: 0 },
      { closureReason: 'warm_referral', closures: 2, withWarmHandover: 2, withoutWarmHandover: 0, warmHandoverShare: 1 },
      ...['family_stopped', 'moved', 'other'].map((closureReason) => ({ closureReason, closures: 0, withWarmHandover: 0, withoutWarmHandover: 0, warmHandoverShare: null })),
    ]);
    expect(f('warm-handovers')).toEqual([{ closedFamilies: 3, withWarmHandover: 2, withoutWarmHandover: 1, warmHandoverShare: 0.6667 }]);
  });

  it('round tables held per month and families with one (evaluation rounds, cancelled, deleted and earlier ones left out)', async () => {
    const f = await figures();
    expect(f('round-tables')).toEqual([
      { month: '2026-01', roundTableFamilies: 1, roundTables: 1 },
      { month: '2026-02', roundTableFamilies: 2, roundTables: 2 },
      { month: '2026-03', roundTableFamilies: 1, roundTables: 1 },
    ]);
    expect(f('round-table-families')).toEqual([{ familiesInTrajectory: 6, withRoundTable: 3, withoutRoundTable: 3, withRoundTableShare: 0.5 }]);
    // E's planned round table that has not taken place yet is not counted in a period that includes it.
    const to = new Date(Date.now() + (FUTURE_MEETING_DAYS + 30) * 86_400_000).toISOString().slice(0, 10);
    const later = await figures({ to });
    expect(later('round-table-families')[0]).toMatchObject({ withRoundTable: 3 });
    expect(later('round-tables').reduce((n, r) => n + Number(r.roundTables), 0)).toBe(4);
  });

  it('informal network at round tables: ring-2 people invited or there (A invited, C came), not B (neither)', async () => {
    const f = await figures();
    expect(f('round-table-network')).toEqual([{ familiesWithRoundTable: 3, withRing2AtTable: 2, withoutRing2AtTable: 1, ring2AtTableShare: 0.6667 }]);
    // Coach C works with A, B and E (E's round tables were not held in the period).
    const c = await figures({ coachId: fx.coachC });
    expect(c('round-table-network')).toEqual([{ familiesWithRoundTable: 2, withRing2AtTable: 1, withoutRing2AtTable: 1, ring2AtTableShare: 0.5 }]);
  });

  it('filters by coach and by partner organisation', async () => {
    for (const extra of [{ coachId: fx.coachD }, { partnerOrganisationId: fx.p2 }] as Record<string, string>[]) {
      const f = await figures(extra);
      expect(nonZero(f('registrations-by-referrer'), 'registrations')).toEqual([{ month: '2026-02', referrerType: 'school', registrations: 1 }]);
      expect(f('families')).toEqual([{ started: 0, closed: 1, activeAtEnd: 1 }]);
      expect(f('caseload').map((r) => r.coach).sort()).toEqual(['Coach Celine', 'Coach Dirk']);
    }
    const c = await figures({ coachId: fx.coachC });
    expect(c('families')).toEqual([{ started: 1, closed: 0, activeAtEnd: 3 }]);
  });

  it('refuses a period that ends before it starts (422, translated)', async () => {
    const res = await coordinator.request('GET', `/api/v1/collaborations/${fx.x}/figures?from=2026-03-01&to=2026-01-01`);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details[0]).toMatchObject({ field: 'to', code: 'periodEndBeforeStart', message: expect.stringMatching(/einddatum/) });
  });
});

describe('labels', () => {
  it('every figure has a title and a note on how it is counted, every column and every fixed category a word, in nl-BE and en', () => {
    for (const locale of ['nl-BE', 'en'] as const) {
      const words = figureWords(locale);
      for (const figure of FIGURES) {
        expect(words.titles[figure.id], `${locale} ${figure.id}`).toBeTruthy();
        expect(words.notes[figure.id], `${locale} ${figure.id} note`).toBeTruthy();
        for (const column of columnsOf(figure)) expect(words.columns[column.key], `${locale} ${figure.id} ${column.key}`).toBeTruthy();
        for (const d of figure.dimensions) {
          if (d.values === undefined || d.values === 'months') continue;
          for (const v of d.values) expect(words.values[d.key]?.[v], `${locale} ${d.key} ${v}`).toBeTruthy();
        }
      }
    }
  });
});

describe('exports', () => {
  it('CSV of one figure: header of column keys, `;` separated, one line per row', async () => {
    const res = await coordinator.request('GET', `/api/v1/collaborations/${fx.x}/figures.csv?${query({ figure: 'first-contact' })}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toBe('attachment; filename="first-contact-2026-01-01-2026-03-31.csv"');
    expect(res.body).toBe('\uFEFFregistrations;days0to7;days8to14;days15to30;days31to60;daysOver60;noContactYet;within14DaysShare;within30DaysShare;medianDays\r\n5;1;1;1;1;0;1;0.4;0.6;17\r\n');
    const caseload = await coordinator.request('GET', `/api/v1/collaborations/${fx.x}/figures.csv?${query({ figure: 'caseload' })}`);
    expect(caseload.body).toBe('\uFEFFcoach;partnerOrganisation;families;hours\r\nCoach Celine;Figures X CLB;3;2\r\nCoach Dirk;Figures X CAW;2;0.8\r\n');
    expect((await coordinator.request('GET', `/api/v1/collaborations/${fx.x}/figures.csv?${query({ figure: 'nope' })}`)).statusCode).toBe(404);
  });

  it('the PDF report for the steering group', async () => {
    const res = await coordinator.request('GET', `/api/v1/collaborations/${fx.x}/figures.pdf?${query()}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(res.rawPayload).replace(/\s+/g, ' ');
    expect(text).toContain('Cijfers voor de stuurgroep: Figures X');
    expect(text).toContain('Tijd tot het eerste contact');
    expect(text).toContain('Een rondetafel telt vanaf de dag erna.');
    // The chart's sentence is its caption; the table follows with the numbers.
    expect(text).toContain('Gestart: 2; Afgesloten: 3; Actief op het einde: 3.');
    expect(text).toContain('Hoe lang de begeleiding duurde');
    expect(text).toContain('Afgesloten: 3; Met warme overdracht: 2; Zonder warme overdracht: 1; Aandeel met warme overdracht: 66,7%.');
    expect(text).toContain('In totaal 4 rondetafels');
    expect(text).toContain('In totaal 5 doelen; de meeste bij "bezig", "bereikt", "deels bereikt", "niet bereikt" en "gestopt" (1 elk).');
    expect(text).toContain('Coach Celine Figures X CLB 3 2');
    expect(text).not.toContain('Gezin A');
  });
});
