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

/**
 * Each row's place on every axis (the collaboration, then each dimension) as a small number, so a
 * set of cells is found by a number rather than a string (ten years of months are 30 000 rows).
 */
function coordinates(figure: FigureModule, rows: CountedRow[]): { coords: Int32Array; sizes: number[] } {
  const axes = 1 + figure.dimensions.length;
  const indexes = Array.from({ length: axes }, () => new Map<string | null, number>());
  const coords = new Int32Array(rows.length * axes);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    for (let a = 0; a < axes; a++) {
      const value = a === 0 ? r.collaborationId : r.dims[figure.dimensions[a - 1]!.key]!;
      const index = indexes[a]!;
      let at = index.get(value);
      if (at === undefined) { at = index.size; index.set(value, at); }
      coords[i * axes + a] = at;
    }
  }
  return { coords, sizes: indexes.map((m) => m.size) };
}

/** Cells are numbered row by row, count by count: `row * counts + count`. */
export function suppress(figure: FigureModule, rows: CountedRow[]): SuppressedRow[] {
  const counts = figure.counts;
  const n = counts.length;
  const index = new Map(counts.map((c, k) => [c.key, k]));
  const values = new Float64Array(rows.length * n);
  const flanders = new Uint8Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    flanders[i] = rows[i]!.collaborationId === null ? 1 : 0;
    for (let k = 0; k < n; k++) values[i * n + k] = rows[i]!.counts[counts[k]!.key]!;
  }

  // The sets of cells that add up to something known.
  const groups: number[][] = [];
  for (let i = 0; i < rows.length; i++) {
    for (const s of figure.rowSums ?? []) groups.push([s.total, ...s.parts].map((key) => i * n + index.get(key)!));
  }
  const { coords, sizes } = coordinates(figure, rows);
  const axes = sizes.length;
  // The cells of count k that differ only on one axis (0: the collaboration).
  const alongAxis = (k: number, axis: number) => {
    const byKey = new Map<number, number[]>();
    for (let i = 0; i < rows.length; i++) {
      let key = 0;
      for (let a = 0; a < axes; a++) if (a !== axis) key = key * sizes[a]! + coords[i * axes + a]!;
      const cells = byKey.get(key);
      if (cells) cells.push(i * n + k); else byKey.set(key, [i * n + k]);
    }
    for (const cells of byKey.values()) if (cells.length > 1) groups.push(cells);
  };
  counts.forEach((c, k) => {
    // Per collaboration and for Flanders: the categories add up to the total.
    for (const d of c.additiveOver ?? []) alongAxis(k, 1 + figure.dimensions.findIndex((x) => x.key === d));
    // Each family belongs to one collaboration: the collaborations add up to Flanders (which is in the set).
    alongAxis(k, 0);
  });
  const groupsOf: number[][] = Array.from({ length: rows.length * n }, () => []);
  for (let g = 0; g < groups.length; g++) for (const cell of groups[g]!) groupsOf[cell]!.push(g);
  const protectedCounts = counts.map((c) => counts.flatMap((d, j) => (d.protectedBy === c.key ? [j] : [])));

  // Hiding a cell may leave a set with one hidden cell, which then needs another (worked off in order).
  const hidden = new Uint8Array(rows.length * n);
  const hiddenIn = new Int32Array(groups.length);
  const pending: number[] = [];
  const hide = (cell: number) => {
    if (hidden[cell]) return;
    hidden[cell] = 1;
    for (const g of groupsOf[cell]!) if (++hiddenIn[g]! === 1) pending.push(g);
    const row = Math.floor(cell / n);
    for (const j of protectedCounts[cell % n]!) hide(row * n + j);
  };

  // 1. Primary suppression.
  for (let i = 0; i < rows.length; i++) {
    for (let k = 0; k < n; k++) {
      const c = counts[k]!;
      const behind = c.protectedBy ? values[i * n + index.get(c.protectedBy)!]! : values[i * n + k]!;
      if (behind < SUPPRESSION_THRESHOLD) hide(i * n + k);
    }
  }
  // 2. Complementary suppression: prefer a collaboration's cell over Flanders' total, then the smallest.
  for (let next = 0; next < pending.length; next++) {
    const g = pending[next]!;
    if (hiddenIn[g] !== 1) continue;
    let pick = -1;
    for (const cell of groups[g]!) {
      if (hidden[cell]) continue;
      const [row, best] = [Math.floor(cell / n), Math.floor(pick / n)];
      if (pick < 0 || flanders[row]! < flanders[best]! || (flanders[row] === flanders[best] && values[cell]! < values[pick]!)) pick = cell;
    }
    if (pick >= 0) hide(pick);
  }

  // 3. What leaves: "<5" for the hidden counts, and for the shares and values they hide.
  const shown = figure.counts.filter((c) => !c.hidden).map((c) => [c.key, index.get(c.key)!] as const);
  const shares = (figure.shares ?? []).map((s) => ({ key: s.key, parts: [...s.numerator, s.denominator].map((k) => index.get(k)!), numerator: s.numerator, denominator: s.denominator }));
  const out: SuppressedRow[] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    const cells: RawRow = { ...r.dims };
    for (const [key, k] of shown) cells[key] = hidden[i * n + k] ? SUPPRESSED : values[i * n + k]!;
    for (const s of shares) {
      let numerator = 0;
      for (const key of s.numerator) numerator += r.counts[key]!;
      cells[s.key] = s.parts.some((k) => hidden[i * n + k]) ? SUPPRESSED : shareOf(numerator, r.counts[s.denominator]!);
    }
    for (const v of figure.values ?? []) cells[v.key] = r.counts[v.base]! < SUPPRESSION_THRESHOLD ? SUPPRESSED : r.values[v.key]!;
    out[i] = { collaborationId: r.collaborationId, cells };
  }
  return out;
}
