import { and, asc, eq, gte, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Meeting, MeetingItem, MeetingNote } from '../../../shared/schemas/meetings.ts';
import type { MeetingReply } from '../../../shared/meeting-constants.ts';
import { topicWhere, type FamilyScope } from '../../access/family-scope.ts';
import { mayCoordinate } from '../../access/coordination.ts';
import type { Executor } from '../../db/connection.ts';
import { familyParticipants, meetingItemPeople, meetingItems, meetingNotes, meetingReplies, meetings } from '../../db/schema/index.ts';

/**
 * Who sees which agenda item of a round table, as one SQL condition: the family and its coaches see
 * every item; anyone else only the items they are invited to or attended, or whose topic the family
 * shared with them (a life-domain grant, or a single-item grant `meeting_item`). A meeting is in
 * sight when one of its items is; its notes only under their item. Removed participants have no
 * scope at all (404 before this), and a revoked grant is gone on the next request.
 */
export function itemVisibleWhere(scope: FamilyScope): SQL {
  const topic = topicWhere(scope, { itemType: 'meeting_item', id: meetingItems.id, lifeDomainId: meetingItems.lifeDomainId });
  if (scope.reach !== 'consented' || !scope.participantId) return topic;
  const mine = sql`exists (select 1 from meeting_item_people mp where mp.collaboration_id = ${meetingItems.collaborationId}
    and mp.item_id = ${meetingItems.id} and mp.participant_id = ${scope.participantId} and (mp.invited or mp.attended is true))`;
  return sql`(${mine} or ${topic})`;
}

const inFamily = (scope: FamilyScope) => and(eq(meetingItems.collaborationId, scope.collaborationId), eq(meetingItems.familyId, scope.familyId), isNull(meetingItems.deletedAt));

export interface MeetingFilter { id?: string; from?: Date; ids?: string[] }

/** The meetings of one family the scope may see, with only the items (and notes) in sight. */
export async function loadMeetings(db: Executor, scope: FamilyScope, filter: MeetingFilter = {}): Promise<Meeting[]> {
  if (scope.reach === 'metadata' || (!scope.participantId && scope.reach !== 'emergency')) return [];
  const items = await db.select().from(meetingItems).where(and(
    inFamily(scope), itemVisibleWhere(scope),
    filter.id ? eq(meetingItems.meetingId, filter.id) : undefined,
    filter.ids ? (filter.ids.length ? inArray(meetingItems.meetingId, filter.ids) : sql`false`) : undefined,
  )).orderBy(asc(meetingItems.startsAt), asc(meetingItems.position));
  const meetingIds = [...new Set(items.map((i) => i.meetingId))];
  if (meetingIds.length === 0) return [];
  const rows = await db.select().from(meetings).where(and(
    eq(meetings.collaborationId, scope.collaborationId), eq(meetings.familyId, scope.familyId), isNull(meetings.deletedAt),
    inArray(meetings.id, meetingIds), filter.from ? gte(meetings.endsAt, filter.from) : undefined,
  )).orderBy(asc(meetings.startsAt), asc(meetings.id));
  if (rows.length === 0) return [];
  const itemIds = items.map((i) => i.id);
  const full = scope.reach === 'full' || scope.reach === 'emergency';
  // One after the other: these run on one transaction's connection, which takes one query at a time.
  const people = await db.select({ itemId: meetingItemPeople.itemId, participantId: meetingItemPeople.participantId, invited: meetingItemPeople.invited, attended: meetingItemPeople.attended })
    .from(meetingItemPeople).where(and(eq(meetingItemPeople.collaborationId, scope.collaborationId), inArray(meetingItemPeople.itemId, itemIds)));
  const notes = await db.select().from(meetingNotes).where(and(eq(meetingNotes.collaborationId, scope.collaborationId), inArray(meetingNotes.itemId, itemIds), isNull(meetingNotes.deletedAt)))
    .orderBy(asc(meetingNotes.createdAt), asc(meetingNotes.id));
  const replies = await db.select().from(meetingReplies).where(and(
    eq(meetingReplies.collaborationId, scope.collaborationId), inArray(meetingReplies.meetingId, rows.map((r) => r.id)),
    full ? undefined : eq(meetingReplies.participantId, scope.participantId ?? ''),
  ));
  const names = await db.select({ id: familyParticipants.id, name: familyParticipants.displayName, role: familyParticipants.role }).from(familyParticipants)
    .where(and(eq(familyParticipants.collaborationId, scope.collaborationId), eq(familyParticipants.familyId, scope.familyId)));
  const coordinates = await mayCoordinate(db, scope);
  const person = new Map(names.map((n) => [n.id, n]));
  const nameOf = (id: string | null) => (id ? person.get(id)?.name ?? null : null);
  const presentNote = (n: typeof meetingNotes.$inferSelect): MeetingNote => ({
    id: n.id, itemId: n.itemId, text: n.text, authorParticipantId: n.authorParticipantId, authorName: nameOf(n.authorParticipantId),
    agreementId: n.agreementId, createdAt: n.createdAt.toISOString(), version: n.version,
  });
  return rows.map((m) => {
    const mine = items.filter((i) => i.meetingId === m.id);
    const presented: MeetingItem[] = mine.map((i) => ({
      id: i.id, title: i.title, goalId: i.goalId, lifeDomainId: i.lifeDomainId, startsAt: i.startsAt.toISOString(), endsAt: i.endsAt.toISOString(),
      position: i.position, version: i.version,
      people: people.filter((p) => p.itemId === i.id).map((p) => ({
        participantId: p.participantId, name: nameOf(p.participantId) ?? '', role: person.get(p.participantId)?.role ?? 'network_member', invited: p.invited, attended: p.attended,
      })).sort((a, b) => a.name.localeCompare(b.name, 'nl')),
      notes: notes.filter((n) => n.itemId === i.id).map(presentNote),
    }));
    const startsAt = full ? m.startsAt : new Date(Math.min(...mine.map((i) => i.startsAt.getTime())));
    const endsAt = full ? m.endsAt : new Date(Math.max(...mine.map((i) => i.endsAt.getTime())));
    const myReply = replies.find((r) => r.meetingId === m.id && r.participantId === scope.participantId)?.reply ?? null;
    return {
      id: m.id, familyId: m.familyId, kind: m.kind, title: m.title, startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString(),
      place: m.place, videoUrl: m.videoUrl, chairParticipantId: m.chairParticipantId, chairName: nameOf(m.chairParticipantId),
      chairAtFamilyRequest: m.chairAtFamilyRequest, status: m.status, items: presented,
      replies: replies.filter((r) => r.meetingId === m.id).map((r) => ({ participantId: r.participantId, name: nameOf(r.participantId) ?? '', reply: r.reply as MeetingReply, repliedAt: r.repliedAt?.toISOString() ?? null })),
      myReply: myReply as MeetingReply | null, mayCoordinate: coordinates, version: m.version, createdAt: m.createdAt.toISOString(),
    };
  });
}
