import { and, lt, lte, sql } from 'drizzle-orm';
import type { CollaborationAccessLogEntry, CollaborationAccessLogFilter } from '../../../shared/schemas/access-log.ts';
import type { Executor } from '../../db/connection.ts';
import { accessLog } from '../../db/schema/index.ts';
import { logFilterWhere, logRowsQuery, presentLogRow } from './collaboration-log.ts';

/** Rows are read this many at a time, so an export of years of log never sits in memory at once. */
export const EXPORT_BATCH_ROWS = 500;

const COLUMNS = [
  'id', 'occurredAt', 'actorUserId', 'actorName', 'actorRole', 'organisationName', 'onBehalf', 'familyId',
  'action', 'entityType', 'entityId', 'outcome', 'reason', 'clientAddress', 'requestId',
] as const satisfies readonly (keyof CollaborationAccessLogEntry)[];

/**
 * One CSV cell (RFC 4180). A cell a spreadsheet would run as a formula (starting with = + - @, a tab
 * or a carriage return) gets a leading apostrophe: a name or reason typed by anyone must not
 * become a formula on the DPO's computer.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const csvLine = (cells: readonly unknown[]) => `${cells.map(csvCell).join(',')}\r\n`;

/** The highest row id now: the export holds the rows up to here, so rows written while it streams do not slip in. */
export async function lastLogId(db: Executor): Promise<number> {
  const [row] = await db.select({ last: sql<number>`coalesce(max(${accessLog.id}), 0)::float8` }).from(accessLog);
  return Number(row?.last ?? 0);
}

/**
 * The DPO's filtered view as CSV, newest first, read in keyset batches up to `upTo`. A byte-order
 * mark first, so spreadsheet programs read the accents right.
 */
export async function* accessLogCsv(db: Executor, collaborationId: string, filter: CollaborationAccessLogFilter, upTo: number): AsyncGenerator<string> {
  yield `\uFEFF${csvLine(COLUMNS)}`;
  let before: number | null = null;
  for (;;) {
    const rows = await logRowsQuery(db, and(
      logFilterWhere(collaborationId, filter), lte(accessLog.id, upTo), before === null ? undefined : lt(accessLog.id, before),
    )!).limit(EXPORT_BATCH_ROWS);
    if (rows.length === 0) return;
    yield rows.map((r) => {
      const entry = presentLogRow(r);
      return csvLine(COLUMNS.map((c) => entry[c]));
    }).join('');
    if (rows.length < EXPORT_BATCH_ROWS) return;
    before = rows.at(-1)!.id;
  }
}
