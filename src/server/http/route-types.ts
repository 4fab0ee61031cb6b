import type { FastifyInstance, FastifyBaseLogger, RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../config.ts';
import type { Db } from '../db/connection.ts';

/** The Fastify instance every feature's routes are registered on. */
export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

export interface FeatureDeps {
  db: Db;
  config: Config;
  /** The current time: receivedAt, due dates, timing and figures use it, so tests can move time. */
  clock: () => Date;
}
