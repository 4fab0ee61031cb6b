import { sql } from 'drizzle-orm';
import {
  boolean, check, customType, date, foreignKey, index, integer, pgTable, primaryKey, real, text, time, timestamp, uuid,
} from 'drizzle-orm/pg-core';
import { HELP_KINDS, NETWORK_STATUSES, SERVICE_STATUSES, TIE_KINDS } from '../../../shared/network-constants.ts';
import { collaborations } from './tenants.ts';
import { users } from './people.ts';
import { familyParticipants } from './families.ts';
import { topicColumns, topicKeys } from './plan.ts';

const now = () => timestamp({ withTimezone: true }).notNull().defaultNow();
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * A person around the family (eco-map): ring 1 family, ring 2 informal network, ring 3 professionals.
 * Not necessarily someone with an account: `participantId` links the person when they have one.
 * Phone, email and address are the person's own personal data: the presenter shows them only to
 * the family, its coaches, and participants the family shared them with (grant `network_contact`).
 */
export const networkPeople = pgTable(
  'network_people',
  {
    ...topicColumns(),
    participantId: uuid(),
    name: text().notNull(),
    relation: text(),
    ring: integer().notNull(),
    /** How important the family finds this person, 1–5. */
    importance: integer(),
    roles: text({ enum: HELP_KINDS }).array().notNull().default(sql`'{}'::text[]`),
    offers: text(),
    /** "A listening ear, you may call": no fixed hours, always welcome to call. */
    callAnytime: boolean().notNull().default(false),
    status: text({ enum: NETWORK_STATUSES }).notNull().default('involved'),
    phone: text(),
    email: text(),
    address: text(),
    /** Where the person was dragged to on the map (degrees); null places them evenly. */
    mapAngle: real(),
  },
  (t) => [
    primaryKey({ columns: [t.collaborationId, t.id] }),
    ...topicKeys('network_people', t),
    foreignKey({ name: 'network_people_participant_fk', columns: [t.collaborationId, t.participantId], foreignColumns: [familyParticipants.collaborationId, familyParticipants.id] }),
    check('network_people_ring', sql`${t.ring} between 1 and 3`),
    check('network_people_importance', sql`${t.importance} between 1 and 5`),
  ],
);

/** When a person can help: a weekday and hours, optionally only for one kind of help ("can drive Tuesday 8:00–8:30"). */
export const networkAvailability = pgTable(
  'network_availability',
  {
    collaborationId: uuid().notNull(),
    id: uuid().notNull().defaultRandom(),
    personId: uuid().notNull(),
    weekday: integer().notNull(),
    startsAt: time().notNull(),
    endsAt: time().notNull(),
    helpKind: text({ enum: HELP_KINDS }),
  },
  (t) => [
    primaryKey({ columns: [t.collaborationId, t.id] }),
    foreignKey({ name: 'network_availability_person_fk', columns: [t.collaborationId, t.personId], foreignColumns: [networkPeople.collaborationId, networkPeople.id] }),
    index('network_availability_person').on(t.collaborationId, t.personId),
    check('network_availability_weekday', sql`${t.weekday} between 1 and 7`),
    check('network_availability_hours', sql`${t.startsAt} < ${t.endsAt}`),
  ],
);

/** A line on the eco-map: between the family (no `fromPersonId`) or a person, and another person. */
export const networkTies = pgTable(
  'network_ties',
  {
    ...topicColumns(),
    fromPersonId: uuid(),
    toPersonId: uuid().notNull(),
    kind: text({ enum: TIE_KINDS }).notNull(),
    note: text(),
  },
  (t) => [
    primaryKey({ columns: [t.collaborationId, t.id] }),
    ...topicKeys('network_ties', t),
    foreignKey({ name: 'network_ties_from_fk', columns: [t.collaborationId, t.fromPersonId], foreignColumns: [networkPeople.collaborationId, networkPeople.id] }),
    foreignKey({ name: 'network_ties_to_fk', columns: [t.collaborationId, t.toPersonId], foreignColumns: [networkPeople.collaborationId, networkPeople.id] }),
  ],
);

/** A directory entry of the collaboration's social map: an organisation's service, how to get in, how long the wait. */
export const socialMapEntries = pgTable(
  'social_map_entries',
  {
    collaborationId: uuid().notNull().references(() => collaborations.id),
    id: uuid().notNull().defaultRandom(),
    organisation: text().notNull(),
    service: text().notNull(),
    description: text(),
    lifeDomainIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    targetGroup: text(),
    postcodes: text().array().notNull().default(sql`'{}'::text[]`),
    howToRegister: text(),
    contact: text(),
    waitingWeeks: integer(),
    waitingNote: text(),
    waitingConfirmedAt: timestamp({ withTimezone: true }),
    waitingConfirmedByUserId: uuid().references(() => users.id),
    search: tsvector().generatedAlwaysAs(sql`to_tsvector('dutch'::regconfig, organisation || ' ' || service || ' ' || coalesce(description, '') || ' ' || coalesce(target_group, ''))`),
    version: integer().notNull().default(1),
    createdAt: now(),
    updatedAt: now(),
    archivedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.collaborationId, t.id] }),
    index('social_map_entries_search').using('gin', t.search),
    index('social_map_entries_name').on(t.collaborationId, t.organisation, t.id),
  ],
);

/** One service in a family's help overview; `waiting` makes it a waiting-list entry. */
export const familyServices = pgTable(
  'family_services',
  {
    ...topicColumns(),
    organisation: text().notNull(),
    kindOfHelp: text().notNull(),
    memberIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    since: date(),
    contactPerson: text(),
    contactPhone: text(),
    status: text({ enum: SERVICE_STATUSES }).notNull().default('active'),
    waitingSince: date(),
    expected: text(),
    bridging: text(),
    endedOn: date(),
    familyExpects: text(),
    position: integer().notNull().default(0),
    socialMapEntryId: uuid(),
  },
  (t) => [
    primaryKey({ columns: [t.collaborationId, t.id] }),
    ...topicKeys('family_services', t),
    foreignKey({ name: 'family_services_social_map_fk', columns: [t.collaborationId, t.socialMapEntryId], foreignColumns: [socialMapEntries.collaborationId, socialMapEntries.id] }),
  ],
);
