import { sql } from 'drizzle-orm';
import { boolean, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { CLOSURE_REASONS } from '../../../shared/closure-constants.ts';
import type { ShareableItemType } from '../../../shared/schemas/sharing.ts';
import { families, familyParticipants } from './families.ts';
import { users } from './people.ts';
import { socialMapEntries } from './network.ts';

const now = () => timestamp({ withTimezone: true }).notNull().defaultNow();

/** One topic the family lets the receiving service read: a life domain or a single item. */
export interface HandoverShare { lifeDomainId?: string; itemType?: ShareableItemType; itemId?: string }

/**
 * A warm handover to a service of the social map: a note the family approves, and the parts of the
 * plan the family chose to share with that service's contact person (through ordinary consent grants).
 */
export const familyHandovers = pgTable(
  'family_handovers',
  {
    collaborationId: uuid().notNull(),
    id: uuid().notNull().defaultRandom(),
    familyId: uuid().notNull(),
    socialMapEntryId: uuid().notNull(),
    contactName: text().notNull(),
    contactEmail: text().notNull(),
    note: text().notNull(),
    /** What the coach proposed to share; `approvedShares` is what the family said yes to. */
    proposedShares: jsonb().$type<HandoverShare[]>().notNull().default(sql`'[]'::jsonb`),
    approvedShares: jsonb().$type<HandoverShare[]>(),
    status: text({ enum: ['proposed', 'approved', 'cancelled'] }).notNull().default('proposed'),
    /** The contact person, once invited into the circle as an outside professional. */
    participantId: uuid(),
    approvedByParticipantId: uuid(),
    onBehalfOfParticipantId: uuid(),
    approvedAt: timestamp({ withTimezone: true }),
    createdByUserId: uuid().references(() => users.id),
    version: integer().notNull().default(1),
    createdAt: now(),
  },
  (t) => [
    primaryKey({ columns: [t.collaborationId, t.id] }),
    foreignKey({ name: 'family_handovers_family_fk', columns: [t.collaborationId, t.familyId], foreignColumns: [families.collaborationId, families.id] }),
    foreignKey({ name: 'family_handovers_entry_fk', columns: [t.collaborationId, t.socialMapEntryId], foreignColumns: [socialMapEntries.collaborationId, socialMapEntries.id] }),
    foreignKey({ name: 'family_handovers_participant_fk', columns: [t.collaborationId, t.participantId], foreignColumns: [familyParticipants.collaborationId, familyParticipants.id] }),
    index('family_handovers_family').on(t.collaborationId, t.familyId),
  ],
);

/** The end of a trajectory (and, when it was reopened, when and why). The latest row without `reopenedAt` is the closure in force. */
export const familyClosures = pgTable(
  'family_closures',
  {
    collaborationId: uuid().notNull(),
    id: uuid().notNull().defaultRandom(),
    familyId: uuid().notNull(),
    closedAt: now(),
    reason: text({ enum: CLOSURE_REASONS }).notNull(),
    reasonNote: text(),
    /** In plain language, for the family to keep. */
    summary: text().notNull(),
    closingConversationOn: date(),
    closingConversationParticipantIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    /** Brussels calendar days from the start of the trajectory to the closure. */
    durationDays: integer().notNull(),
    warmHandover: boolean().notNull().default(false),
    handoverId: uuid(),
    closedByUserId: uuid().references(() => users.id),
    reopenedAt: timestamp({ withTimezone: true }),
    reopenedByUserId: uuid().references(() => users.id),
    reopenReason: text(),
    version: integer().notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.collaborationId, t.id] }),
    foreignKey({ name: 'family_closures_family_fk', columns: [t.collaborationId, t.familyId], foreignColumns: [families.collaborationId, families.id] }),
    foreignKey({ name: 'family_closures_handover_fk', columns: [t.collaborationId, t.handoverId], foreignColumns: [familyHandovers.collaborationId, familyHandovers.id] }),
    index('family_closures_family').on(t.collaborationId, t.familyId, t.closedAt),
  ],
);
