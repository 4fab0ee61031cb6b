import { sql } from 'drizzle-orm';
import {
  bigint, boolean, check, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid,
} from 'drizzle-orm/pg-core';
import { users } from './people.ts';
import { collaborations } from './tenants.ts';

const now = () => timestamp({ withTimezone: true }).notNull().defaultNow();

/**
 * A person's second factors. One table for every kind so sign-in asks "which factors does this person
 * have" once: a TOTP authenticator app today, a passkey as a second kind (its credential columns join
 * these). A row without `confirmedAt` is an enrolment that has not yet been confirmed with a first code.
 */
export const secondFactors = pgTable(
  'second_factors',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid().notNull().references(() => users.id, { onDelete: 'cascade' }),
    kind: text({ enum: ['totp'] }).notNull(),
    /** TOTP secret, AES-256-GCM with the SECOND_FACTOR_KEY (see features/second-factor/crypto.ts). */
    secretEncrypted: text(),
    /** The last 30-second time step whose code was accepted: a code for it or an earlier one is a replay. */
    lastUsedStep: bigint({ mode: 'number' }),
    confirmedAt: timestamp({ withTimezone: true }),
    lastUsedAt: timestamp({ withTimezone: true }),
    createdAt: now(),
  },
  (t) => [
    index('second_factors_user').on(t.userId),
    // One authenticator app per person: a new enrolment replaces the old one once it is confirmed.
    uniqueIndex('second_factors_one_confirmed_totp').on(t.userId).where(sql`${t.kind} = 'totp' and ${t.confirmedAt} is not null`),
    check('second_factors_totp_secret', sql`${t.kind} <> 'totp' or ${t.secretEncrypted} is not null`),
  ],
);

/** Single-use recovery codes, stored as argon2 hashes; the codes themselves are shown once. */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid().notNull().references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text().notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: now(),
  },
  (t) => [index('recovery_codes_user').on(t.userId)],
);

/**
 * Per collaboration and role: must this role use a second factor, and how many days after first being
 * asked may someone still work without one. No row means the default (see features/second-factor/policy.ts).
 */
export const secondFactorPolicies = pgTable(
  'second_factor_policies',
  {
    collaborationId: uuid().notNull().references(() => collaborations.id, { onDelete: 'cascade' }),
    role: text().notNull(),
    required: boolean().notNull(),
    graceDays: integer().notNull(),
    version: integer().notNull().default(1),
    updatedAt: now(),
  },
  (t) => [
    primaryKey({ columns: [t.collaborationId, t.role] }),
    check('second_factor_policies_role', sql`${t.role} in ('admin','coordinator','coach','referrer','dpo')`),
    check('second_factor_policies_grace', sql`${t.graceDays} between 0 and 90`),
  ],
);

/**
 * The rule for the accounts that see across collaborations (platform administrators, government
 * analysts): no collaboration's admin may loosen it, only a platform administrator. No row means
 * the default: required at once.
 */
export const platformSecondFactorPolicies = pgTable(
  'platform_second_factor_policies',
  {
    role: text().primaryKey(),
    required: boolean().notNull(),
    graceDays: integer().notNull(),
    version: integer().notNull().default(1),
    updatedAt: now(),
  },
  (t) => [
    check('platform_second_factor_policies_role', sql`${t.role} in ('platform_admin','government_analyst')`),
    check('platform_second_factor_policies_grace', sql`${t.graceDays} between 0 and 90`),
  ],
);
