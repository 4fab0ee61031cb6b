import { sql } from 'drizzle-orm';
import { date, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ERASURE_CAUSES, ERASURE_REQUEST_STATUSES } from '../../../shared/retention-constants.ts';
import { families, familyParticipants } from './families.ts';
import { users } from './people.ts';

const now = () => timestamp({ withTimezone: true }).notNull().defaultNow();

/**
 * What stays of an erased family file: that it existed, in which collaboration, its dates, why it
 * was erased and the counts the figures need. No names, no texts, no contact details.
 */
export const familyErasures = pgTable(
  'family_erasures',
  {
    collaborationId: uuid().notNull(),
    familyId: uuid().notNull(),
    registeredOn: date(),
    startedOn: date(),
    closedOn: date(),
    closureReason: text(),
    erasedAt: now(),
    cause: text({ enum: ERASURE_CAUSES }).notNull(),
    /** The day a family member asked for erasure, when that was the cause. */
    requestedOn: date(),
    /** The coordinator who decided; null when the retention job erased the file at the end of its term. */
    decidedByUserId: uuid().references(() => users.id),
    /** Rows erased per kind of content (goals, messages, …): for the DPO and the figures, never the content. */
    counts: jsonb().$type<Record<string, number>>().notNull().default(sql`'{}'::jsonb`),
  },
  (t) => [
    primaryKey({ columns: [t.collaborationId, t.familyId] }),
    foreignKey({ name: 'family_erasures_family_fk', columns: [t.collaborationId, t.familyId], foreignColumns: [families.collaborationId, families.id] }),
  ],
);

/**
 * A family member's request to erase the family file. The coordinator erases it (the same path as
 * the retention job) or refuses with a reason the family reads. An erased file takes its requests
 * with it; the tombstone keeps the day of the request.
 */
export const erasureRequests = pgTable(
  'erasure_requests',
  {
    collaborationId: uuid().notNull(),
    id: uuid().notNull().defaultRandom(),
    familyId: uuid().notNull(),
    requestedByParticipantId: uuid().notNull(),
    /** In the member's own words, optional. */
    note: text(),
    status: text({ enum: ERASURE_REQUEST_STATUSES }).notNull().default('pending'),
    refusalReason: text(),
    decidedByUserId: uuid().references(() => users.id),
    decidedAt: timestamp({ withTimezone: true }),
    version: integer().notNull().default(1),
    createdAt: now(),
  },
  (t) => [
    primaryKey({ columns: [t.collaborationId, t.id] }),
    foreignKey({ name: 'erasure_requests_family_fk', columns: [t.collaborationId, t.familyId], foreignColumns: [families.collaborationId, families.id] }),
    foreignKey({ name: 'erasure_requests_participant_fk', columns: [t.collaborationId, t.requestedByParticipantId], foreignColumns: [familyParticipants.collaborationId, familyParticipants.id] }),
    index('erasure_requests_family').on(t.collaborationId, t.familyId, t.createdAt),
    // One open request per family at a time.
    uniqueIndex('erasure_requests_one_pending').on(t.collaborationId, t.familyId).where(sql`${t.status} = 'pending'`),
  ],
);
