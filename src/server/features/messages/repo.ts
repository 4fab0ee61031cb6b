import { and, asc, eq, gt, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Attachment, Conversation, ConversationMember, Message } from '../../../shared/schemas/messages.ts';
import type { FamilyScope } from '../../access/family-scope.ts';
import type { Executor } from '../../db/connection.ts';
import { attachments, conversationMembers, conversations, familyParticipants, messages } from '../../db/schema/index.ts';

/*
 * Who sees a conversation: its current members who are still in the family's circle. A member
 * reads the messages written from the moment they (last) joined; someone removed from the
 * conversation or from the circle reads nothing of it any more. These are SQL conditions, used in
 * every query of this feature: lists, unread counts, the event stream, attachments, mail.
 */

/** The asker's current membership of conversation `c` (none: out of sight). */
export function memberOf(scope: FamilyScope, conversationId: SQL | typeof conversations.id = conversations.id): SQL {
  // Emergency access reads what the family's coaches read: the conversations a coach is in.
  if (scope.reach === 'emergency') {
    return sql`exists (select 1 from conversation_members cm join family_participants fp on fp.collaboration_id = cm.collaboration_id and fp.id = cm.participant_id
      where cm.collaboration_id = ${scope.collaborationId} and cm.conversation_id = ${conversationId} and cm.left_at is null
        and fp.role = 'coach' and fp.removed_at is null)`;
  }
  if (scope.reach === 'metadata' || !scope.participantId) return sql`false`;
  return sql`exists (select 1 from conversation_members cm
    where cm.collaboration_id = ${scope.collaborationId} and cm.conversation_id = ${conversationId}
      and cm.participant_id = ${scope.participantId} and cm.left_at is null)`;
}

/** Emergency access reads a message (row alias `m`) a current coach of the family in that conversation reads. */
export function messageVisibleAs(scope: FamilyScope, m: SQL): SQL {
  return sql`exists (select 1 from conversation_members cm join family_participants fp on fp.collaboration_id = cm.collaboration_id and fp.id = cm.participant_id
    where cm.collaboration_id = ${scope.collaborationId} and cm.conversation_id = ${m}.conversation_id and cm.left_at is null
      and fp.role = 'coach' and fp.removed_at is null and ${m}.created_at >= cm.joined_at)`;
}

/** A message the asker may read: in a conversation they are in, written since they joined. */
export function messageVisible(scope: FamilyScope): SQL {
  if (scope.reach === 'emergency') {
    return and(eq(messages.collaborationId, scope.collaborationId), eq(messages.familyId, scope.familyId), messageVisibleAs(scope, sql`messages`))!;
  }
  if (scope.reach === 'metadata' || !scope.participantId) return sql`false`;
  return and(
    eq(messages.collaborationId, scope.collaborationId), eq(messages.familyId, scope.familyId),
    sql`exists (select 1 from conversation_members cm
      where cm.collaboration_id = ${messages.collaborationId} and cm.conversation_id = ${messages.conversationId}
        and cm.participant_id = ${scope.participantId} and cm.left_at is null and ${messages.createdAt} >= cm.joined_at)`,
  )!;
}

const inFamily = (scope: FamilyScope) => and(eq(conversations.collaborationId, scope.collaborationId), eq(conversations.familyId, scope.familyId));

export async function currentMembers(db: Executor, scope: FamilyScope, conversationIds: string[]): Promise<Map<string, ConversationMember[]>> {
  const byConversation = new Map<string, ConversationMember[]>();
  if (conversationIds.length === 0) return byConversation;
  const rows = await db.select({
    conversationId: conversationMembers.conversationId, participantId: conversationMembers.participantId,
    name: familyParticipants.displayName, role: familyParticipants.role, joinedAt: conversationMembers.joinedAt,
  }).from(conversationMembers)
    .innerJoin(familyParticipants, and(eq(familyParticipants.collaborationId, conversationMembers.collaborationId), eq(familyParticipants.id, conversationMembers.participantId)))
    .where(and(
      eq(conversationMembers.collaborationId, scope.collaborationId), inArray(conversationMembers.conversationId, conversationIds),
      isNull(conversationMembers.leftAt), isNull(familyParticipants.removedAt), eq(familyParticipants.familyId, scope.familyId),
    ))
    .orderBy(asc(familyParticipants.ring), asc(familyParticipants.displayName));
  for (const r of rows) {
    const list = byConversation.get(r.conversationId) ?? [];
    list.push({ participantId: r.participantId, name: r.name, role: r.role, joinedAt: r.joinedAt.toISOString() });
    byConversation.set(r.conversationId, list);
  }
  return byConversation;
}

/** Messages of this conversation the asker has not read (not their own). */
export const unreadOf = (scope: FamilyScope, conversationId: SQL | typeof conversations.id) => sql<number>`(select count(*)::int from messages m
  join conversation_members cm on cm.collaboration_id = m.collaboration_id and cm.conversation_id = m.conversation_id
    and cm.participant_id = ${scope.participantId} and cm.left_at is null
  where m.collaboration_id = ${scope.collaborationId} and m.conversation_id = ${conversationId} and m.created_at >= cm.joined_at
    and m.author_participant_id <> ${scope.participantId} and (cm.last_read_at is null or m.created_at > cm.last_read_at))`;

