import { sql } from 'drizzle-orm';
import { rowsOf, type Executor } from '../db/connection.ts';

export interface TableInfo {
  name: string;
  /** Stored columns (generated ones are left out: the database computes them again). */
  columns: { name: string; type: string }[];
  /** Columns that give a stable row order: the primary key, else every column. */
  orderBy: string[];
}

/** Every ordinary table of the application's schema, with its stored columns, by name. */
export async function listTables(db: Executor): Promise<TableInfo[]> {
  const cols = rowsOf<{ table_name: string; name: string; type: string; generated: boolean; pk_pos: number | null }>(await db.execute(sql`
    select c.relname as table_name, a.attname as name, format_type(a.atttypid, a.atttypmod) as type,
      a.attgenerated <> '' as generated,
      (select array_position(i.indkey::int2[], a.attnum) from pg_index i where i.indrelid = c.oid and i.indisprimary) as pk_pos
    from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
    where n.nspname = 'public' and c.relkind = 'r'
    order by c.relname, a.attnum`));
  const tables = new Map<string, TableInfo & { pk: { name: string; pos: number }[] }>();
  for (const col of cols) {
    let table = tables.get(col.table_name);
    if (!table) {
      table = { name: col.table_name, columns: [], orderBy: [], pk: [] };
      tables.set(col.table_name, table);
    }
    if (!col.generated) table.columns.push({ name: col.name, type: col.type });
    if (col.pk_pos !== null) table.pk.push({ name: col.name, pos: Number(col.pk_pos) });
  }
  return [...tables.values()].map(({ pk, ...t }) => ({
    ...t,
    orderBy: pk.length > 0 ? pk.sort((a, b) => a.pos - b.pos).map((c) => c.name) : t.columns.map((c) => c.name),
  }));
}

export const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** How many migrations the database has had, as drizzle records them (none: no table yet). */
export async function appliedMigrations(db: Executor): Promise<{ applied: number; when: number | null }> {
  const [exists] = rowsOf<{ t: string | null }>(await db.execute(sql`select to_regclass('drizzle.__drizzle_migrations')::text as t`));
  if (!exists?.t) return { applied: 0, when: null };
  const [row] = rowsOf<{ n: number; last: string | null }>(await db.execute(sql`
    select count(*)::int as n, max(created_at)::text as last from drizzle.__drizzle_migrations`));
  return { applied: Number(row?.n ?? 0), when: row?.last ? Number(row.last) : null };
}

/** The sequences of the application's schema (identity and serial columns) that have been used. */
export async function listSequences(db: Executor): Promise<{ name: string; lastValue: string }[]> {
  return rowsOf<{ name: string; lastValue: string }>(await db.execute(sql`
    select sequencename as name, last_value::text as "lastValue" from pg_sequences
    where schemaname = 'public' and last_value is not null order by sequencename`));
}

/**
 * A digest of every table's content (row count and an MD5 over its rows in key order), to compare
 * a restored copy with its original row for row.
 */
export async function tableDigests(db: Executor): Promise<Record<string, { rows: number; md5: string }>> {
  const out: Record<string, { rows: number; md5: string }> = {};
  for (const table of await listTables(db)) {
    const order = table.orderBy.map(ident).join(', ');
    const [row] = rowsOf<{ n: number; h: string }>(await db.execute(sql.raw(`
      select count(*)::int as n, md5(coalesce(string_agg(t::text, E'\\n' order by ${order}), '')) as h from public.${ident(table.name)} t`)));
    out[table.name] = { rows: Number(row!.n), md5: row!.h };
  }
  return out;
}
