import { sql } from 'drizzle-orm';
import {
  boolean, check, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid,
} from 'drizzle-orm/pg-core';

const now = () => timestamp({ withTimezone: true }).notNull().defaultNow();

/** The tenant: one regional collaboration (samenwerkingsverband), with its settings. */
export const collaborations = pgTable(
  'collaborations',
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    contactEmail: text(),
    contactPhone: text(),
    firstContactTargetDays: integer().notNull().default(30),
    warningThresholdDays: integer().notNull().default(21),
    /** Months after a plan's agreements (or its last evaluation) when the next evaluation round is proposed. */
    evaluationIntervalMonths: integer().notNull().default(3),
    languages: text().array().notNull().default(sql`'{nl-BE,en}'::text[]`),
    /** How long one use of emergency access (break-glass) lasts. */
    breakGlassHours: integer().notNull().default(4),
    /** Whether coaches (not only coordinators) may use emergency access for files they are not on. */
    breakGlassCoaches: boolean().notNull().default(false),
    /** Years a closed family file is kept after its closure; then the daily retention job erases it (README, "Retention and erasure"). */
    retentionYears: integer().notNull().default(5),
    version: integer().notNull().default(1),
    createdAt: now(),
    updatedAt: now(),
  },
  (t) => [
    check('collaborations_target_positive', sql`${t.firstContactTargetDays} between 1 and 365`),
    check('collaborations_evaluation_interval', sql`${t.evaluationIntervalMonths} between 1 and 24`),
    check('collaborations_break_glass_hours', sql`${t.breakGlassHours} between 1 and 24`),
    check('collaborations_retention_years', sql`${t.retentionYears} between 1 and 30`),
    check('collaborations_warning_before_target', sql`${t.warningThresholdDays} between 1 and ${t.firstContactTargetDays}`),
  ],
);

/**
 * Routing table from postcode to collaboration. A platform-wide reference table (read by the public
 * registration form), so a postcode+municipality is served by exactly one collaboration.
 */
export const postcodes = pgTable(
  'postcodes',
  {
    postcode: text().notNull(),
    municipality: text().notNull(),
    collaborationId: uuid().notNull().references(() => collaborations.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.postcode, t.municipality] }),
    index('postcodes_collaboration').on(t.collaborationId),
    // "Sint-Amandsberg" and "sint-amandsberg" are one place: it can belong to one collaboration only.
    uniqueIndex('postcodes_place').on(t.postcode, sql`lower(${t.municipality})`),
    check('postcodes_format', sql`${t.postcode} ~ '^[1-9][0-9]{3}$'`),
  ],
);

/** Life domains (levensdomeinen) are configuration per collaboration; archived, never deleted, because plans point at them. */
export const lifeDomains = pgTable(
  'life_domains',
  {
    collaborationId: uuid().notNull().references(() => collaborations.id, { onDelete: 'cascade' }),
    id: uuid().notNull().defaultRandom(),
    labelNl: text().notNull(),
    labelEn: text().notNull(),
    pictogram: text().notNull(),
    position: integer().notNull(),
    archivedAt: timestamp({ withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.collaborationId, t.id] })],
);

export const partnerOrganisations = pgTable(
  'partner_organisations',
  {
    collaborationId: uuid().notNull().references(() => collaborations.id, { onDelete: 'cascade' }),
    id: uuid().notNull().defaultRandom(),
    name: text().notNull(),
    kind: text().notNull(),
    contactEmail: text(),
    contactPhone: text(),
    active: boolean().notNull().default(true),
    version: integer().notNull().default(1),
    createdAt: now(),
    updatedAt: now(),
  },
  (t) => [
    primaryKey({ columns: [t.collaborationId, t.id] }),
    index('partner_organisations_name').on(t.collaborationId, t.name, t.id),
  ],
);
