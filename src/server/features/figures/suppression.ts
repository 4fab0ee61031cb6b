import { SUPPRESSED, SUPPRESSION_THRESHOLD } from '../../../shared/schemas/figures.ts';
import { shareOf } from './columns.ts';
import type { CountedRow } from './engine.ts';
import type { FigureModule, RawRow } from './types.ts';

/**
 * Small-cell suppression for the government view.
 *
 * 1. Primary: a count of families or registrations below 5 (0 included) is "<5"; a count of goals
 *    or coaches follows the count of families behind it (`protectedBy`); a median or average is
 *    "<5" when fewer than 5 families are behind it.
 * 2. Complementary: a suppressed cell must not be recoverable by subtraction. Every set of cells
 *    that adds up to a known total — the parts of a row (`rowSums`), the categories of an additive
 *    dimension (months, referrer types, goal statuses), and the collaborations that add up to
 *    Flanders — gets either no suppressed cell or at least two: when one is alone, the smallest
 *    other cell of the set is suppressed too; a set that this leaves with one suppressed cell is
 *    looked at in turn (a worklist, so a cube of months over ten years takes one pass).
 * 3. A share is shown only when every count it is made of is shown.
 */
export interface SuppressedRow {
  collaborationId: string | null;
  cells: RawRow;
}

/** Cells are numbered row by row, count by count: `row * counts + count`. */
export function suppress(figure: FigureModule, rows: CountedRow[]): SuppressedRow[] {
  const counts = figure.counts;
  const n = counts.length;
  const index = new Map(counts.map((c, k) => [c.key, k]));
  const valueOf = (cell: number) => rows[Math.floor(cell / n)]!.counts[counts[cell % n]!.key]!;
  const isFlanders = (cell: number) => rows[Math.floor(cell / n)]!.collaborationId === null;

  // The sets of cells that add up to something known.
  const groups: number[][] = [];
  rows.forEach((_r, i) => {
    for (const s of figure.rowSums ?? []) groups.push([s.total, ...s.parts].map((key) => i * n + index.get(key)!));
  });
  const groupBy = (k: number, without: string) => {
    const byKey = new Map<string, number[]>();
    rows.forEach((r, i) => {
      const parts = [without === 'collaboration' ? '' : String(r.collaborationId)];
      for (const d of figure.dimensions) if (d.key !== without) parts.push(r.dims[d.key]!);
      const key = parts.join('\u0000');
      const cells = byKey.get(key);
      if (cells) cells.push(i * n + k); else byKey.set(key, [i * n + k]);
    });
    for (const cells of byKey.values()) if (cells.length > 1) groups.push(cells);
  };
  counts.forEach((c, k) => {
    // Per collaboration and for Flanders: the categories add up to the total.
    for (const d of c.additiveOver ?? []) groupBy(k, d);
    // Each family belongs to one collaboration: the collaborations add up to Flanders (which is in the set).
    groupBy(k, 'collaboration');
  });
  const groupsOf = new Map<number, number[]>();
  groups.forEach((cells, g) => { for (const cell of cells) { const of = groupsOf.get(cell); if (of) of.push(g); else groupsOf.set(cell, [g]); } });
  const protectedCounts = counts.map((_c, k) => counts.flatMap((d, j) => (d.protectedBy === counts[k]!.key ? [j] : [])));

  // Hiding a cell may leave a set with one hidden cell, which then needs another (worked off in order).
  const hidden = new Uint8Array(rows.length * n);
  const hiddenIn = new Int32Array(groups.length);
  const pending: number[] = [];
  const hide = (cell: number) => {
    if (hidden[cell]) return;
    hidden[cell] = 1;
    for (const g of groupsOf.get(cell) ?? []) if (++hiddenIn[g]! === 1) pending.push(g);
    const row = Math.floor(cell / n);
    for (const j of protectedCounts[cell % n]!) hide(row * n + j);
  };

  // 1. Primary suppression.
  rows.forEach((r, i) => {
    counts.forEach((c, k) => {
      const behind = c.protectedBy ? r.counts[c.protectedBy]! : r.counts[c.key]!;
      if (behind < SUPPRESSION_THRESHOLD) hide(i * n + k);
    });
  });
  // 2. Complementary suppression: prefer a collaboration's cell over Flanders' total, then the smallest.
  for (let next = 0; next < pending.length; next++) {
    const g = pending[next]!;
    if (hiddenIn[g] !== 1) continue;
    let pick = -1;
    for (const cell of groups[g]!) {
      if (hidden[cell]) continue;
      if (pick < 0 || Number(isFlanders(cell)) - Number(isFlanders(pick)) < 0 || (isFlanders(cell) === isFlanders(pick) && valueOf(cell) < valueOf(pick))) pick = cell;
    }
    if (pick >= 0) hide(pick);
  }

  return rows.map((r, i) => {
    const cells: RawRow = { ...r.dims };
    const isHidden = (key: string) => hidden[i * n + index.get(key)!] === 1;
    for (const c of figure.counts) if (!c.hidden) cells[c.key] = isHidden(c.key) ? SUPPRESSED : r.counts[c.key]!;
    for (const s of figure.shares ?? []) {
      const parts = [...s.numerator, s.denominator];
      cells[s.key] = parts.some(isHidden) ? SUPPRESSED : shareOf(s.numerator.reduce((sum, k) => sum + r.counts[k]!, 0), r.counts[s.denominator]!);
    }
    for (const v of figure.values ?? []) cells[v.key] = r.counts[v.base]! < SUPPRESSION_THRESHOLD ? SUPPRESSED : r.values[v.key]!;
    return { collaborationId: r.collaborationId, cells };
  });
}
