import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Meeting, MeetingInput, MeetingItemInput, MeetingItemPatch, MeetingPatch } from '../../../shared/schemas/meetings.ts';
import { MEMBER_ROLES } from '../../../shared/roles.ts';
import { requireCoordinator } from '../../access/coordination.ts';
import { requireReader, type FamilyScope } from '../../access/family-scope.ts';
import type { Tx } from '../../db/connection.ts';
import { familyParticipants, meetingItemPeople, meetingItems, meetingReplies, meetings } from '../../db/schema/index.ts';
import type { RequestContext } from '../../http/context.ts';
import { notFound } from '../../http/errors.ts';
import { assertUpdated, assertVersion } from '../../http/etag.ts';
import { checkLifeDomain, checkParticipants, goalOfFamily, invalidField } from '../plan/checks.ts';
import { recordChange } from '../plan/history.ts';
import { loadMeetings } from './repo.ts';

type Input = z.output<typeof MeetingInput>;
type ItemInput = z.output<typeof MeetingItemInput>;
type Patch = z.output<typeof MeetingPatch>;
type ItemPatch = z.output<typeof MeetingItemPatch>;

export async function visibleMeeting(tx: Tx, scope: FamilyScope, id: string): Promise<Meeting> {
  requireReader(scope);
  const [found] = await loadMeetings(tx, scope, { id });
  if (!found) throw notFound();
  return found;
}

/** The history keeps the meeting as the family and its coaches see it. */
const topic = (m: { id: string }, scope: FamilyScope) => ({ itemType: 'meeting' as const, itemId: m.id, lifeDomainId: null, isPrivate: false, authorParticipantId: scope.participantId });

/** The chair: a family member; a coach only at the family's request (said so explicitly). */
async function checkChair(tx: Tx, scope: FamilyScope, chairId: string | null | undefined, atRequest: boolean | undefined): Promise<void> {
  if (!chairId) return;
  const [row] = await tx.select({ role: familyParticipants.role }).from(familyParticipants).where(and(
    eq(familyParticipants.collaborationId, scope.collaborationId), eq(familyParticipants.familyId, scope.familyId),
    eq(familyParticipants.id, chairId), isNull(familyParticipants.removedAt),
  ));
  if (!row) throw invalidField('chairParticipantId');
  const member = (MEMBER_ROLES as readonly string[]).includes(row.role) || row.role === 'network_member';
  if (row.role === 'coach' ? !atRequest : !member) throw invalidField('chairParticipantId', row.role === 'coach' ? 'chairAtFamilyRequest' : 'invalid');
}

/** An item's topic: a goal the asker sees (the item takes its life domain) or a life domain. */
async function itemTopic(tx: Tx, scope: FamilyScope, item: Pick<ItemInput, 'goalId' | 'lifeDomainId'>, field: string) {
  if (item.goalId) {
    const goal = await goalOfFamily(tx, scope, item.goalId, `${field}.goalId`);
    return { goalId: item.goalId, lifeDomainId: goal.lifeDomainId };
  }
  await checkLifeDomain(tx, scope, item.lifeDomainId, `${field}.lifeDomainId`);
  return { goalId: null, lifeDomainId: item.lifeDomainId ?? null };
}

async function setInvitees(tx: Tx, scope: FamilyScope, meetingId: string, itemId: string, inviteeIds: readonly string[], field: string): Promise<void> {
  await checkParticipants(tx, scope, inviteeIds, field, false);
  const current = await tx.select({ participantId: meetingItemPeople.participantId }).from(meetingItemPeople)
    .where(and(eq(meetingItemPeople.collaborationId, scope.collaborationId), eq(meetingItemPeople.itemId, itemId)));
  const wanted = new Set(inviteeIds);
  const gone = current.map((c) => c.participantId).filter((p) => !wanted.has(p));
  if (gone.length) {
    await tx.update(meetingItemPeople).set({ invited: false, updatedAt: sql`now()` }).where(and(
      eq(meetingItemPeople.collaborationId, scope.collaborationId), eq(meetingItemPeople.itemId, itemId), inArray(meetingItemPeople.participantId, gone),
    ));
  }
  for (const participantId of wanted) {
    await tx.insert(meetingItemPeople).values({ collaborationId: scope.collaborationId, itemId, participantId, invited: true })
      .onConflictDoUpdate({ target: [meetingItemPeople.collaborationId, meetingItemPeople.itemId, meetingItemPeople.participantId], set: { invited: true, updatedAt: sql`now()` } });
    await tx.insert(meetingReplies).values({ collaborationId: scope.collaborationId, meetingId, participantId }).onConflictDoNothing();
  }
}

