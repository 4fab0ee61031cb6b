import {
  boolean, date, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, unique, uuid,
} from 'drizzle-orm/pg-core';
import { MEETING_KINDS, MEETING_REPLIES, MEETING_STATUSES } from '../../../shared/meeting-constants.ts';
import { lifeDomains } from './tenants.ts';
import { users } from './people.ts';
import { families, familyParticipants } from './families.ts';
import { agreements, planItems } from './plan.ts';
import { mailOutbox } from './ops.ts';

const now = () => timestamp({ withTimezone: true }).notNull().defaultNow();
const participantFk = (name: string, t: { collaborationId: never; participantId: never }) =>
  foreignKey({ name, columns: [t.collaborationId, t.participantId], foreignColumns: [familyParticipants.collaborationId, familyParticipants.id] });

/**
 * A round table (rondetafel / netwerktafel): family, network and professionals around one table.
 * Times are instants (timestamptz) entered and shown in Europe/Brussels. Its agenda items carry the
 * topics; who may see what of it follows from the items.
 */
export const meetings = pgTable(
  'meetings',
  {
    collaborationId: uuid().notNull(),
    id: uuid().notNull().defaultRandom(),
    familyId: uuid().notNull(),
    kind: text({ enum: MEETING_KINDS }).notNull().default('round_table'),
    title: text().notNull(),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    endsAt: timestamp({ withTimezone: true }).notNull(),
    place: text(),
    videoUrl: text(),
    /** Who chairs: a family member, or a coach at the family's request (`chairAtFamilyRequest`). */
    chairParticipantId: uuid(),
    chairAtFamilyRequest: boolean().notNull().default(false),
    status: text({ enum: MEETING_STATUSES }).notNull().default('planned'),
    createdByParticipantId: uuid(),
    createdByUserId: uuid().references(() => users.id),
    version: integer().notNull().default(1),
    createdAt: now(),
    updatedAt: now(),
    deletedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.collaborationId, t.id] }),
    foreignKey({ name: 'meetings_family_fk', columns: [t.collaborationId, t.familyId], foreignColumns: [families.collaborationId, families.id] }),
    foreignKey({ name: 'meetings_chair_fk', columns: [t.collaborationId, t.chairParticipantId], foreignColumns: [familyParticipants.collaborationId, familyParticipants.id] }),
    foreignKey({ name: 'meetings_created_by_fk', columns: [t.collaborationId, t.createdByParticipantId], foreignColumns: [familyParticipants.collaborationId, familyParticipants.id] }),
    index('meetings_family').on(t.collaborationId, t.familyId, t.startsAt),
  ],
);

/** One agenda item: a topic (life domain or goal) with its own times. */
export const meetingItems = pgTable(
  'meeting_items',
  {
    collaborationId: uuid().notNull(),
    id: uuid().notNull().defaultRandom(),
    familyId: uuid().notNull(),
    meetingId: uuid().notNull(),
    title: text().notNull(),
    lifeDomainId: uuid(),
    goalId: uuid(),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    endsAt: timestamp({ withTimezone: true }).notNull(),
    position: integer().notNull().default(0),
    version: integer().notNull().default(1),
    createdAt: now(),
    updatedAt: now(),
    deletedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.collaborationId, t.id] }),
    foreignKey({ name: 'meeting_items_meeting_fk', columns: [t.collaborationId, t.meetingId], foreignColumns: [meetings.collaborationId, meetings.id] }),
    foreignKey({ name: 'meeting_items_family_fk', columns: [t.collaborationId, t.familyId], foreignColumns: [families.collaborationId, families.id] }),
    foreignKey({ name: 'meeting_items_life_domain_fk', columns: [t.collaborationId, t.lifeDomainId], foreignColumns: [lifeDomains.collaborationId, lifeDomains.id] }),
    foreignKey({ name: 'meeting_items_goal_fk', columns: [t.collaborationId, t.goalId], foreignColumns: [planItems.collaborationId, planItems.id] }),
    index('meeting_items_meeting').on(t.collaborationId, t.meetingId),
  ],
);

