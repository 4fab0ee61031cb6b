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
 *    other cell of the set is suppressed too. This repeats until no set changes, since a second
 *    suppression can leave another set with one.
 * 3. A share is shown only when every count it is made of is shown.
 */
export interface SuppressedRow {
  collaborationId: string | null;
  cells: RawRow;
}

interface Cell { row: number; key: string }

export function suppress(figure: FigureModule, rows: CountedRow[]): SuppressedRow[] {
  const hidden = rows.map(() => new Set<string>());
  const isHidden = (c: Cell) => hidden[c.row]!.has(c.key);
  const valueOf = (c: Cell) => rows[c.row]!.counts[c.key]!;

  // 1. Primary suppression.
  rows.forEach((r, i) => {
    for (const c of figure.counts) {
      const behind = c.protectedBy ? r.counts[c.protectedBy]! : r.counts[c.key]!;
      if (behind < SUPPRESSION_THRESHOLD) hidden[i]!.add(c.key);
    }
  });

  // 2. The sets of cells that add up to something known.
  const groups: Cell[][] = [];
  rows.forEach((r, i) => {
    for (const s of figure.rowSums ?? []) groups.push([s.total, ...s.parts].map((key) => ({ row: i, key })));
  });
  const groupBy = (count: string, without: string) => {
    const byKey = new Map<string, Cell[]>();
    rows.forEach((r, i) => {
      const key = JSON.stringify([without === 'collaboration' ? null : r.collaborationId,
        ...figure.dimensions.filter((d) => d.key !== without).map((d) => r.dims[d.key])]);
      const cells = byKey.get(key);
      if (cells) cells.push({ row: i, key: count }); else byKey.set(key, [{ row: i, key: count }]);
    });
    for (const cells of byKey.values()) if (cells.length > 1) groups.push(cells);
  };
  for (const c of figure.counts) {
    // Per collaboration and for Flanders: the categories add up to the total.
    for (const d of c.additiveOver ?? []) groupBy(c.key, d);
    // Each family belongs to one collaboration: the collaborations add up to Flanders (which is in the set).
    groupBy(c.key, 'collaboration');
  }

  // Complementary suppression, until stable.
  for (let changed = true; changed;) {
    changed = false;
    for (const cells of groups) {
      if (cells.filter(isHidden).length !== 1) continue;
      const shown = cells.filter((c) => !isHidden(c));
      // Prefer a collaboration's cell over Flanders' total, then the smallest.
      const pick = [...shown].sort((a, b) => Number(rows[a.row]!.collaborationId === null) - Number(rows[b.row]!.collaborationId === null) || valueOf(a) - valueOf(b))[0];
      if (pick) { hidden[pick.row]!.add(pick.key); changed = true; }
    }
    rows.forEach((_r, i) => {
      for (const c of figure.counts) {
        if (c.protectedBy && hidden[i]!.has(c.protectedBy) && !hidden[i]!.has(c.key)) { hidden[i]!.add(c.key); changed = true; }
      }
    });
  }

  return rows.map((r, i) => {
    const cells: RawRow = { ...r.dims };
    for (const c of figure.counts) if (!c.hidden) cells[c.key] = hidden[i]!.has(c.key) ? SUPPRESSED : r.counts[c.key]!;
    for (const s of figure.shares ?? []) {
      const parts = [...s.numerator, s.denominator];
      cells[s.key] = parts.some((k) => hidden[i]!.has(k)) ? SUPPRESSED : shareOf(s.numerator.reduce((n, k) => n + r.counts[k]!, 0), r.counts[s.denominator]!);
    }
    for (const v of figure.values ?? []) cells[v.key] = r.counts[v.base]! < SUPPRESSION_THRESHOLD ? SUPPRESSED : r.values[v.key]!;
    return { collaborationId: r.collaborationId, cells };
  });
}