/** The meeting spans its items: it starts with the first and ends with the last. */
async function refreshSpan(tx: Tx, scope: FamilyScope, meetingId: string): Promise<void> {
  await tx.execute(sql`update meetings m set starts_at = s.starts_at, ends_at = s.ends_at
    from (select min(starts_at) as starts_at, max(ends_at) as ends_at from meeting_items
      where collaboration_id = ${scope.collaborationId} and meeting_id = ${meetingId} and deleted_at is null) s
    where m.collaboration_id = ${scope.collaborationId} and m.id = ${meetingId} and s.starts_at is not null`);
}

async function insertItem(tx: Tx, scope: FamilyScope, meetingId: string, item: ItemInput, position: number, field: string): Promise<string> {
  const columns = await itemTopic(tx, scope, item, field);
  const [row] = await tx.insert(meetingItems).values({
    collaborationId: scope.collaborationId, familyId: scope.familyId, meetingId, title: item.title, ...columns,
    startsAt: new Date(item.startsAt), endsAt: new Date(item.endsAt), position,
  }).returning({ id: meetingItems.id });
  await setInvitees(tx, scope, meetingId, row!.id, item.inviteeIds, `${field}.inviteeIds`);
  return row!.id;
}

export async function createMeeting(tx: Tx, ctx: RequestContext, scope: FamilyScope, body: Input): Promise<Meeting> {
  const coordinator = await requireCoordinator(tx, scope);
  await checkChair(tx, scope, body.chairParticipantId, body.chairAtFamilyRequest);
  const first = body.items[0]!;
  const [row] = await tx.insert(meetings).values({
    collaborationId: scope.collaborationId, familyId: scope.familyId, kind: body.kind, title: body.title,
    startsAt: new Date(first.startsAt), endsAt: new Date(first.endsAt), place: body.place ?? null, videoUrl: body.videoUrl ?? null,
    chairParticipantId: body.chairParticipantId ?? null, chairAtFamilyRequest: body.chairAtFamilyRequest,
    createdByParticipantId: coordinator.participantId, createdByUserId: ctx.actor?.userId ?? null,
  }).returning({ id: meetings.id });
  for (const [i, item] of body.items.entries()) await insertItem(tx, scope, row!.id, item, i, `items.${i}`);
  await refreshSpan(tx, scope, row!.id);
  const created = await visibleMeeting(tx, scope, row!.id);
  await recordChange(tx, ctx, scope, { ...topic(created, scope), action: 'create', before: null, after: created });
  return created;
}

