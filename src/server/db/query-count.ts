import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger } from 'drizzle-orm/logger';

const current = new AsyncLocalStorage<{ queries: number }>();

/**
 * Drizzle's logger hook, used only to count: every query run inside `countQueries` adds one. Outside
 * it the hook costs one lookup and keeps nothing.
 */
export const queryCounter: Logger = {
  logQuery() {
    const store = current.getStore();
    if (store) store.queries += 1;
  },
};

/** Runs `work` and answers how many queries it sent to the database (begin and commit not counted). */
export async function countQueries<T>(work: () => Promise<T>): Promise<{ result: T; queries: number }> {
  const store = { queries: 0 };
  // Drizzle's queries run when awaited, so the await must happen inside the counted context.
  const result = await current.run(store, async () => await work());
  return { result, queries: store.queries };
}
