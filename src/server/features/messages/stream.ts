import { and, eq, gt, sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../access/actor.ts';
import { loadFamilyScope, requireInCircle, type FamilyScope } from '../../access/family-scope.ts';
import type { Db } from '../../db/connection.ts';
import { conversations, messages, sessions } from '../../db/schema/index.ts';
import { loadMessages, memberOf, messageVisible } from './repo.ts';
import type { FamilyEvent, FamilyEventHub } from './events.ts';

/** A comment line now and then keeps proxies from closing a quiet stream, and rechecks access. */
export const HEARTBEAT_MS = 20_000;

async function conversationIds(db: Db, scope: FamilyScope): Promise<Set<string>> {
  const rows = await db.select({ id: conversations.id }).from(conversations)
    .where(and(eq(conversations.collaborationId, scope.collaborationId), eq(conversations.familyId, scope.familyId), memberOf(scope)));
  return new Set(rows.map((r) => r.id));
}

async function sessionLive(db: Db, tokenHash: string | null): Promise<boolean> {
  if (!tokenHash) return false;
  const now = new Date();
  const [row] = await db.select({ t: sessions.tokenHash }).from(sessions)
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.idleExpiresAt, now), gt(sessions.absoluteExpiresAt, now)));
  return Boolean(row);
}

/**
 * The family's event stream (text/event-stream). Every event is re-read through the access scope
 * for this person at the moment it happens: a new message is sent only if they may read it now;
 * someone removed from the circle, from a conversation, or signed out has their stream closed
 * (the browser reconnects and gets only what they may still see). `id:` is the message's sequence
 * number, so a reconnect with Last-Event-ID catches up on what was missed.
 */
export async function openStream(
  db: Db, hub: FamilyEventHub, open: Set<() => void>, req: FastifyRequest, reply: FastifyReply, actor: Actor, familyId: string, lastEventId: number | null,
): Promise<void> {
  const first = await loadFamilyScope(db, actor, familyId);
  requireInCircle(first);
  let scope = first;
  let members = await conversationIds(db, scope);
  let lastSeq = lastEventId ?? 0;
  let closed = false;
  let queue = Promise.resolve();

  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive',
    'x-accel-buffering': 'no', 'x-content-type-options': 'nosniff', 'x-request-id': req.id,
  });
  res.write('retry: 3000\n\n');

  const close = () => {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    unsubscribe?.();
    open.delete(close);
    res.end();
  };
  open.add(close);
  const send = (event: string, data: unknown, id?: number) => {
    if (!closed) res.write(`${id !== undefined ? `id: ${id}\n` : ''}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };

  /** Still allowed? Reloads the scope; false (and the stream ends) when the circle or a conversation is gone. */
  const recheck = async (): Promise<boolean> => {
    try {
      if (!(await sessionLive(db, req.ctx.sessionTokenHash))) return false;
      scope = requireInCircle(await loadFamilyScope(db, actor, familyId));
    } catch {
      return false;
    }
    const now = await conversationIds(db, scope);
    const lost = [...members].filter((id) => !now.has(id));
    for (const conversationId of lost) send('removed', { conversationId });
    members = now;
    return lost.length === 0;
  };

  const deliver = async () => {
    for (;;) {
      const batch = await loadMessages(db, scope, { after: lastSeq, limit: 100 });
      for (const m of batch) {
        lastSeq = Math.max(lastSeq, m.seq);
        send('message', m, m.seq);
      }
      if (batch.length < 100) return;
    }
  };

  const handle = (event: FamilyEvent | null) => {
    queue = queue.then(async () => {
      if (closed) return;
      if (!(await recheck())) return close();
      if (!event) return void res.write(': heartbeat\n\n');
      if (event.kind === 'message') await deliver();
      else send('conversations', { conversationId: event.conversationId ?? null });
    }).catch(() => close());
  };

  const heartbeat = setInterval(() => handle(null), HEARTBEAT_MS);
  heartbeat.unref();
  let unsubscribe: (() => void) | null = null;
  req.raw.on('close', close);
  unsubscribe = await hub.subscribe(familyId, handle);
  if (lastEventId !== null) handle({ familyId, kind: 'message' });
  else {
    // A fresh stream starts from now: the page loads the history itself.
    const [latest] = await db.select({ seq: sql<number | null>`max(${messages.seq})::int8` }).from(messages).where(messageVisible(scope));
    lastSeq = Number(latest?.seq ?? 0);
    send('ready', { lastEventId: lastSeq });
  }
}
