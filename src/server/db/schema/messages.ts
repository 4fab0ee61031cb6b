import { bigint, customType, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './people.ts';
import { families, familyParticipants } from './families.ts';

const now = () => timestamp({ withTimezone: true }).notNull().defaultNow();
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

const participantKey = (name: string, t: { collaborationId: never; participantId?: never }, column: never) =>
  foreignKey({ name, columns: [t.collaborationId, column], foreignColumns: [familyParticipants.collaborationId, familyParticipants.id] });

/** A group conversation of one family, with a chosen group of the people in its circle. */
export const conversations = pgTable(
  'conversations',
  {
    collaborationId: uuid().notNull(),
    id: uuid().notNull().defaultRandom(),
    familyId: uuid().notNull(),
    title: text().notNull(),
    startedByParticipantId: uuid().notNull(),
    version: integer().notNull().default(1),
    createdAt: now(),
    updatedAt: now(),
  },
  (t) => [
    primaryKey({ columns: [t.collaborationId, t.id] }),
    foreignKey({ name: 'conversations_family_fk', columns: [t.collaborationId, t.familyId], foreignColumns: [families.collaborationId, families.id] }),
    participantKey('conversations_started_by_fk', t as never, t.startedByParticipantId as never),
    index('conversations_family').on(t.collaborationId, t.familyId),
  ],
);

/**
 * One period of one person in a conversation: from `joinedAt` until `leftAt`. Someone added again
 * gets a new row. A member reads the messages from their current period only.
 */
export const conversationMembers = pgTable(
  'conversation_members',
  {
    collaborationId: uuid().notNull(),
    id: uuid().notNull().defaultRandom(),
    conversationId: uuid().notNull(),
    participantId: uuid().notNull(),
    joinedAt: now(),
    leftAt: timestamp({ withTimezone: true }),
    /** Read up to and including the message of this time. */
    lastReadAt: timestamp({ withTimezone: true }),
    /** When we last mailed "there is a new message"; no new mail until they have read. */
    notifiedAt: timestamp({ withTimezone: true }),
    addedByParticipantId: uuid(),
  },
  (t) => [
    primaryKey({ columns: [t.collaborationId, t.id] }),
    foreignKey({ name: 'conversation_members_conversation_fk', columns: [t.collaborationId, t.conversationId], foreignColumns: [conversations.collaborationId, conversations.id] }),
    participantKey('conversation_members_participant_fk', t as never, t.participantId as never),
    index('conversation_members_conversation').on(t.collaborationId, t.conversationId),
    index('conversation_members_participant').on(t.collaborationId, t.participantId),
  ],
);

/** What was uploaded (the bytes live in the AttachmentStore: by default `attachment_contents`). */
export const attachments = pgTable(
  'attachments',
  {
    collaborationId: uuid().notNull(),
    id: uuid().notNull().defaultRandom(),
    familyId: uuid().notNull(),
    conversationId: uuid().notNull(),
    uploadedByParticipantId: uuid().notNull(),
    fileName: text().notNull(),
    contentType: text().notNull(),
    byteSize: integer().notNull(),
    /** Where the store keeps the bytes; for the database store, the attachment's id. */
    storageKey: text().notNull(),
    createdAt: now(),
  },
  (t) => [
    primaryKey({ columns: [t.collaborationId, t.id] }),
    foreignKey({ name: 'attachments_conversation_fk', columns: [t.collaborationId, t.conversationId], foreignColumns: [conversations.collaborationId, conversations.id] }),
    participantKey('attachments_uploaded_by_fk', t as never, t.uploadedByParticipantId as never),
  ],
);

/** The bytes of attachments, for the database store (one backup, one transaction with their audit row). */
export const attachmentContents = pgTable('attachment_contents', {
  storageKey: text().primaryKey(),
  content: bytea().notNull(),
  createdAt: now(),
});

export const messages = pgTable(
  'messages',
  {
    collaborationId: uuid().notNull(),
    id: uuid().notNull().defaultRandom(),
    /** Order and SSE event id: increases with every message, over all families. */
    seq: bigint({ mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
    familyId: uuid().notNull(),
    conversationId: uuid().notNull(),
    authorParticipantId: uuid().notNull(),
    authorUserId: uuid().references(() => users.id),
    body: text().notNull(),
    replyToMessageId: uuid(),
    attachmentId: uuid(),
    /** The plan agreement made of this message. */
    agreementId: uuid(),
    createdAt: now(),
  },
  (t) => [
    primaryKey({ columns: [t.collaborationId, t.id] }),
    foreignKey({ name: 'messages_conversation_fk', columns: [t.collaborationId, t.conversationId], foreignColumns: [conversations.collaborationId, conversations.id] }),
    participantKey('messages_author_fk', t as never, t.authorParticipantId as never),
    foreignKey({ name: 'messages_attachment_fk', columns: [t.collaborationId, t.attachmentId], foreignColumns: [attachments.collaborationId, attachments.id] }),
    index('messages_conversation').on(t.collaborationId, t.conversationId, t.seq),
    index('messages_family').on(t.collaborationId, t.familyId, t.seq),
  ],
);

/**
 * Who held the lead (regie) of a family's trajectory, from when to when: one row per family member
 * holding it. No open row: the lead is with the coaches.
 */
export const leadPeriods = pgTable(
  'lead_periods',
  {
    collaborationId: uuid().notNull(),
    id: uuid().notNull().defaultRandom(),
    familyId: uuid().notNull(),
    participantId: uuid().notNull(),
    startedAt: now(),
    endedAt: timestamp({ withTimezone: true }),
    startedByUserId: uuid().references(() => users.id),
    endedByUserId: uuid().references(() => users.id),
  },
  (t) => [
    primaryKey({ columns: [t.collaborationId, t.id] }),
    foreignKey({ name: 'lead_periods_family_fk', columns: [t.collaborationId, t.familyId], foreignColumns: [families.collaborationId, families.id] }),
    participantKey('lead_periods_participant_fk', t as never, t.participantId as never),
    index('lead_periods_family').on(t.collaborationId, t.familyId),
  ],
);
