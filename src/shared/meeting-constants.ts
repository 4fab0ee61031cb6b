/** The fixed vocabularies of round tables, shared by database, API and screens. */

/** A round table, or an evaluation round (a round table that looks back on the plan). */
export const MEETING_KINDS = ['round_table', 'evaluation'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export const MEETING_STATUSES = ['planned', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const MEETING_REPLIES = ['pending', 'yes', 'no', 'maybe'] as const;
export type MeetingReply = (typeof MEETING_REPLIES)[number];
