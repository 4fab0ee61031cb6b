import { foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { families, familyParticipants } from './families.ts';

const now = () => timestamp({ withTimezone: true }).notNull().defaultNow();

/**
 * A coach who knew the family before, from their own organisation, says so here: the family sees
 * it. Records of that organisation enter the file only once a parent has said yes (`given`).
 */
export const priorInvolvements = pgTable(
  'prior_involvements',
  {
    collaborationId: uuid().notNull(),
    id: uuid().notNull().defaultRandom(),
    familyId: uuid().notNull(),
    coachParticipantId: uuid().notNull(),
    organisationName: text().notNull(),
    description: text().notNull(),
    recordsConsent: text({ enum: ['not_asked', 'asked', 'given', 'refused'] }).notNull().default('not_asked'),
    decidedByParticipantId: uuid(),
    onBehalfOfParticipantId: uuid(),
    decidedAt: timestamp({ withTimezone: true }),
    version: integer().notNull().default(1),
    createdAt: now(),
  },
  (t) => [
    primaryKey({ columns: [t.collaborationId, t.id] }),
    foreignKey({ name: 'prior_involvements_family_fk', columns: [t.collaborationId, t.familyId], foreignColumns: [families.collaborationId, families.id] }),
    foreignKey({ name: 'prior_involvements_coach_fk', columns: [t.collaborationId, t.coachParticipantId], foreignColumns: [familyParticipants.collaborationId, familyParticipants.id] }),
    foreignKey({ name: 'prior_involvements_decided_by_fk', columns: [t.collaborationId, t.decidedByParticipantId], foreignColumns: [familyParticipants.collaborationId, familyParticipants.id] }),
    index('prior_involvements_family').on(t.collaborationId, t.familyId),
  ],
);
