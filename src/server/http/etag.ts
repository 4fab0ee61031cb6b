import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from './errors.ts';

export const etagOf = (version: number) => `"${version}"`;

export function setEtag(reply: FastifyReply, version: number): void {
  reply.header('etag', etagOf(version));
}

/** The version the client last saw, from If-Match: missing → 428, unreadable → 412. */
export function requireIfMatch(req: FastifyRequest): number {
  const header = req.headers['if-match'];
  if (!header) throw new AppError(428, 'precondition_required');
  const match = /^(?:W\/)?"(\d+)"$/.exec(header.trim());
  if (!match) throw new AppError(412, 'precondition_failed');
  return Number(match[1]);
}

/** Compare-and-set guard for updates: the row's version must still be the one the client saw. */
export function assertVersion(current: number, expected: number): void {
  if (current !== expected) throw new AppError(412, 'precondition_failed');
}

/**
 * For a compare-and-set update (`… where version = expected returning …`): no row changed means
 * someone saved in between our read and our write, which answers 412 like a stale If-Match.
 */
export function assertUpdated(rows: readonly unknown[]): void {
  if (rows.length === 0) throw new AppError(412, 'precondition_failed');
}
