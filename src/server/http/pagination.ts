import { and, gt, or, eq, type SQL, type AnyColumn } from 'drizzle-orm';
import { AppError } from './errors.ts';

/** Keyset pagination over (sortKey, id): stable under inserts, cheap on large tables. */
export function encodeCursor(sortKey: string, id: string): string {
  return Buffer.from(JSON.stringify([sortKey, id])).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): [string, string] | null {
  if (!cursor) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2 && parsed.every((p) => typeof p === 'string')) {
      return [parsed[0] as string, parsed[1] as string];
    }
  } catch {
    // fall through: an unreadable cursor is the client's mistake
  }
  throw new AppError(400, 'malformed_request');
}

/**
 * For lists paged on a numeric row id alone (the access log): the id in the cursor, refused with
 * 400 when it is not a whole number, so a forged cursor never reaches the database as NaN.
 */
export function decodeIdCursor(cursor: string | undefined): number | null {
  const c = decodeCursor(cursor);
  if (!c) return null;
  if (!/^\d{1,15}$/.test(c[1])) throw new AppError(400, 'malformed_request');
  return Number(c[1]);
}

export function afterCursor(cursor: string | undefined, sortCol: AnyColumn, idCol: AnyColumn): SQL | undefined {
  const c = decodeCursor(cursor);
  if (!c) return undefined;
  return or(gt(sortCol, c[0]), and(eq(sortCol, c[0]), gt(idCol, c[1])));
}

/** Rows were fetched with limit+1: trim to the page and compute the next cursor. */
export function toPage<T>(rows: T[], limit: number, key: (row: T) => [string, string]) {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  const nextCursor = rows.length > limit && last ? encodeCursor(...key(last)) : null;
  return { items, nextCursor };
}
