import { sql } from 'drizzle-orm';
import { check, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { BREAK_GLASS_REVIEW_STATUSES } from '../../../shared/break-glass-constants.ts';
import { families } from './families.ts';
import { users } from './people.ts';

const now = () => timestamp({ withTimezone: true }).notNull().defaultNow();

/**
 * Emergency access (break-glass): someone of the collaboration outside the family's circle reads
 * the file for a limited time, for a stated reason. A grant is never extended: a new use is a new
 * row with its own reason. Ending early sets `endedAt`; the review by the collaboration's admin
 * (or DPO) says whether the use was justified.
 */
export const breakGlassGrants = pgTable(
  'break_glass_grants',
  {
    collaborationId: uuid().notNull(),
    id: uuid().notNull().defaultRandom(),
    familyId: uuid().notNull(),
    userId: uuid().notNull().references(() => users.id),
    /** The role the user opened the file in: coordinator, or coach when the collaboration allows it. */
    role: text({ enum: ['coordinator', 'coach'] }).notNull(),
    reason: text().notNull(),
    startedAt: now(),
    endsAt: timestamp({ withTimezone: true }).notNull(),
    endedAt: timestamp({ withTimezone: true }),
    reviewStatus: text({ enum: BREAK_GLASS_REVIEW_STATUSES }).notNull().default('pending'),
    reviewerUserId: uuid().references(() => users.id),
    reviewedAt: timestamp({ withTimezone: true }),
    reviewNote: text(),
    version: integer().notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.collaborationId, t.id] }),
    foreignKey({ name: 'break_glass_grants_family_fk', columns: [t.collaborationId, t.familyId], foreignColumns: [families.collaborationId, families.id] }),
    index('break_glass_grants_user').on(t.userId, t.endsAt),
    index('break_glass_grants_family').on(t.collaborationId, t.familyId, t.startedAt),
    check('break_glass_grants_ends_after_start', sql`${t.endsAt} > ${t.startedAt}`),
    check('break_glass_grants_reason', sql`length(trim(${t.reason})) >= 20`),
    check('break_glass_grants_reviewed', sql`(${t.reviewStatus} = 'pending') = (${t.reviewedAt} is null)`),
  ],
);
