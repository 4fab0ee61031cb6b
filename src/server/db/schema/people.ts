import { sql } from 'drizzle-orm';
import {
  boolean, check, foreignKey, index, pgTable, primaryKey, text, timestamp, uuid, integer, uniqueIndex,
} from 'drizzle-orm/pg-core';
import { collaborations, partnerOrganisations } from './tenants.ts';

const now = () => timestamp({ withTimezone: true }).notNull().defaultNow();

/** A person who can sign in. Global, because a coach may work in several collaborations. */
export const users = pgTable(
  'users',
  {
    id: uuid().primaryKey().defaultRandom(),
    email: text().notNull(),
    name: text().notNull(),
    passwordHash: text(),
    locale: text().notNull().default('nl-BE'),
    platformAdmin: boolean().notNull().default(false),
    /** First sign-in at which a second factor was asked for: the grace period counts from here. */
    secondFactorAskedAt: timestamp({ withTimezone: true }),
    active: boolean().notNull().default(true),
    version: integer().notNull().default(1),
    createdAt: now(),
    updatedAt: now(),
  },
  (t) => [
    uniqueIndex('users_email').on(sql`lower(${t.email})`),
    check('users_email_lowercase', sql`${t.email} = lower(${t.email})`),
  ],
);

/** A user's roles in one collaboration. */
export const memberships = pgTable(
  'memberships',
  {
    collaborationId: uuid().notNull().references(() => collaborations.id, { onDelete: 'cascade' }),
    userId: uuid().notNull().references(() => users.id),
    roles: text().array().notNull(),
    partnerOrganisationId: uuid(),
    active: boolean().notNull().default(true),
    version: integer().notNull().default(1),
    createdAt: now(),
    updatedAt: now(),
  },
  (t) => [
    primaryKey({ columns: [t.collaborationId, t.userId] }),
    index('memberships_user').on(t.userId),
    foreignKey({
      name: 'memberships_partner_organisation_fk',
      columns: [t.collaborationId, t.partnerOrganisationId],
      foreignColumns: [partnerOrganisations.collaborationId, partnerOrganisations.id],
    }),
    check('memberships_roles_known', sql`${t.roles} <@ array['admin','coordinator','coach','referrer','dpo']::text[] and cardinality(${t.roles}) > 0`),
  ],
);

/** Server-side sessions: the cookie holds a random token, the table only its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text().primaryKey(),
    userId: uuid().notNull().references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text().notNull(),
    /**
     * 'full', or 'second_factor': the password was right but the second factor is still to come
     * (or to be enrolled). Such a session reaches only the second-factor endpoints (http/request-context.ts).
     */
    level: text({ enum: ['full', 'second_factor'] }).notNull().default('full'),
    createdAt: now(),
    lastSeenAt: now(),
    idleExpiresAt: timestamp({ withTimezone: true }).notNull(),
    absoluteExpiresAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    index('sessions_user').on(t.userId),
    check('sessions_level_known', sql`${t.level} in ('full','second_factor')`),
  ],
);

/** Single-use tokens sent by mail: invitations, password resets (and later one-time sign-in links). */
export const authTokens = pgTable(
  'auth_tokens',
  {
    tokenHash: text().primaryKey(),
    userId: uuid().notNull().references(() => users.id, { onDelete: 'cascade' }),
    purpose: text({ enum: ['invitation', 'password_reset', 'magic_link', 'family_invitation'] }).notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: now(),
  },
  (t) => [index('auth_tokens_user').on(t.userId)],
);

/** Failed sign-in counters per key (email or client address), so throttling holds across app instances. */
export const loginThrottle = pgTable('login_throttle', {
  key: text().primaryKey(),
  failures: integer().notNull().default(0),
  windowStartedAt: now(),
});
