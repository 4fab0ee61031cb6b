import { pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './people.ts';

/**
 * People with the platform-level, read-only government role: they read the figures of all
 * collaborations as suppressed aggregates, and nothing else (no collaboration, no family).
 */
export const governmentAnalysts = pgTable('government_analysts', {
  userId: uuid().primaryKey().references(() => users.id, { onDelete: 'cascade' }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