export async function updateMeeting(tx: Tx, ctx: RequestContext, scope: FamilyScope, id: string, expected: number, patch: Patch): Promise<Meeting> {
  const before = await visibleMeeting(tx, scope, id);
  await requireCoordinator(tx, scope);
  assertVersion(before.version, expected);
  const chair = patch.chairParticipantId !== undefined ? patch.chairParticipantId : before.chairParticipantId;
  if (patch.chairParticipantId !== undefined || patch.chairAtFamilyRequest !== undefined) {
    await checkChair(tx, scope, chair, patch.chairAtFamilyRequest ?? before.chairAtFamilyRequest);
  }
  const set = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  const updated = await tx.update(meetings).set({ ...set, version: sql`${meetings.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(meetings.collaborationId, scope.collaborationId), eq(meetings.id, id), eq(meetings.version, expected)))
    .returning({ id: meetings.id });
  assertUpdated(updated);
  const after = await visibleMeeting(tx, scope, id);
  await recordChange(tx, ctx, scope, { ...topic(after, scope), action: 'update', before, after });
  return after;
}

export async function deleteMeeting(tx: Tx, ctx: RequestContext, scope: FamilyScope, id: string, expected: number): Promise<void> {
  const before = await visibleMeeting(tx, scope, id);
  await requireCoordinator(tx, scope);
  assertVersion(before.version, expected);
  await tx.update(meetings).set({ deletedAt: sql`now()`, version: sql`${meetings.version} + 1` })
    .where(and(eq(meetings.collaborationId, scope.collaborationId), eq(meetings.id, id)));
  await recordChange(tx, ctx, scope, { ...topic(before, scope), action: 'delete', before, after: null });
}

/** Changes to the agenda count as changes to the meeting: its version goes up (If-Match on the meeting). */
async function bumpMeeting(tx: Tx, scope: FamilyScope, id: string, expected: number): Promise<void> {
  const updated = await tx.update(meetings).set({ version: sql`${meetings.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(meetings.collaborationId, scope.collaborationId), eq(meetings.id, id), eq(meetings.version, expected)))
    .returning({ id: meetings.id });
  assertUpdated(updated);
}

export async function addAgendaItem(tx: Tx, ctx: RequestContext, scope: FamilyScope, id: string, expected: number, item: ItemInput): Promise<Meeting> {
  const before = await visibleMeeting(tx, scope, id);
  await requireCoordinator(tx, scope);
  assertVersion(before.version, expected);
  await insertItem(tx, scope, id, item, before.items.length, 'item');
  await refreshSpan(tx, scope, id);
  await bumpMeeting(tx, scope, id, expected);
  const after = await visibleMeeting(tx, scope, id);
  await recordChange(tx, ctx, scope, { ...topic(after, scope), action: 'update', before, after });
  return after;
}

export async function updateAgendaItem(tx: Tx, ctx: RequestContext, scope: FamilyScope, id: string, itemId: string, expected: number, patch: ItemPatch): Promise<Meeting> {
  const before = await visibleMeeting(tx, scope, id);
  const item = before.items.find((i) => i.id === itemId);
  if (!item) throw notFound();
  await requireCoordinator(tx, scope);
  assertVersion(before.version, expected);
  const startsAt = patch.startsAt ?? item.startsAt;
  const endsAt = patch.endsAt ?? item.endsAt;
  if (Date.parse(endsAt) <= Date.parse(startsAt)) throw invalidField('endsAt', 'endsAfterStart');
  await tx.update(meetingItems).set({
    ...(patch.title && { title: patch.title }), startsAt: new Date(startsAt), endsAt: new Date(endsAt),
    version: sql`${meetingItems.version} + 1`, updatedAt: sql`now()`,
  }).where(and(eq(meetingItems.collaborationId, scope.collaborationId), eq(meetingItems.id, itemId)));
  if (patch.inviteeIds) await setInvitees(tx, scope, id, itemId, patch.inviteeIds, 'inviteeIds');
  await refreshSpan(tx, scope, id);
  await bumpMeeting(tx, scope, id, expected);
  const after = await visibleMeeting(tx, scope, id);
  await recordChange(tx, ctx, scope, { ...topic(after, scope), action: 'update', before, after });
  return after;
}

export async function deleteAgendaItem(tx: Tx, ctx: RequestContext, scope: FamilyScope, id: string, itemId: string, expected: number): Promise<Meeting> {
  const before = await visibleMeeting(tx, scope, id);
  if (!before.items.some((i) => i.id === itemId)) throw notFound();
  await requireCoordinator(tx, scope);
  assertVersion(before.version, expected);
  if (before.items.length === 1) throw invalidField('itemId', 'lastAgendaItem');
  await tx.update(meetingItems).set({ deletedAt: sql`now()` }).where(and(eq(meetingItems.collaborationId, scope.collaborationId), eq(meetingItems.id, itemId)));
  await refreshSpan(tx, scope, id);
  await bumpMeeting(tx, scope, id, expected);
  const after = await visibleMeeting(tx, scope, id);
  await recordChange(tx, ctx, scope, { ...topic(after, scope), action: 'update', before, after });
  return after;
}
