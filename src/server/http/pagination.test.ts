import { describe, expect, it } from 'vitest';
import { AppError } from './errors.ts';
import { decodeCursor, decodeIdCursor, encodeCursor, toPage } from './pagination.ts';

describe('cursors', () => {
  it('round-trip a sort key and an id, in a URL-safe form', () => {
    const cursor = encodeCursor('CLB Gent / é+?&', '5b0c7a52-4a55-4c8e-9a4c-2f5b8d1e0f00');
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor)).toEqual(['CLB Gent / é+?&', '5b0c7a52-4a55-4c8e-9a4c-2f5b8d1e0f00']);
  });

  it('mean "from the start" when absent', () => {
    expect(decodeCursor(undefined)).toBeNull();
    expect(decodeCursor('')).toBeNull();
  });

  it.each([
    ['not base64 json', '!!!'],
    ['json that is not a pair', Buffer.from(JSON.stringify(['a'])).toString('base64url')],
    ['a pair of non-strings', Buffer.from(JSON.stringify([1, 2])).toString('base64url')],
    ['an object', Buffer.from(JSON.stringify({ a: 'b' })).toString('base64url')],
    ['a triple', Buffer.from(JSON.stringify(['a', 'b', 'c'])).toString('base64url')],
  ])('refuse %s as a malformed request (400)', (_label, cursor) => {
    let caught: unknown;
    try {
      decodeCursor(cursor);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).statusCode).toBe(400);
    expect((caught as AppError).code).toBe('malformed_request');
  });
});

describe('id cursors (the access log pages on its row id)', () => {
  it('give the id of a cursor made from a row', () => {
    expect(decodeIdCursor(encodeCursor('2026-12-07T10:00:00.000Z', '4711'))).toBe(4711);
    expect(decodeIdCursor(undefined)).toBeNull();
  });

  it.each(['abc', '1e3', '-1', '12.5', '', '9'.repeat(16)])('refuse the id %j as a malformed request (400), never a database error', (id) => {
    expect(() => decodeIdCursor(encodeCursor('x', id))).toThrow(expect.objectContaining({ statusCode: 400, code: 'malformed_request' }));
  });
});

describe('toPage', () => {
  const rows = [{ n: 'a', id: '1' }, { n: 'b', id: '2' }, { n: 'c', id: '3' }];
  const key = (r: { n: string; id: string }): [string, string] => [r.n, r.id];

  it('trims the extra row and points the next cursor at the last row shown', () => {
    const page = toPage(rows, 2, key);
    expect(page.items).toEqual(rows.slice(0, 2));
    expect(decodeCursor(page.nextCursor!)).toEqual(['b', '2']);
  });

  it('has no next cursor on the last page', () => {
    expect(toPage(rows, 3, key)).toEqual({ items: rows, nextCursor: null });
    expect(toPage([], 3, key)).toEqual({ items: [], nextCursor: null });
  });
});
