import { date, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { families } from './families.ts';
import { users } from './people.ts';
import { collaborations } from './tenants.ts';

const now = () => timestamp({ withTimezone: true }).notNull().defaultNow();

/** The team's weekly meeting (intervisie): prepared by the coordinator, with an agenda of cases, notes and follow-up. */
export const teamMeetings = pgTable(
  'team_meetings',
  {
    collaborationId: uuid().notNull().references(() => collaborations.id),
    id: uuid().notNull().defaultRandom(),
    heldOn: date().notNull(),
    title: text().notNull(),
    notes: text(),
    followUp: text(),
    createdByUserId: uuid().references(() => users.id),
    version: integer().notNull().default(1),
    createdAt: now(),
    updatedAt: now(),
  },
  (t) => [primaryKey({ columns: [t.collaborationId, t.id] }), index('team_meetings_held_on').on(t.collaborationId, t.heldOn)],
);

/**
 * A family brought to the team as an anonymised case. `familyId` never leaves the server except to
 * the presenting coach; the texts were checked for the names and places the file knows.
 */
export const teamCases = pgTable(
  'team_cases',
  {
    collaborationId: uuid().notNull(),
    id: uuid().notNull().defaultRandom(),
    meetingId: uuid(),
    familyId: uuid().notNull(),
    presentingUserId: uuid().notNull().references(() => users.id),
    /** A neutral label the coach chooses ("casus A"). */
    title: text().notNull(),
    question: text().notNull(),
    summary: text().notNull(),
    version: integer().notNull().default(1),
    createdAt: now(),
  },
  (t) => [
    primaryKey({ columns: [t.collaborationId, t.id] }),
    foreignKey({ name: 'team_cases_family_fk', columns: [t.collaborationId, t.familyId], foreignColumns: [families.collaborationId, families.id] }),
    foreignKey({ name: 'team_cases_meeting_fk', columns: [t.collaborationId, t.meetingId], foreignColumns: [teamMeetings.collaborationId, teamMeetings.id] }),
    index('team_cases_meeting').on(t.collaborationId, t.meetingId),
  ],
);

/** A team member's advice on a case. */
export const teamCaseAdvice = pgTable(
  'team_case_advice',
  {
    collaborationId: uuid().notNull(),
    id: uuid().notNull().defaultRandom(),
    caseId: uuid().notNull(),
    authorUserId: uuid().notNull().references(() => users.id),
    text: text().notNull(),
    createdAt: now(),
  },
  (t) => [
    primaryKey({ columns: [t.collaborationId, t.id] }),
    foreignKey({ name: 'team_case_advice_case_fk', columns: [t.collaborationId, t.caseId], foreignColumns: [teamCases.collaborationId, teamCases.id] }),
  ],
);
