import { sql } from 'drizzle-orm';
import {
  check, date, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uuid,
} from 'drizzle-orm/pg-core';
import { PARTICIPANT_ROLES } from '../../../shared/roles.ts';
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
    /** The collaboration's plan template this family's plan follows (sections, labels). */
    planTemplateId: uuid(),
    /** Goes up with every change to the plan: the ETag of the plan as a whole (e.g. reordering). */
    planRevision: integer().notNull().default(0),
    /**
     * Legal hold: the coordinator keeps a closed file past its retention term, with a reason. A held
     * file is not erased until the hold is lifted.
     */
    legalHoldReason: text(),
    legalHoldAt: timestamp({ withTimezone: true }),
    legalHoldByUserId: uuid().references(() => users.id),
    /** Set once, by the sanctioned erasure (features/retention/erase.ts): the row stays as a tombstone without content. */
    erasedAt: timestamp({ withTimezone: true }),
    version: integer().notNull().default(1),
    createdAt: now(),
    updatedAt: now(),
  },
  (t) => [
    primaryKey({ columns: [t.collaborationId, t.id] }),
    check('families_legal_hold', sql`(${t.legalHoldReason} is null) = (${t.legalHoldAt} is null)`),
  ],
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
    role: text({ enum: PARTICIPANT_ROLES }).notNull(),
    ring: integer().notNull(),
    birthYear: integer(),
    dateOfBirth: date(),
    /** How the family names this person: "mama", "oma Rita", "juf Ann". */
    relation: text(),
    phone: text(),
    languages: text().array().notNull().default(sql`'{}'::text[]`),
    /** In the member's own words: "what is important to me". */
    importantToMe: text(),
    updatedAt: now(),
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
    approvedByParticipantId: uuid(),
    approvedAt: timestamp({ withTimezone: true }),
    revokedByParticipantId: uuid(),
    version: integer().notNull().default(1),
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
    foreignKey({
      name: 'consent_grants_approved_by_fk',
      columns: [t.collaborationId, t.approvedByParticipantId],
      foreignColumns: [familyParticipants.collaborationId, familyParticipants.id],
    }),
    index('consent_grants_participant').on(t.collaborationId, t.participantId),
    index('consent_grants_family').on(t.collaborationId, t.familyId),
    check(
      'consent_grants_one_topic',
      sql`(${t.lifeDomainId} is not null and ${t.itemId} is null and ${t.itemType} is null)
        or (${t.lifeDomainId} is null and ${t.itemId} is not null and ${t.itemType} is not null)`,
    ),
  ],
);

/** A home a family member lives in; children can live in two (e.g. week on, week off). */
export const familyHomes = pgTable(
  'family_homes',
  {
    collaborationId: uuid().notNull(),
    id: uuid().notNull().defaultRandom(),
    familyId: uuid().notNull(),
    label: text().notNull(),
    version: integer().notNull().default(1),
    createdAt: now(),
    removedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.collaborationId, t.id] }),
    foreignKey({ name: 'family_homes_family_fk', columns: [t.collaborationId, t.familyId], foreignColumns: [families.collaborationId, families.id] }),
    index('family_homes_family').on(t.collaborationId, t.familyId),
  ],
);

export const familyMemberHomes = pgTable(
  'family_member_homes',
  {
    collaborationId: uuid().notNull(),
    participantId: uuid().notNull(),
    homeId: uuid().notNull(),
    /** e.g. "week om week", "in het weekend". */
    arrangement: text(),
  },
  (t) => [
    primaryKey({ columns: [t.collaborationId, t.participantId, t.homeId] }),
    foreignKey({ name: 'family_member_homes_participant_fk', columns: [t.collaborationId, t.participantId], foreignColumns: [familyParticipants.collaborationId, familyParticipants.id] }),
    foreignKey({ name: 'family_member_homes_home_fk', columns: [t.collaborationId, t.homeId], foreignColumns: [familyHomes.collaborationId, familyHomes.id] }),
  ],
);
