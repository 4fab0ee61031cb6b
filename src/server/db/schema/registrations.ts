import { sql } from 'drizzle-orm';
import {
  boolean, check, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid,
} from 'drizzle-orm/pg-core';
import { collaborations } from './tenants.ts';
import { memberships, users } from './people.ts';
import { families } from './families.ts';

const now = () => timestamp({ withTimezone: true }).notNull().defaultNow();

/**
 * A registration (aanmelding) of a family, or a consultation question. `receivedAt` is the date the
 * first-contact promise counts from; it is kept when a registration is forwarded to another
 * collaboration (a new row there, this one marked `forwarded`).
 */
export const registrations = pgTable(
  'registrations',
  {
    collaborationId: uuid().notNull().references(() => collaborations.id),
    id: uuid().notNull().defaultRandom(),
    receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    kind: text({ enum: ['family', 'consultation'] }).notNull(),
    status: text({
      enum: ['new', 'first_contact', 'trajectory_started', 'consultation_answered', 'not_started', 'forwarded'],
    }).notNull().default('new'),
    referrerType: text().notNull(),
    referrerName: text().notNull(),
    referrerOrganisation: text(),
    referrerEmail: text(),
    referrerPhone: text(),
    /** Set when a signed-in referrer registered; they follow the status of their own registrations. */
    referrerUserId: uuid().references(() => users.id),
    familyName: text().notNull(),
    familyEmail: text(),
    familyPhone: text(),
    familyLanguage: text().notNull(),
    postcode: text().notNull(),
    municipality: text().notNull(),
    children: jsonb().$type<{ firstName: string; birthYear: number }[]>().notNull().default(sql`'[]'::jsonb`),
    reasons: text().array().notNull(),
    question: text().notNull(),
    helpersInvolved: text(),
    networkInvolved: text(),
    urgent: boolean().notNull().default(false),
    familyConsent: boolean().notNull(),
    firstContactAt: timestamp({ withTimezone: true }),
    firstContactMethod: text({ enum: ['phone', 'home_visit', 'elsewhere'] }),
    closedReason: text(),
    warmReferralTo: text(),
    familyId: uuid(),
    forwardedToCollaborationId: uuid().references(() => collaborations.id),
    forwardedFromCollaborationId: uuid().references(() => collaborations.id),
    version: integer().notNull().default(1),
    createdAt: now(),
    updatedAt: now(),
  },
  (t) => [
    primaryKey({ columns: [t.collaborationId, t.id] }),
    foreignKey({
      name: 'registrations_family_fk',
      columns: [t.collaborationId, t.familyId],
      foreignColumns: [families.collaborationId, families.id],
    }),
    index('registrations_queue').on(t.collaborationId, t.status, t.receivedAt),
    index('registrations_referrer').on(t.referrerUserId),
    // The figures read a period of one or all collaborations.
    index('registrations_received').on(t.collaborationId, t.receivedAt),
    check('registrations_consent', sql`${t.familyConsent} = true`),
    check('registrations_first_contact', sql`(${t.firstContactAt} is null) = (${t.firstContactMethod} is null)`),
  ],
);

/** One or two coaches assigned to a registration; they must be members of the same collaboration. */
export const registrationCoaches = pgTable(
  'registration_coaches',
  {
    collaborationId: uuid().notNull(),
    registrationId: uuid().notNull(),
    userId: uuid().notNull(),
    assignedAt: now(),
  },
  (t) => [
    primaryKey({ columns: [t.collaborationId, t.registrationId, t.userId] }),
    foreignKey({
      name: 'registration_coaches_registration_fk',
      columns: [t.collaborationId, t.registrationId],
      foreignColumns: [registrations.collaborationId, registrations.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'registration_coaches_membership_fk',
      columns: [t.collaborationId, t.userId],
      foreignColumns: [memberships.collaborationId, memberships.userId],
    }),
    index('registration_coaches_user').on(t.userId),
  ],
);
