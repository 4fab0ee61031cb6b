import Fastify from 'fastify';
import { PGlite } from '@electric-sql/pglite';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import { openPostgres, wrapPglite } from '../src/server/db/connection.ts';
import { seedDemoIfEmpty } from '../src/server/demo/seed.ts';

/**
 * One server for the load benchmark, in a process of its own so the load generator does not share
 * its event loop: `bare` (Fastify's hello world, the baseline) or `app` on PGlite (in memory) or on
 * the PostgreSQL database in LOAD_DATABASE_URL. Prints `ready <port>` when it listens.
 */
const mode = process.argv[2];
if (mode === 'bare') {
  const bare = Fastify();
  bare.get('/', async () => ({ hello: 'world' }));
  const address = await bare.listen({ port: 0, host: '127.0.0.1' });
  console.log(`ready ${new URL(address).port}`);
} else {
  const url = process.env.LOAD_DATABASE_URL;
  const database = url ? await openPostgres(url) : await wrapPglite(await PGlite.create());
  await database.migrate();
  await seedDemoIfEmpty(database.db, { info: () => undefined });
  // A generous sign-in throttle: the benchmark signs in from one address.
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', LOGIN_MAX_FAILURES: '1000' });
  const app = await buildApp({ config, db: database.db, listen: database.listen });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  console.log(`ready ${new URL(address).port}`);
}
