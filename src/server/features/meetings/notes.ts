import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Meeting, MeetingNote, NoteToAgreementInput } from '../../../shared/schemas/meetings.ts';
import type { Agreement } from '../../../shared/schemas/plan.ts';
import { requireCoordinator } from '../../access/coordination.ts';
import { requireOpenInCircle, type FamilyScope } from '../../access/family-scope.ts';
import type { Tx } from '../../db/connection.ts';
import { meetingItemPeople, meetingNotes, meetingReplies, meetings } from '../../db/schema/index.ts';
import { audit } from '../../audit/audit.ts';
import type { RequestContext } from '../../http/context.ts';
import { forbidden, notFound } from '../../http/errors.ts';
import { assertUpdated, assertVersion } from '../../http/etag.ts';
import { createAgreement } from '../plan/agreements-service.ts';
import { checkParticipants, invalidField } from '../plan/checks.ts';
import { recordChange } from '../plan/history.ts';
import { visibleMeeting } from './service.ts';

/** The agenda item in sight, or 404 exactly like an id that does not exist. */
async function visibleItem(tx: Tx, scope: FamilyScope, meetingId: string, itemId: string) {
  const meeting = await visibleMeeting(tx, scope, meetingId);
  const item = meeting.items.find((i) => i.id === itemId);
  if (!item) throw notFound();
  return { meeting, item };
}

/** Who writes notes on an item: the family and its coaches, and whoever sat at the table for it. */
function requireNoteWriter(scope: FamilyScope, item: Meeting['items'][number]): void {
  requireOpenInCircle(scope);
  if (scope.reach === 'full') return;
  const mine = item.people.find((p) => p.participantId === scope.participantId);
  if (!mine || !(mine.invited || mine.attended)) throw forbidden();
}

const noteTopic = (note: MeetingNote, lifeDomainId: string | null) => ({
  itemType: 'meeting_note' as const, itemId: note.id, lifeDomainId, isPrivate: false, authorParticipantId: note.authorParticipantId,
});

async function presentedNote(tx: Tx, scope: FamilyScope, meetingId: string, itemId: string, noteId: string): Promise<MeetingNote> {
  const { item } = await visibleItem(tx, scope, meetingId, itemId);
  const note = item.notes.find((n) => n.id === noteId);
  if (!note) throw notFound();
  return note;
}

export async function addNote(tx: Tx, ctx: RequestContext, scope: FamilyScope, meetingId: string, itemId: string, text: string): Promise<MeetingNote> {
  const { item } = await visibleItem(tx, scope, meetingId, itemId);
  requireNoteWriter(scope, item);
  const [row] = await tx.insert(meetingNotes).values({
    collaborationId: scope.collaborationId, familyId: scope.familyId, meetingId, itemId, text,
    authorParticipantId: scope.participantId, createdByUserId: ctx.actor?.userId ?? null,
  }).returning({ id: meetingNotes.id });
  const note = await presentedNote(tx, scope, meetingId, itemId, row!.id);
  await recordChange(tx, ctx, scope, { ...noteTopic(note, item.lifeDomainId), action: 'create', before: null, after: note });
  return note;
}

