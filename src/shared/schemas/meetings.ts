import { z } from 'zod';
import { MEETING_KINDS, MEETING_REPLIES, MEETING_STATUSES } from '../meeting-constants.ts';
import { customMessage } from '../field-messages.ts';
import { OptionalText, patchOf, Timestamp, Uuid } from './common.ts';

/*
 * Round tables: /families/{id}/meetings[/{itemId}], …/meetings/{itemId}/items, …/invitations,
 * …/reply, …/notes, …/attendance; the agenda /me/agenda and the feed /ical/{token}.ics.
 * Times are instants with an offset; screens enter and show them in Europe/Brussels.
 */

const Words = z.string().trim().min(1).max(2000);
const Title = z.string().trim().min(1).max(200);

export const MeetingItemInput = z.object({
  title: Title,
  /** The topic: a goal (the item then takes the goal's life domain) or a life domain. */
  goalId: Uuid.nullable().optional(),
  lifeDomainId: Uuid.nullable().optional(),
  startsAt: Timestamp,
  endsAt: Timestamp,
  /** Who is invited for this item: participants of the family. */
  inviteeIds: z.array(Uuid).max(60).default([]),
}).refine((i) => Date.parse(i.endsAt) > Date.parse(i.startsAt), { path: ['endsAt'], ...customMessage('endsAfterStart') });
export type MeetingItemInput = z.input<typeof MeetingItemInput>;

const meetingFields = {
  title: Title,
  kind: z.enum(MEETING_KINDS).default('round_table'),
  place: OptionalText(300),
  videoUrl: z.url({ protocol: /^https?$/ }).max(500).nullable().optional(),
  chairParticipantId: Uuid.nullable().optional(),
  /** A coach chairs only at the family's request: it is said so, and stored. */
  chairAtFamilyRequest: z.boolean().default(false),
};

export const MeetingInput = z.object({ ...meetingFields, items: z.array(MeetingItemInput).min(1).max(20) });
export type MeetingInput = z.input<typeof MeetingInput>;
export const MeetingPatch = patchOf(z.object({ ...meetingFields, status: z.enum(MEETING_STATUSES) }));
export type MeetingPatch = z.input<typeof MeetingPatch>;
export const MeetingItemPatch = z.object({
  title: Title.optional(),
  startsAt: Timestamp.optional(),
  endsAt: Timestamp.optional(),
  inviteeIds: z.array(Uuid).max(60).optional(),
});

export const MeetingPerson = z.object({
  participantId: Uuid,
  name: z.string(),
  role: z.string(),
  invited: z.boolean(),
  attended: z.boolean().nullable(),
});

export const MeetingNote = z.object({
  id: Uuid,
  itemId: Uuid,
  text: z.string(),
  authorParticipantId: Uuid.nullable(),
  authorName: z.string().nullable(),
  agreementId: Uuid.nullable(),
  createdAt: Timestamp,
  version: z.number().int(),
});
export type MeetingNote = z.infer<typeof MeetingNote>;

export const MeetingItem = z.object({
  id: Uuid,
  title: z.string(),
  goalId: Uuid.nullable(),
  lifeDomainId: Uuid.nullable(),
  startsAt: Timestamp,
  endsAt: Timestamp,
  position: z.number().int(),
  people: z.array(MeetingPerson),
  notes: z.array(MeetingNote),
  version: z.number().int(),
});
export type MeetingItem = z.infer<typeof MeetingItem>;

export const MeetingReplyEntry = z.object({ participantId: Uuid, name: z.string(), reply: z.enum(MEETING_REPLIES), repliedAt: Timestamp.nullable() });

export const Meeting = z.object({
  id: Uuid,
  familyId: Uuid,
  kind: z.enum(MEETING_KINDS),
  title: z.string(),
  /** The whole meeting for the family and its coaches; for others, the span of their items. */
  startsAt: Timestamp,
  endsAt: Timestamp,
  place: z.string().nullable(),
  videoUrl: z.string().nullable(),
  chairParticipantId: Uuid.nullable(),
  chairName: z.string().nullable(),
  chairAtFamilyRequest: z.boolean(),
  status: z.enum(MEETING_STATUSES),
  items: z.array(MeetingItem),
  replies: z.array(MeetingReplyEntry),
  /** The asker's own answer, when invited. */
  myReply: z.enum(MEETING_REPLIES).nullable(),
  /** Whether the asker may plan, change and invite. */
  mayCoordinate: z.boolean(),
  version: z.number().int(),
  createdAt: Timestamp,
});
export type Meeting = z.infer<typeof Meeting>;

export const MeetingList = z.object({ items: z.array(Meeting) });
export const MeetingListQuery = z.object({ upcoming: z.enum(['true', 'false']).optional() });

export const MeetingReplyInput = z.object({ reply: z.enum(['yes', 'no', 'maybe']) });
export const MeetingNoteInput = z.object({ text: Words });
export const MeetingNotePatch = z.object({ text: Words });
/** A note that becomes a plan agreement in one action: who, what (the note's text unless given), by when. */
export const NoteToAgreementInput = z.object({
  what: Words.optional(),
  ownerParticipantId: Uuid,
  dueDate: z.iso.date().nullable().optional(),
  goalId: Uuid.nullable().optional(),
});
export const AttendanceInput = z.object({
  entries: z.array(z.object({ itemId: Uuid, participantId: Uuid, attended: z.boolean() })).min(1).max(400),
});
export const InvitationsInput = z.object({
  /** Send (or send again) the invitation mails to everyone invited who has an email address. */
  onlyNew: z.boolean().default(true),
});
export const InvitationsResult = z.object({ sent: z.number().int() });

export const MeetingItemParams = z.object({ id: Uuid, itemId: Uuid, agendaItemId: Uuid });
export const MeetingNoteParams = z.object({ id: Uuid, itemId: Uuid, agendaItemId: Uuid, noteId: Uuid });

/* The agenda and the calendar feed. */

export const CALENDAR_EVENT_KINDS = ['meeting', 'agreement_due', 'contact_moment', 'evaluation_due'] as const;
export const CalendarEvent = z.object({
  /** Stable across fetches: the calendar app's UID. */
  uid: z.string(),
  kind: z.enum(CALENDAR_EVENT_KINDS),
  familyId: Uuid,
  familyName: z.string(),
  title: z.string(),
  /** Timed events: instants; all-day events: dates (yyyy-mm-dd). */
  allDay: z.boolean(),
  start: z.string(),
  end: z.string(),
  place: z.string().nullable(),
  url: z.string().nullable(),
  description: z.string().nullable(),
  /** The asker's answer, for meetings they are invited to. */
  myReply: z.enum(MEETING_REPLIES).nullable(),
  meetingId: Uuid.nullable(),
});
export type CalendarEvent = z.infer<typeof CalendarEvent>;

export const AgendaQuery = z.object({ from: z.iso.date().optional(), to: z.iso.date().optional() });
export const Agenda = z.object({ from: z.string(), to: z.string(), items: z.array(CalendarEvent) });

export const CalendarFeedInfo = z.object({
  /** Whether a feed exists; its secret URL is only shown right after it is made or renewed. */
  active: z.boolean(),
  createdAt: Timestamp.nullable(),
  lastFetchedAt: Timestamp.nullable(),
  url: z.string().nullable(),
});
export const IcalParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}\.ics$/) });
