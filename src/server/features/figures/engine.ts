import { sql } from 'drizzle-orm';
import { rowsOf, type Executor } from '../../db/connection.ts';
import { shareOf } from './columns.ts';
import { sources } from './sources.ts';
import type { CountedRow, FigureModule, FigureParams, RawRow } from './types.ts';

export type { CountedRow } from './types.ts';

/** The months of a period as YYYY-MM, first to last. */
export function monthsOf(from: string, to: string): string[] {
  const months: string[] = [];
  let [y, m] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  const [ty, tm] = [Number(to.slice(0, 4)), Number(to.slice(5, 7))];
  while (y < ty || (y === ty && m <= tm)) {
    months.push(`${y}-${String(m).padStart(2, '0')}`);
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
  return months;
}

const ident = (key: string) => sql.raw(`"${key.replace(/"/g, '')}"`);

/**
 * Runs one figure: its SQL, wrapped so that only the columns the module declares leave the
 * database (the collaboration, categories, counts and values — never an id of a family, since the
 * module's SELECT is grouped), as one JSON array (thousands of rows over ten years cost far less
 * to hand over as one value than row by row). Missing categories of fixed vocabularies are filled in as 0.
 */
export async function countFigure(db: Executor, figure: FigureModule, params: FigureParams): Promise<CountedRow[]> {
  const columns = [...figure.dimensions.map((d) => d.key), ...figure.counts.map((c) => c.key), ...(figure.values ?? []).map((v) => v.key)];
  const query = sql`select coalesce(json_agg(json_build_array(collaboration_id, ${sql.join(columns.map(ident), sql`, `)}))::text, '[]') as cells
    from (${figure.query(params, sources(params))}) as figure_cells`;
  const [result] = rowsOf<{ cells: string }>(await db.execute(query));
  const rows = JSON.parse(result!.cells) as (string | number | null)[][];
  const dims = figure.dimensions.length;
  const counts = figure.counts.length;
  const counted = rows.map((r): CountedRow => ({
    collaborationId: (r[0] as string | null) ?? null,
    dims: Object.fromEntries(figure.dimensions.map((d, i) => [d.key, String(r[1 + i] ?? '')])),
    counts: Object.fromEntries(figure.counts.map((c, i) => [c.key, Number(r[1 + dims + i] ?? 0)])),
    values: Object.fromEntries((figure.values ?? []).map((v, i) => {
      const value = r[1 + dims + counts + i];
      return [v.key, value === null || value === undefined ? null : Number(value)];
    })),
  }));
  return fill(figure, params, counted);
}

/** Every combination of categories for every collaboration asked (when all dimensions have fixed values), 0 where nothing was counted. */
function fill(figure: FigureModule, params: FigureParams, rows: CountedRow[]): CountedRow[] {
  if (figure.dimensions.some((d) => !d.values)) {
    const key = (r: CountedRow) => figure.dimensions.map((d) => r.dims[d.key]).join('\u0000');
    return [...rows].sort((a, b) => String(a.collaborationId).localeCompare(String(b.collaborationId)) || key(a).localeCompare(key(b), 'nl'));
  }
  let combos: Record<string, string>[] = [{}];
  for (const d of figure.dimensions) {
    const values = d.values === 'months' ? monthsOf(params.from, params.to) : d.values!;
    combos = combos.flatMap((c) => values.map((v) => ({ ...c, [d.key]: v })));
  }
  const keyOf = (collaborationId: string | null, dims: Record<string, string>) => JSON.stringify([collaborationId, ...figure.dimensions.map((d) => dims[d.key])]);
  const found = new Map(rows.map((r) => [keyOf(r.collaborationId, r.dims), r]));
  const collaborations = [...params.collaborationIds, ...(params.withAll ? [null] : [])];
  return collaborations.flatMap((collaborationId) => combos.map((dims) => found.get(keyOf(collaborationId, dims)) ?? {
    collaborationId, dims,
    counts: Object.fromEntries(figure.counts.map((c) => [c.key, 0])),
    values: Object.fromEntries((figure.values ?? []).map((v) => [v.key, null])),
  }));
}

/** One row as the collaboration sees it: exact numbers. */
export function presentRow(figure: FigureModule, row: CountedRow): RawRow {
  const out: RawRow = { ...row.dims };
  for (const c of figure.counts) if (!c.hidden) out[c.key] = row.counts[c.key]!;
  for (const s of figure.shares ?? []) out[s.key] = shareOf(s.numerator.reduce((n, k) => n + row.counts[k]!, 0), row.counts[s.denominator]!);
  for (const v of figure.values ?? []) out[v.key] = row.values[v.key]!;
  return out;
}

export { columnsOf } from './columns.ts';
