import { and, eq, lt, ne, or, sql } from 'drizzle-orm';
import { actorFromRow, selectActorRow, type Actor } from '../../access/actor.ts';
import type { Config } from '../../config.ts';
import type { Executor } from '../../db/connection.ts';
import { sessions } from '../../db/schema/index.ts';
import { newSecret, sha256 } from './tokens.ts';

export type SessionTimeouts = Pick<Config, 'SESSION_IDLE_MINUTES' | 'SESSION_ABSOLUTE_HOURS'>;

const minutes = (n: number) => n * 60_000;

export type SessionLevel = (typeof sessions.$inferSelect)['level'];

export async function createSession(db: Executor, userId: string, t: SessionTimeouts, level: SessionLevel = 'full') {
  const token = newSecret();
  const csrfToken = newSecret();
  const now = Date.now();
  await db.insert(sessions).values({
    tokenHash: sha256(token),
    userId,
    csrfToken,
    level,
    idleExpiresAt: new Date(now + minutes(t.SESSION_IDLE_MINUTES)),
    absoluteExpiresAt: new Date(now + minutes(t.SESSION_ABSOLUTE_HOURS * 60)),
  });
  return { token, csrfToken };
}

/**
 * Finds a live session for the cookie's token, with who it belongs to, in one query, and slides its
 * idle expiry. The sliding write happens at most once a minute per session, so reads do not each
 * cost a write. A session of a disabled account finds nothing.
 */
export async function resolveSession(db: Executor, token: string, t: SessionTimeouts): Promise<{ tokenHash: string; userId: string; csrfToken: string; level: SessionLevel; actor: Actor } | null> {
  const tokenHash = sha256(token);
  const now = new Date();
  const row = await selectActorRow<{ csrf_token: string; level: SessionLevel; last_seen_at: Date | string; absolute_expires_at: Date | string }>(
    db,
    sql`s.csrf_token, s.level, s.last_seen_at, s.absolute_expires_at,`,
    sql`from sessions s join users u on u.id = s.user_id and u.active
      where s.token_hash = ${tokenHash} and s.idle_expires_at > ${now} and s.absolute_expires_at > ${now}`,
  );
  if (!row) return null;
  if (now.getTime() - new Date(row.last_seen_at).getTime() > 60_000) {
    const idle = new Date(Math.min(now.getTime() + minutes(t.SESSION_IDLE_MINUTES), new Date(row.absolute_expires_at).getTime()));
    await db.update(sessions).set({ lastSeenAt: now, idleExpiresAt: idle }).where(eq(sessions.tokenHash, tokenHash));
  }
  return { tokenHash, userId: row.user_id, csrfToken: row.csrf_token, level: row.level, actor: actorFromRow(row) };
}

export async function deleteSession(db: Executor, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteUserSessions(db: Executor, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

/** Ends every session of a person except the one making the request (a changed factor or password). */
export async function deleteOtherSessions(db: Executor, userId: string, keepTokenHash: string | null): Promise<void> {
  await db.delete(sessions).where(keepTokenHash ? and(eq(sessions.userId, userId), ne(sessions.tokenHash, keepTokenHash)) : eq(sessions.userId, userId));
}

export async function deleteExpiredSessions(db: Executor): Promise<void> {
  const now = new Date();
  await db.delete(sessions).where(or(lt(sessions.idleExpiresAt, now), lt(sessions.absoluteExpiresAt, now)));
}
