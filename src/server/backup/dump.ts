import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import type { BackupManifest } from '../../shared/schemas/backup.ts';
import { migrationsFolder, rowsOf, type Db, type Executor } from '../db/connection.ts';
import { sha256, writeArchive, type Part } from './archive.ts';
import { appliedMigrations, ident, listSequences, listTables, type TableInfo } from './catalog.ts';

const BATCH = 2000;

export const appVersion = (): string =>
  (JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** The migration journal's entries, in order, with the hash drizzle records for each. */
export function journal(): { tag: string; when: number; hash: string; sql: string[] }[] {
  const files = readMigrationFiles({ migrationsFolder });
  const entries = (JSON.parse(readFileSync(`${migrationsFolder}/meta/_journal.json`, 'utf8')) as { entries: { tag: string }[] }).entries;
  return files.map((m, i) => ({ tag: entries[i]!.tag, when: m.folderMillis, hash: m.hash, sql: m.sql }));
}

/**
 * One table as JSON lines, one array of values per row. Every value is PostgreSQL's own text form
 * (`::text`), which its input function reads back exactly on either database, whatever the type.
 */
async function dumpTable(db: Executor, table: TableInfo): Promise<Buffer> {
  const select = table.columns.map((c) => `${ident(c.name)}::text as ${ident(c.name)}`).join(', ');
  const order = table.orderBy.map(ident).join(', ');
  const lines: string[] = [];
  for (let offset = 0; ; offset += BATCH) {
    const rows = rowsOf<Record<string, string | null>>(await db.execute(sql.raw(
      `select ${select} from public.${ident(table.name)} order by ${order} limit ${BATCH} offset ${offset}`)));
    for (const row of rows) lines.push(JSON.stringify(table.columns.map((c) => row[c.name] ?? null)));
    if (rows.length < BATCH) break;
  }
  return Buffer.from(lines.length ? `${lines.join('\n')}\n` : '', 'utf8');
}

/**
 * Reads the whole database in one snapshot (repeatable read, read only), so writes that commit
 * meanwhile are either wholly in the backup or not at all. Attachments are rows of
 * `attachment_contents`, so they come along. Returns the .tar.gz.
 */
export async function createBackup(db: Db, kind: 'pglite' | 'postgres', now = new Date()): Promise<Buffer> {
  const { manifest, parts } = await db.transaction(async (tx) => {
    await tx.execute(sql`set transaction isolation level repeatable read, read only`);
    const level = await appliedMigrations(tx);
    const known = journal();
    const last = level.when === null ? null : known.find((m) => m.when === level.when) ?? null;
    const tables = await listTables(tx);
    const parts: Part[] = [];
    const manifestTables: BackupManifest['tables'] = [];
    for (const table of tables) {
      const content = await dumpTable(tx, table);
      const part = `tables/${table.name}.jsonl`;
      parts.push({ name: part, content });
      manifestTables.push({ name: table.name, columns: table.columns, rows: content.length ? content.toString('utf8').split('\n').length - 1 : 0, part });
    }
    const manifest: BackupManifest = {
      format: 'gezinsplan-backup/1',
      version: appVersion(),
      createdAt: now.toISOString(),
      database: kind,
      migration: { applied: level.applied, tag: last?.tag ?? null, when: level.when },
      tables: manifestTables,
      sequences: await listSequences(tx),
      parts: parts.map((p) => ({ name: p.name, bytes: p.content.length, sha256: sha256(p.content) })),
    };
    return { manifest, parts };
  });
  return writeArchive([{ name: 'manifest.json', content: Buffer.from(JSON.stringify(manifest, null, 2)) }, ...parts], now.getTime());
}
