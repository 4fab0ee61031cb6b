import { bigint, boolean, date, index, integer, jsonb, pgTable, primaryKey, smallint, text, uuid } from 'drizzle-orm/pg-core';

/*
 * What the figures count, kept in the transaction of every change (migration `0012_figure_facts`,
 * docs/ARCHITECTURE.md "Figures"): facts per family with the Brussels days already worked out, and
 * tallies per collaboration and calendar month and year, so a report over ten years adds up a few
 * thousand rows instead of reading every registration, goal and round table. Nothing here is
 * written by the application: triggers keep it, `figures_rebuild()` makes it anew from the data.
 */

/**
 * One row per family in a trajectory: when it started and closed (Brussels days; a close day is
 * never before the start), the closure in force, and what the figures count of it now.
 * `goalStatuses` and `goalDomains` map a goal status or a pictogram ('none' without one) to its
 * number of goals; `roundTableMonths` maps the first day of a month to the round tables in it.
 * Round tables are those of kind round table, planned and not deleted (past or future).
 */
export const trajectoryFacts = pgTable(
  'trajectory_facts',
  {
    collaborationId: uuid().notNull(),
    familyId: uuid().notNull(),
    startedOn: date().notNull(),
    closedOn: date(),
    closureId: uuid(),
    closureReason: text(),
    warmHandover: boolean(),
    durationDays: integer(),
    ring2: boolean().notNull(),
    coaches: integer().notNull(),
    goalStatuses: jsonb().$type<Record<string, number>>().notNull(),
    goalDomains: jsonb().$type<Record<string, number>>().notNull(),
    firstRoundTableOn: date(),
    lastRoundTableOn: date(),
    firstRing2RoundTableOn: date(),
    lastRing2RoundTableOn: date(),
    roundTableMonths: jsonb().$type<Record<string, number>>().notNull(),
  },
  (t) => [
    primaryKey({ name: 'trajectory_facts_pk', columns: [t.collaborationId, t.familyId] }),
    // The days of each event, for the days of a period that are not a whole month (and the durations, read from the index alone).
    index('trajectory_facts_started').on(t.collaborationId, t.startedOn),
    index('trajectory_facts_closed').on(t.collaborationId, t.closedOn, t.durationDays),
    index('trajectory_facts_first_round_table').on(t.collaborationId, t.firstRoundTableOn),
    index('trajectory_facts_last_round_table').on(t.collaborationId, t.lastRoundTableOn),
    index('trajectory_facts_first_ring2_round_table').on(t.collaborationId, t.firstRing2RoundTableOn),
    index('trajectory_facts_last_ring2_round_table').on(t.collaborationId, t.lastRing2RoundTableOn),
  ],
);

/**
 * The sums of the contributions of `trajectory_facts` (the SQL function `trajectory_contributions`)
 * per collaboration, event ('start', 'close', first and last round table, …), measure, category and
 * calendar month (`months` 1) or year (`months` 12) of the event's day.
 */
export const trajectoryTallies = pgTable(
  'trajectory_tallies',
  {
    collaborationId: uuid().notNull(),
    measure: text().notNull(),
    edge: text().notNull(),
    months: smallint().notNull(),
    periodStart: date().notNull(),
    category: text().notNull(),
    families: integer().notNull(),
    amount: bigint({ mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ name: 'trajectory_tallies_pk', columns: [t.collaborationId, t.measure, t.edge, t.months, t.periodStart, t.category] })],
);

/**
 * A round table on a day of its family's trajectory (the view `round_table_days`): for the days of
 * a period that are not whole months, and for counting under a filter on families.
 */
export const roundTableFacts = pgTable(
  'round_table_facts',
  {
    collaborationId: uuid().notNull(),
    meetingId: uuid().notNull(),
    familyId: uuid().notNull(),
    startsOn: date().notNull(),
    ring2: boolean().notNull(),
  },
  (t) => [
    primaryKey({ name: 'round_table_facts_pk', columns: [t.collaborationId, t.meetingId] }),
    index('round_table_facts_day').on(t.collaborationId, t.startsOn, t.familyId, t.ring2),
    index('round_table_facts_family').on(t.collaborationId, t.familyId),
  ],
);

/** A coach of a family in a trajectory, with the family's days: for the caseload figures. */
export const coachFacts = pgTable(
  'coach_facts',
  {
    collaborationId: uuid().notNull(),
    userId: uuid().notNull(),
    familyId: uuid().notNull(),
    startedOn: date().notNull(),
    closedOn: date(),
  },
  (t) => [
    primaryKey({ name: 'coach_facts_pk', columns: [t.collaborationId, t.userId, t.familyId] }),
    index('coach_facts_started').on(t.collaborationId, t.userId, t.startedOn, t.closedOn),
  ],
);

/**
 * The gaps of more than a year between two round-table days of a family (all round tables, or
 * those with ring-2 people at the table): with the first and last days in `trajectory_facts`, they
 * tell how many families had a round table in a period of a year or longer without reading each.
 */
export const roundTableLongGaps = pgTable(
  'round_table_long_gaps',
  {
    collaborationId: uuid().notNull(),
    familyId: uuid().notNull(),
    ring2: boolean().notNull(),
    afterOn: date().notNull(),
    beforeOn: date().notNull(),
  },
  (t) => [primaryKey({ name: 'round_table_long_gaps_pk', columns: [t.collaborationId, t.familyId, t.ring2, t.afterOn] })],
);

/**
 * Registrations (not forwarded) per collaboration, kind, measure ('referrer', 'reason', 'days' to
 * first contact or 'none'), category and calendar month or year of receipt.
 */
export const registrationTallies = pgTable(
  'registration_tallies',
  {
    collaborationId: uuid().notNull(),
    kind: text().notNull(),
    measure: text().notNull(),
    months: smallint().notNull(),
    periodStart: date().notNull(),
    category: text().notNull(),
    registrations: integer().notNull(),
  },
  (t) => [primaryKey({ name: 'registration_tallies_pk', columns: [t.collaborationId, t.kind, t.measure, t.months, t.periodStart, t.category] })],
);

/**
 * Minutes of the contact moments a coach wrote for the families they coach (`coach_facts`), per day
 * (`months` 0), calendar month (1) and year (12).
 */
export const coachMinuteTallies = pgTable(
  'coach_minute_tallies',
  {
    collaborationId: uuid().notNull(),
    userId: uuid().notNull(),
    months: smallint().notNull(),
    periodStart: date().notNull(),
    minutes: bigint({ mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ name: 'coach_minute_tallies_pk', columns: [t.collaborationId, t.months, t.periodStart, t.userId] })],
);
