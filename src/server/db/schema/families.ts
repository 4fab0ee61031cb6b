import { sql } from 'drizzle-orm';
import {
  check, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uuid,
} from 'drizzle-orm/pg-core';
import { collaborations, lifeDomains } from './tenants.ts';
import { users } from './people.ts';

const now = () => timestamp({ withTimezone: true }).notNull().defaultNow();

export const families = pgTable(
  'families',
  {
    collaborationId: uuid().notNull().references(() => collaborations.id),
    id: uuid().notNull().defaultRandom(),
    displayName: text().notNull(),
    status: text({ enum: ['registered', 'active', 'closed'] }).notNull().default('registered'),
    version: integer().notNull().default(1),
    createdAt: now(),
    updatedAt: now(),
  },
  (t) => [primaryKey({ columns: [t.collaborationId, t.id] })],
);

/** Everyone around a family: its members, network, outside professionals and coaches. */
export const familyParticipants = pgTable(
  'family_participants',
  {
    collaborationId: uuid().notNull(),
    id: uuid().notNull().defaultRandom(),
    familyId: uuid().notNull(),
    userId: uuid().references(() => users.id),
    displayName: text().notNull(),
    email: text(),
    role: text({
      enum: ['parent', 'young_person', 'child', 'network_member', 'outside_professional', 'coach'],
    }).notNull(),
    ring: integer().notNull(),
    birthYear: integer(),
    removedAt: timestamp({ withTimezone: true }),
    version: integer().notNull().default(1),
    createdAt: now(),
  },
  (t) => [
    primaryKey({ columns: [t.collaborationId, t.id] }),
    foreignKey({
      name: 'family_participants_family_fk',
      columns: [t.collaborationId, t.familyId],
      foreignColumns: [families.collaborationId, families.id],
    }),
    index('family_participants_family').on(t.collaborationId, t.familyId),
    index('family_participants_user').on(t.userId),
    check('family_participants_ring', sql`${t.ring} between 1 and 3`),
  ],
);

/**
 * The family's permission for one participant to see (read) or add to (contribute) one life domain
 * or one single item. Proposed grants (by a coach) take effect only once approved.
 */
export const consentGrants = pgTable(
  'consent_grants',
  {
    collaborationId: uuid().notNull(),
    id: uuid().notNull().defaultRandom(),
    familyId: uuid().notNull(),
    participantId: uuid().notNull(),
    lifeDomainId: uuid(),
    itemType: text(),
    itemId: uuid(),
    level: text({ enum: ['read', 'contribute'] }).notNull(),
    status: text({ enum: ['proposed', 'active'] }).notNull().default('active'),
    validUntil: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
    grantedByParticipantId: uuid(),
    onBehalfOfParticipantId: uuid(),
    createdAt: now(),
  },
  (t) => [
    primaryKey({ columns: [t.collaborationId, t.id] }),
    foreignKey({
      name: 'consent_grants_family_fk',
      columns: [t.collaborationId, t.familyId],
      foreignColumns: [families.collaborationId, families.id],
    }),
    foreignKey({
      name: 'consent_grants_participant_fk',
      columns: [t.collaborationId, t.participantId],
      foreignColumns: [familyParticipants.collaborationId, familyParticipants.id],
    }),
    foreignKey({
      name: 'consent_grants_life_domain_fk',
      columns: [t.collaborationId, t.lifeDomainId],
      foreignColumns: [lifeDomains.collaborationId, lifeDomains.id],
    }),
    foreignKey({
      name: 'consent_grants_granted_by_fk',
      columns: [t.collaborationId, t.grantedByParticipantId],
      foreignColumns: [familyParticipants.collaborationId, familyParticipants.id],
    }),
    foreignKey({
      name: 'consent_grants_on_behalf_of_fk',
      columns: [t.collaborationId, t.onBehalfOfParticipantId],
      foreignColumns: [familyParticipants.collaborationId, familyParticipants.id],
    }),
    index('consent_grants_participant').on(t.collaborationId, t.participantId),
    check(
      'consent_grants_one_topic',
      sql`(${t.lifeDomainId} is not null and ${t.itemId} is null and ${t.itemType} is null)
        or (${t.lifeDomainId} is null and ${t.itemId} is not null and ${t.itemType} is not null)`,
    ),
  ],
);