export async function updateNote(tx: Tx, ctx: RequestContext, scope: FamilyScope, meetingId: string, itemId: string, noteId: string, expected: number, text: string): Promise<MeetingNote> {
  requireOpenInCircle(scope);
  const { item } = await visibleItem(tx, scope, meetingId, itemId);
  const before = item.notes.find((n) => n.id === noteId);
  if (!before) throw notFound();
  // A note is its author's; the family's coordinators may correct it too.
  if (before.authorParticipantId !== scope.participantId) await requireCoordinator(tx, scope);
  assertVersion(before.version, expected);
  const updated = await tx.update(meetingNotes).set({ text, version: sql`${meetingNotes.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(meetingNotes.collaborationId, scope.collaborationId), eq(meetingNotes.id, noteId), eq(meetingNotes.version, expected)))
    .returning({ id: meetingNotes.id });
  assertUpdated(updated);
  const after = await presentedNote(tx, scope, meetingId, itemId, noteId);
  await recordChange(tx, ctx, scope, { ...noteTopic(after, item.lifeDomainId), action: 'update', before, after });
  return after;
}

/**
 * An agreement made at the table becomes a plan agreement in one action: the plan's own command
 * makes it (same checks, history and access log), linked to the item's goal unless another is
 * given, and the note points at it.
 */
export async function noteToAgreement(
  tx: Tx, ctx: RequestContext, scope: FamilyScope, meetingId: string, itemId: string, noteId: string, expected: number,
  body: z.output<typeof NoteToAgreementInput>, now: Date,
): Promise<{ note: MeetingNote; agreement: Agreement }> {
  const { item } = await visibleItem(tx, scope, meetingId, itemId);
  const before = item.notes.find((n) => n.id === noteId);
  if (!before) throw notFound();
  requireNoteWriter(scope, item);
  assertVersion(before.version, expected);
  if (before.agreementId) throw invalidField('noteId', 'alreadyAgreement');
  const goalId = body.goalId !== undefined ? body.goalId : item.goalId;
  const agreement = await createAgreement(tx, ctx, scope, {
    what: body.what ?? before.text, ownerParticipantId: body.ownerParticipantId, dueDate: body.dueDate ?? null,
    goalId, lifeDomainId: goalId ? null : item.lifeDomainId, status: 'open', isPrivate: false,
  }, now);
  const updated = await tx.update(meetingNotes).set({ agreementId: agreement.id, version: sql`${meetingNotes.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(meetingNotes.collaborationId, scope.collaborationId), eq(meetingNotes.id, noteId), eq(meetingNotes.version, expected)))
    .returning({ id: meetingNotes.id });
  assertUpdated(updated);
  const note = await presentedNote(tx, scope, meetingId, itemId, noteId);
  await recordChange(tx, ctx, scope, { ...noteTopic(note, item.lifeDomainId), action: 'update', before, after: note });
  return { note, agreement };
}

/** Who was there, per agenda item: recorded by the family's coordinators. */
export async function recordAttendance(
  tx: Tx, ctx: RequestContext, scope: FamilyScope, meetingId: string, expected: number,
  entries: readonly { itemId: string; participantId: string; attended: boolean }[],
): Promise<Meeting> {
  const before = await visibleMeeting(tx, scope, meetingId);
  await requireCoordinator(tx, scope);
  assertVersion(before.version, expected);
  const itemIds = new Set(before.items.map((i) => i.id));
  for (const [i, e] of entries.entries()) if (!itemIds.has(e.itemId)) throw invalidField(`entries.${i}.itemId`);
  await checkParticipants(tx, scope, entries.map((e) => e.participantId), 'entries', false);
  for (const e of entries) {
    await tx.insert(meetingItemPeople).values({ collaborationId: scope.collaborationId, itemId: e.itemId, participantId: e.participantId, invited: false, attended: e.attended })
      .onConflictDoUpdate({ target: [meetingItemPeople.collaborationId, meetingItemPeople.itemId, meetingItemPeople.participantId], set: { attended: e.attended, updatedAt: sql`now()` } });
  }
  const bumped = await tx.update(meetings).set({ version: sql`${meetings.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(meetings.collaborationId, scope.collaborationId), eq(meetings.id, meetingId), eq(meetings.version, expected))).returning({ id: meetings.id });
  assertUpdated(bumped);
  const after = await visibleMeeting(tx, scope, meetingId);
  await recordChange(tx, ctx, scope, { itemType: 'meeting', itemId: meetingId, action: 'update', lifeDomainId: null, isPrivate: false, authorParticipantId: scope.participantId, before, after });
  return after;
}

/** Yes, no or maybe: whoever was invited answers for themselves; the family and its coaches may too. */
export async function replyToMeeting(tx: Tx, ctx: RequestContext, scope: FamilyScope, meetingId: string, reply: 'yes' | 'no' | 'maybe'): Promise<Meeting> {
  requireOpenInCircle(scope);
  const before = await visibleMeeting(tx, scope, meetingId);
  const invited = before.items.some((i) => i.people.some((p) => p.participantId === scope.participantId && p.invited));
  if (!invited && scope.reach !== 'full') throw forbidden();
  await tx.insert(meetingReplies).values({ collaborationId: scope.collaborationId, meetingId, participantId: scope.participantId!, reply, repliedAt: new Date() })
    .onConflictDoUpdate({ target: [meetingReplies.collaborationId, meetingReplies.meetingId, meetingReplies.participantId], set: { reply, repliedAt: sql`now()` } });
  await audit(tx, ctx, { action: 'update', entityType: 'meeting_reply', entityId: meetingId, collaborationId: scope.collaborationId, familyId: scope.familyId, role: scope.participantRole });
  return visibleMeeting(tx, scope, meetingId);
}
