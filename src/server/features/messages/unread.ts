import { sql } from 'drizzle-orm';
import type { Actor } from '../../access/actor.ts';
import { rowsOf, type Executor } from '../../db/connection.ts';

/**
 * Unread messages per family for this person, for their home page: messages in conversations they
 * are a current member of, written since they joined, not by them, after what they last read — in
 * the families where they still have a place in the circle. Families without any are left out.
 */
export async function unreadCountsFor(db: Executor, actor: Actor, familyIds: string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (familyIds.length === 0) return counts;
  const ids = sql.join(familyIds.map((id) => sql`${id}::uuid`), sql`, `);
  const result = await db.execute<{ family_id: string; unread: number }>(sql`
    select m.family_id, count(*)::int as unread from messages m
    join conversation_members cm on cm.collaboration_id = m.collaboration_id and cm.conversation_id = m.conversation_id and cm.left_at is null
    join family_participants p on p.collaboration_id = cm.collaboration_id and p.id = cm.participant_id
      and p.family_id = m.family_id and p.user_id = ${actor.userId} and p.removed_at is null
    where m.family_id in (${ids}) and m.created_at >= cm.joined_at and m.author_participant_id <> cm.participant_id
      and (cm.last_read_at is null or m.created_at > cm.last_read_at)
    group by m.family_id`);
  for (const r of rowsOf<{ family_id: string; unread: number }>(result)) counts.set(r.family_id, Number(r.unread));
  return counts;
}
