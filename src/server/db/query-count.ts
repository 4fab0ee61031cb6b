import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger } from 'drizzle-orm/logger';

const current = new AsyncLocalStorage<{ queries: number }>();
const TRANSACTION_CONTROL = /^\s*(begin|commit|rollback|savepoint|release savepoint)\b/i;

/**
 * Drizzle's logger hook, used only to count: every query run inside `countQueries` adds one. Outside
 * it the hook costs one lookup and keeps nothing.
 */
export const queryCounter: Logger = {
  logQuery(query) {
    const store = current.getStore();
    // node-postgres sends begin and commit through the logger, PGlite does not: leave them out on both.
    if (store && !TRANSACTION_CONTROL.test(query)) store.queries += 1;
  },
};

/** Runs `work` and answers how many queries it sent to the database (begin and commit not counted). */
export async function countQueries<T>(work: () => Promise<T>): Promise<{ result: T; queries: number }> {
  const store = { queries: 0 };
  // Drizzle's queries run when awaited, so the await must happen inside the counted context.
  const result = await current.run(store, async () => await work());
  return { result, queries: store.queries };
}
