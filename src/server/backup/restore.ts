import { sql } from 'drizzle-orm';
import { BackupManifest } from '../../shared/schemas/backup.ts';
import { rowsOf, type Database, type Executor, type Tx } from '../db/connection.ts';
import { DamagedBackupError, readArchive, sha256, type Part } from './archive.ts';
import { ident, listTables } from './catalog.ts';
import { journal } from './dump.ts';

/** Bind parameters per INSERT stay well below PostgreSQL's limit of 65 535. */
const MAX_PARAMS = 30_000;

export interface CheckedBackup {
  manifest: BackupManifest;
  parts: Map<string, Buffer>;
}

/** Unpacks a backup and checks every part against the manifest's SHA-256 before anything is touched. */
export function checkBackup(archive: Buffer): CheckedBackup {
  const all = readArchive(archive);
  const first = all[0];
  if (first?.name !== 'manifest.json') throw new DamagedBackupError('no manifest.json at the start');
  let parsed;
  try {
    parsed = BackupManifest.safeParse(JSON.parse(first.content.toString('utf8')));
  } catch {
    throw new DamagedBackupError('manifest.json is not JSON');
  }
  if (!parsed.success) throw new DamagedBackupError(`manifest.json does not fit (${parsed.error.issues[0]?.path.join('.')})`);
  const manifest = parsed.data;
  const parts = new Map<string, Buffer>(all.slice(1).map((p: Part) => [p.name, p.content]));
  if (parts.size !== manifest.parts.length) throw new DamagedBackupError(`${parts.size} parts, the manifest lists ${manifest.parts.length}`);
  for (const expected of manifest.parts) {
    const content = parts.get(expected.name);
    if (!content) throw new DamagedBackupError(`part ${expected.name} is missing`);
    if (content.length !== expected.bytes || sha256(content) !== expected.sha256) {
      throw new DamagedBackupError(`part ${expected.name} does not match its SHA-256 in the manifest`);
    }
  }
  for (const table of manifest.tables) {
    if (!parts.has(table.part)) throw new DamagedBackupError(`table ${table.name} has no part`);
  }
  return { manifest, parts };
}

export class TargetNotEmptyError extends Error {
  constructor(what: string) {
    super(`${what} is not empty. A backup is restored only into an empty database or folder; nothing was changed.`);
    this.name = 'TargetNotEmptyError';
  }
}

/** True when the database holds no table, view or sequence outside PostgreSQL's own schemas. */
export async function isEmptyDatabase(db: Executor): Promise<boolean> {
  const [row] = rowsOf<{ n: number }>(await db.execute(sql`
    select count(*)::int as n from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname not in ('pg_catalog', 'information_schema', 'pg_toast') and n.nspname not like 'pg\_%'
      and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')`));
  return Number(row?.n ?? 0) === 0;
}

/** Runs the migrations up to the backup's level in the caller's transaction, recording them as drizzle does. */
async function migrateTo(tx: Tx, when: number | null): Promise<void> {
  await tx.execute(sql`create schema if not exists drizzle`);
  await tx.execute(sql`create table if not exists drizzle.__drizzle_migrations (id serial primary key, hash text not null, created_at bigint)`);
  if (when === null) return;
  for (const m of journal()) {
    if (m.when > when) break;
    for (const stmt of m.sql) await tx.execute(sql.raw(stmt));
    await tx.execute(sql`insert into drizzle.__drizzle_migrations (hash, created_at) values (${m.hash}, ${m.when})`);
  }
}

async function loadTable(tx: Tx, table: BackupManifest['tables'][number], content: Buffer): Promise<number> {
  const present = new Map((await listTables(tx)).find((t) => t.name === table.name)?.columns.map((c) => [c.name, c.type]) ?? []);
  if (present.size === 0) throw new Error(`table ${table.name} of the backup does not exist at its migration level`);
  for (const c of table.columns) {
    if (present.get(c.name) !== c.type) throw new Error(`column ${table.name}.${c.name} (${c.type}) does not exist at the backup's migration level`);
  }
  const columns = table.columns.map((c) => ident(c.name)).join(', ');
  const perInsert = Math.max(1, Math.floor(MAX_PARAMS / Math.max(1, table.columns.length)));
  const text = content.toString('utf8');
  const lines = text ? text.slice(0, -1).split('\n') : [];
  for (let at = 0; at < lines.length; at += perInsert) {
    const batch = lines.slice(at, at + perInsert).map((line) => JSON.parse(line) as (string | null)[]);
    const chunks = [sql.raw(`insert into public.${ident(table.name)} (${columns}) overriding system value values `)];
    batch.forEach((values, r) => {
      if (values.length !== table.columns.length) throw new Error(`a row of ${table.name} has ${values.length} values for ${table.columns.length} columns`);
      chunks.push(sql.raw(r === 0 ? '(' : ', ('));
      // The text form of each value, cast to the column's type: the same input function PostgreSQL's own dump uses.
      values.forEach((v, i) => chunks.push(sql.raw(i === 0 ? '' : ', '), sql`${v}`, sql.raw(`::${table.columns[i]!.type}`)));
      chunks.push(sql.raw(')'));
    });
    await tx.execute(sql.join(chunks, sql.raw('')));
  }
  return lines.length;
}

export interface RestoreResult {
  tables: number;
  rows: number;
  fromLevel: string | null;
}

/**
 * Restores a checked backup into an empty database: the schema as it was at the backup's migration
 * level and every row, in one transaction, so a failure leaves the target as empty as it was. The
 * caller then runs the remaining migrations (`database.migrate()`).
 */
export async function restoreBackup(database: Database, backup: CheckedBackup): Promise<RestoreResult> {
  const { manifest, parts } = backup;
  const known = journal();
  if (manifest.migration.when !== null && !known.some((m) => m.when === manifest.migration.when)) {
    throw new Error(`The backup is at migration ${manifest.migration.tag ?? manifest.migration.when}, which this version of gezinsplan does not know (made by a newer one?). Nothing was restored.`);
  }
  return database.db.transaction(async (tx) => {
    if (!(await isEmptyDatabase(tx))) throw new TargetNotEmptyError('The target database');
    await migrateTo(tx, manifest.migration.when);
    // Rows come back exactly as they were: no trigger may add tallies, history or refusals, and
    // foreign keys are checked by the original database already. Needs a superuser (or the
    // right to set this parameter) on PostgreSQL.
    await tx.execute(sql`set local session_replication_role = replica`);
    let rows = 0;
    for (const table of manifest.tables) {
      const loaded = await loadTable(tx, table, parts.get(table.part)!);
      if (loaded !== table.rows) throw new DamagedBackupError(`table ${table.name} holds ${loaded} rows, the manifest says ${table.rows}`);
      rows += loaded;
    }
    for (const seq of manifest.sequences) {
      await tx.execute(sql`select setval(${`public.${ident(seq.name)}`}::regclass, ${seq.lastValue}::bigint, true)`);
    }
    await tx.execute(sql`set local session_replication_role = origin`);
    return { tables: manifest.tables.length, rows, fromLevel: manifest.migration.tag };
  });
}
