import { sql } from 'drizzle-orm';
import { rowsOf, type Executor } from '../../db/connection.ts';
import { monthsOf } from './calendar.ts';
import { shareOf } from './columns.ts';
import { sources } from './sources.ts';
import type { CountedRow, FigureModule, FigureParams, RawRow } from './types.ts';

export type { CountedRow } from './types.ts';


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
  return fill(figure, params, rows.map((r) => countedRow(figure, r)));
}

/** A row as the database gives it: the collaboration, the categories, the counts, the values. */
function countedRow(figure: FigureModule, r: (string | number | null)[]): CountedRow {
  const row: CountedRow = { collaborationId: (r[0] as string | null) ?? null, dims: {}, counts: {}, values: {} };
  let at = 1;
  for (const d of figure.dimensions) row.dims[d.key] = String(r[at++] ?? '');
  for (const c of figure.counts) row.counts[c.key] = Number(r[at++] ?? 0);
  for (const v of figure.values ?? []) {
    const value = r[at++];
    row.values[v.key] = value === null || value === undefined ? null : Number(value);
  }
  return row;
}

const keyOf = (figure: FigureModule, collaborationId: string | null, dims: Record<string, string>) => {
  let key = String(collaborationId);
  for (const d of figure.dimensions) key += `\u0000${dims[d.key]}`;
  return key;
};

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
  const found = new Map(rows.map((r) => [keyOf(figure, r.collaborationId, r.dims), r]));
  const zeros = Object.fromEntries(figure.counts.map((c) => [c.key, 0]));
  const nulls = Object.fromEntries((figure.values ?? []).map((v) => [v.key, null]));
  const out: CountedRow[] = [];
  for (const collaborationId of [...params.collaborationIds, ...(params.withAll ? [null] : [])]) {
    for (const dims of combos) out.push(found.get(keyOf(figure, collaborationId, dims)) ?? { collaborationId, dims, counts: { ...zeros }, values: { ...nulls } });
  }
  return out;
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
