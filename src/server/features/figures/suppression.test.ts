import { describe, expect, it } from 'vitest';
import type { CountedRow } from './engine.ts';
import { suppress } from './suppression.ts';
import type { FigureModule } from './types.ts';

const base = { levels: ['government'] as const, query: () => { throw new Error('not run'); } };
const row = (collaborationId: string | null, dims: Record<string, string>, counts: Record<string, number>, values: Record<string, number | null> = {}): CountedRow =>
  ({ collaborationId, dims, counts, values });
const cells = (figure: FigureModule, rows: CountedRow[]) => suppress(figure, rows).map((r) => r.cells);

describe('small-cell suppression', () => {
  const single: FigureModule = { ...base, id: 'n', dimensions: [], counts: [{ key: 'n', unit: 'families' }] };

  it('shows 5 and more, and "<5" for 0 to 4', () => {
    expect(cells(single, [row('a', {}, { n: 5 }), row('b', {}, { n: 0 }), row('c', {}, { n: 4 }), row(null, {}, { n: 9 })]))
      .toEqual([{ n: 5 }, { n: '<5' }, { n: '<5' }, { n: 9 }]);
  });

  it('a lone small collaboration cannot be found as Flanders minus the others: the next smallest goes too', () => {
    expect(cells(single, [row('a', {}, { n: 3 }), row('b', {}, { n: 12 }), row('c', {}, { n: 30 }), row(null, {}, { n: 45 })]))
      .toEqual([{ n: '<5' }, { n: '<5' }, { n: 30 }, { n: 45 }]);
  });

  it('suppresses Flanders itself only when no collaboration is left to protect the cell', () => {
    expect(cells(single, [row('a', {}, { n: 3 }), row(null, {}, { n: 3 })])).toEqual([{ n: '<5' }, { n: '<5' }]);
    expect(cells(single, [row('a', {}, { n: 3 }), row('b', {}, { n: 40 }), row(null, {}, { n: 43 })])).toEqual([{ n: '<5' }, { n: '<5' }, { n: 43 }]);
  });

  it('works through both directions of a table until every set has none or at least two suppressed', () => {
    const figure: FigureModule = { ...base, id: 't', dimensions: [{ key: 'k', values: ['x', 'y'] }], counts: [{ key: 'n', unit: 'families', additiveOver: ['k'] }] };
    const out = cells(figure, [
      row('a', { k: 'x' }, { n: 2 }), row('a', { k: 'y' }, { n: 10 }),
      row('b', { k: 'x' }, { n: 8 }), row('b', { k: 'y' }, { n: 9 }),
      row('c', { k: 'x' }, { n: 20 }), row('c', { k: 'y' }, { n: 30 }),
      row(null, { k: 'x' }, { n: 30 }), row(null, { k: 'y' }, { n: 49 }),
    ]);
    // a.x is small; its row takes a.y with it, its column b.x, and then column y takes b.y.
    expect(out.map((c) => c.n)).toEqual(['<5', '<5', '<5', '<5', 20, 30, 30, 49]);
  });

  it('protects the parts of a row that add up to its total, and shows a share only when its counts are shown', () => {
    const figure: FigureModule = {
      ...base, id: 'r', dimensions: [],
      counts: [{ key: 'all', unit: 'families' }, { key: 'yes', unit: 'families' }, { key: 'no', unit: 'families' }],
      rowSums: [{ total: 'all', parts: ['yes', 'no'] }],
      shares: [{ key: 'yesShare', numerator: ['yes'], denominator: 'all' }],
    };
    const out = cells(figure, [row('a', {}, { all: 20, yes: 17, no: 3 }), row('b', {}, { all: 50, yes: 25, no: 25 }), row(null, {}, { all: 70, yes: 42, no: 28 })]);
    // a.no is small: a.yes (its other part) goes too; the columns then need b's yes and no as well.
    expect(out[0]).toEqual({ all: 20, yes: '<5', no: '<5', yesShare: '<5' });
    expect(out[1]).toEqual({ all: 50, yes: '<5', no: '<5', yesShare: '<5' });
    expect(out[2]).toEqual({ all: 70, yes: 42, no: 28, yesShare: 0.6 });
  });

  it('counts of goals follow the families behind them; a median needs 5 families', () => {
    const figure: FigureModule = {
      ...base, id: 'g', dimensions: [],
      counts: [{ key: 'families', unit: 'families' }, { key: 'goals', unit: 'goals', protectedBy: 'families' }, { key: 'base', unit: 'families', hidden: true }],
      values: [{ key: 'median', unit: 'days', base: 'base' }],
    };
    const out = cells(figure, [
      row('a', {}, { families: 3, goals: 12, base: 4 }, { median: 9 }),
      row('b', {}, { families: 7, goals: 20, base: 7 }, { median: 11 }),
      row('c', {}, { families: 9, goals: 30, base: 9 }, { median: 8 }),
      row(null, {}, { families: 19, goals: 62, base: 20 }, { median: 9 }),
    ]);
    expect(out).toEqual([
      { families: '<5', goals: '<5', median: '<5' },
      { families: '<5', goals: '<5', median: 11 },
      { families: 9, goals: 30, median: 8 },
      { families: 19, goals: 62, median: 9 },
    ]);
  });
});