/** Who is invited to one agenda item, and whether they were there. */
export const meetingItemPeople = pgTable(
  'meeting_item_people',
  {
    collaborationId: uuid().notNull(),
    itemId: uuid().notNull(),
    participantId: uuid().notNull(),
    invited: boolean().notNull().default(true),
    /** Attendance: null until it is recorded. */
    attended: boolean(),
    updatedAt: now(),
  },
  (t) => [
    primaryKey({ columns: [t.collaborationId, t.itemId, t.participantId] }),
    foreignKey({ name: 'meeting_item_people_item_fk', columns: [t.collaborationId, t.itemId], foreignColumns: [meetingItems.collaborationId, meetingItems.id] }),
    participantFk('meeting_item_people_participant_fk', t as never),
    index('meeting_item_people_participant').on(t.collaborationId, t.participantId),
  ],
);

/** A person's answer to a meeting invitation: yes, no, maybe (pending until they answer). */
export const meetingReplies = pgTable(
  'meeting_replies',
  {
    collaborationId: uuid().notNull(),
    meetingId: uuid().notNull(),
    participantId: uuid().notNull(),
    reply: text({ enum: MEETING_REPLIES }).notNull().default('pending'),
    repliedAt: timestamp({ withTimezone: true }),
    invitedAt: now(),
    /** The meeting version last mailed to this person: a changed meeting is mailed again. */
    mailedVersion: integer(),
  },
  (t) => [
    primaryKey({ columns: [t.collaborationId, t.meetingId, t.participantId] }),
    foreignKey({ name: 'meeting_replies_meeting_fk', columns: [t.collaborationId, t.meetingId], foreignColumns: [meetings.collaborationId, meetings.id] }),
    participantFk('meeting_replies_participant_fk', t as never),
  ],
);

/** A note on one agenda item; `agreementId` when it became a plan agreement. */
export const meetingNotes = pgTable(
  'meeting_notes',
  {
    collaborationId: uuid().notNull(),
    id: uuid().notNull().defaultRandom(),
    familyId: uuid().notNull(),
    meetingId: uuid().notNull(),
    itemId: uuid().notNull(),
    text: text().notNull(),
    authorParticipantId: uuid(),
    createdByUserId: uuid().references(() => users.id),
    agreementId: uuid(),
    version: integer().notNull().default(1),
    createdAt: now(),
    updatedAt: now(),
    deletedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.collaborationId, t.id] }),
    foreignKey({ name: 'meeting_notes_item_fk', columns: [t.collaborationId, t.itemId], foreignColumns: [meetingItems.collaborationId, meetingItems.id] }),
    foreignKey({ name: 'meeting_notes_author_fk', columns: [t.collaborationId, t.authorParticipantId], foreignColumns: [familyParticipants.collaborationId, familyParticipants.id] }),
    foreignKey({ name: 'meeting_notes_agreement_fk', columns: [t.collaborationId, t.agreementId], foreignColumns: [agreements.collaborationId, agreements.id] }),
    index('meeting_notes_item').on(t.collaborationId, t.itemId),
  ],
);

/** Which evaluation reminders went out, so each due date is mailed once. */
export const evaluationReminders = pgTable(
  'evaluation_reminders',
  {
    collaborationId: uuid().notNull(),
    familyId: uuid().notNull(),
    dueOn: date().notNull(),
    sentAt: now(),
  },
  (t) => [
    primaryKey({ columns: [t.collaborationId, t.familyId, t.dueOn] }),
    foreignKey({ name: 'evaluation_reminders_family_fk', columns: [t.collaborationId, t.familyId], foreignColumns: [families.collaborationId, families.id] }),
  ],
);

/** A person's private calendar feed: only the hash of its secret is kept. Renewing replaces it. */
export const calendarFeeds = pgTable(
  'calendar_feeds',
  {
    userId: uuid().primaryKey().references(() => users.id),
    tokenHash: text().notNull(),
    createdAt: now(),
    lastFetchedAt: timestamp({ withTimezone: true }),
  },
  (t) => [unique('calendar_feeds_token_hash').on(t.tokenHash)],
);

/** Files attached to an outgoing mail (an invitation's .ics). */
export const mailAttachments = pgTable(
  'mail_attachments',
  {
    id: uuid().primaryKey().defaultRandom(),
    mailId: uuid().notNull().references(() => mailOutbox.id),
    filename: text().notNull(),
    contentType: text().notNull(),
    content: text().notNull(),
  },
  (t) => [index('mail_attachments_mail').on(t.mailId)],
);