export async function listConversations(db: Executor, scope: FamilyScope, mayCoordinate: boolean, id?: string): Promise<Conversation[]> {
  const rows = await db.select({
    c: conversations, startedByName: familyParticipants.displayName,
    unread: unreadOf(scope, conversations.id),
    lastAt: sql<string | null>`(select max(m.created_at) from messages m join conversation_members cm on cm.collaboration_id = m.collaboration_id
      and cm.conversation_id = m.conversation_id and cm.participant_id = ${scope.participantId} and cm.left_at is null
      where m.collaboration_id = ${conversations.collaborationId} and m.conversation_id = ${conversations.id} and m.created_at >= cm.joined_at)`,
  }).from(conversations)
    .innerJoin(familyParticipants, and(eq(familyParticipants.collaborationId, conversations.collaborationId), eq(familyParticipants.id, conversations.startedByParticipantId)))
    .where(and(inFamily(scope), memberOf(scope), id ? eq(conversations.id, id) : undefined))
    .orderBy(sql`coalesce((select max(m.created_at) from messages m where m.collaboration_id = ${conversations.collaborationId} and m.conversation_id = ${conversations.id}), ${conversations.createdAt}) desc`);
  const members = await currentMembers(db, scope, rows.map((r) => r.c.id));
  return rows.map(({ c, startedByName, unread, lastAt }) => ({
    id: c.id, title: c.title, startedByParticipantId: c.startedByParticipantId, startedByName,
    members: members.get(c.id) ?? [], unreadCount: unread,
    lastMessageAt: lastAt ? new Date(lastAt).toISOString() : null,
    mayManageMembers: c.startedByParticipantId === scope.participantId || mayCoordinate,
    version: c.version, createdAt: c.createdAt.toISOString(),
  }));
}

/** Messages the asker may read, oldest first; optionally of one conversation, after a sequence number, or by id. */
export async function loadMessages(
  db: Executor, scope: FamilyScope, opts: { conversationId?: string; after?: number; ids?: string[]; limit?: number },
): Promise<Message[]> {
  const author = familyParticipants;
  const rows = await db.select({
    m: messages, authorName: author.displayName,
    attachment: { id: attachments.id, fileName: attachments.fileName, contentType: attachments.contentType, byteSize: attachments.byteSize },
    readBy: sql<string[]>`coalesce((select array_agg(p.display_name order by p.display_name) from conversation_members r
      join family_participants p on p.collaboration_id = r.collaboration_id and p.id = r.participant_id and p.removed_at is null
      where r.collaboration_id = ${messages.collaborationId} and r.conversation_id = ${messages.conversationId} and r.left_at is null
        and r.participant_id <> ${messages.authorParticipantId} and r.last_read_at >= ${messages.createdAt} and r.joined_at <= ${messages.createdAt}), '{}')`,
  }).from(messages)
    .innerJoin(author, and(eq(author.collaborationId, messages.collaborationId), eq(author.id, messages.authorParticipantId)))
    .leftJoin(attachments, and(eq(attachments.collaborationId, messages.collaborationId), eq(attachments.id, messages.attachmentId)))
    .where(and(
      messageVisible(scope),
      opts.conversationId ? eq(messages.conversationId, opts.conversationId) : undefined,
      opts.after !== undefined ? gt(messages.seq, opts.after) : undefined,
      opts.ids ? inArray(messages.id, opts.ids) : undefined,
    ))
    .orderBy(asc(messages.seq)).limit(opts.limit ?? 200);
  // A reply quotes its message only when the asker may read that one too.
  const replyIds = [...new Set(rows.map((r) => r.m.replyToMessageId).filter((v): v is string => v !== null))];
  const quoted = new Map<string, { id: string; authorName: string; body: string }>();
  if (replyIds.length > 0) {
    const found = await db.select({ id: messages.id, authorName: author.displayName, body: messages.body }).from(messages)
      .innerJoin(author, and(eq(author.collaborationId, messages.collaborationId), eq(author.id, messages.authorParticipantId)))
      .where(and(messageVisible(scope), inArray(messages.id, replyIds)));
    for (const q of found) quoted.set(q.id, { ...q, body: q.body.slice(0, 200) });
  }
  return rows.map(({ m, authorName, attachment, readBy }) => ({
    id: m.id, seq: m.seq, conversationId: m.conversationId, authorParticipantId: m.authorParticipantId, authorName, body: m.body,
    replyTo: m.replyToMessageId ? quoted.get(m.replyToMessageId) ?? null : null,
    attachment: attachment?.id ? { ...attachment, contentType: attachment.contentType as Attachment['contentType'] } : null,
    agreementId: m.agreementId, readBy: readBy ?? [], createdAt: m.createdAt.toISOString(),
  }));
}
