import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Db, Tx } from '../db/connection.ts';
import { idempotencyKeys } from '../db/schema/index.ts';
import { AppError, sqlState } from './errors.ts';

export interface Created<T> {
  status: 201;
  body: T;
}

/**
 * Runs a create in one transaction. With an Idempotency-Key header, a repeat of the same request
 * (double click, retry after a lost answer) replays the first answer instead of creating twice;
 * the same key with a different body is refused.
 */
export async function idempotentCreate<T>(
  db: Db, req: FastifyRequest, run: (tx: Tx) => Promise<Created<T>>,
  /** Checked before a stored answer is replayed: the asker must still be allowed to see it. */
  beforeReplay: () => Promise<unknown> = async () => undefined,
): Promise<Created<T>> {
  const key = req.headers['idempotency-key'];
  if (typeof key !== 'string' || key.length === 0) return db.transaction(run);
  if (key.length > 200) throw new AppError(400, 'malformed_request');
  // Anonymous callers (the public registration form) share no key space: scope by client address.
  const who = req.ctx.actor?.userId ?? `anonymous ${req.ctx.clientAddress}`;
  const scope = `${who} ${req.method} ${req.url.split('?')[0]}`;
  const requestHash = createHash('sha256').update(JSON.stringify(req.body ?? null)).digest('hex');
  const replay = async (): Promise<Created<T> | null> => {
    const [row] = await db.select().from(idempotencyKeys).where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
    if (!row) return null;
    await beforeReplay();
    if (row.requestHash !== requestHash) throw new AppError(422, 'idempotency_conflict');
    return { status: 201, body: row.body as T };
  };
  const earlier = await replay();
  if (earlier) return earlier;
  try {
    return await db.transaction(async (tx) => {
      const result = await run(tx);
      await tx.insert(idempotencyKeys).values({ scope, key, requestHash, statusCode: result.status, body: result.body as object });
      return result;
    });
  } catch (err) {
    // A concurrent twin committed first: answer what it answered.
    if (sqlState(err) === '23505') {
      const twin = await replay();
      if (twin) return twin;
    }
    throw err;
  }
}
