import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { users } from '../../db/schema/index.ts';
import type { Client } from '../../test/harness.ts';
import { signInByLink } from '../../test/harness.ts';
import { ifMatch } from '../plan/plan-test-support.ts';
import { useMessagesWorld } from './messages-fixture.ts';

/* The event stream over a real HTTP connection: a listening server, fetch, and the raw text/event-stream. */

const w = useMessagesWorld();
const { t, as } = w;
let base = '';
const streams: AbortController[] = [];

beforeAll(async () => {
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(() => {
  for (const s of streams) s.abort();
});

interface SseEvent { event: string; id?: string; data: unknown }

/** Opens the family's stream as this client and reads events from it as they come. */
async function openStream(client: Client, headers: Record<string, string> = {}, server = base) {
  const abort = new AbortController();
  streams.push(abort);
  const res = await fetch(`${server}${w.url('messages/events')}`, { headers: { cookie: client.cookie, accept: 'text/event-stream', ...headers }, signal: abort.signal });
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let ended = false;
  const events: SseEvent[] = [];
  const pump = (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let at: number;
        while ((at = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, at);
          buffer = buffer.slice(at + 2);
          const fields = Object.fromEntries(block.split('\n').filter((l) => l && !l.startsWith(':')).map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()]));
          if (fields.event) events.push({ event: fields.event, id: fields.id, data: JSON.parse(fields.data ?? 'null') });
        }
      }
    } catch { /* aborted */ }
    ended = true;
  })();
  const waitFor = async (test: (e: SseEvent) => boolean, ms = 5000): Promise<SseEvent> => {
    const until = Date.now() + ms;
    for (;;) {
      const found = events.find(test);
      if (found) return found;
      if (ended || Date.now() > until) throw new Error(`no such event; got ${JSON.stringify(events)}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  };
  const waitForEnd = async (ms = 5000) => {
    const until = Date.now() + ms;
    while (!ended && Date.now() < until) await new Promise((r) => setTimeout(r, 25));
    return ended;
  };
  return { res, events, waitFor, waitForEnd, pump, close: () => abort.abort() };
}

async function start(client: Client, participantIds: string[]) {
  const res = await client.request('POST', w.url('messages/conversations'), { body: { title: 'Live', participantIds } });
  return res.json<{ id: string }>();
}
const say = async (client: Client, conversationId: string, body: string) =>
  (await client.request('POST', w.url(`messages/conversations/${conversationId}/messages`), { body: { body } })).json<{ id: string; seq: number }>();

describe('the event stream', () => {
  it('delivers a new message to members at once, never to others; replays from Last-Event-ID', async () => {
    const c = await start(as.papa, [w.f.participants.tante!]);
    const tante = await openStream(as.tante);
    expect(tante.res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const mama = await openStream(as.mama);
    await tante.waitFor((e) => e.event === 'ready');
    await mama.waitFor((e) => e.event === 'ready');
    const m = await say(as.papa, c.id, 'Live bericht voor tante');
    const got = await tante.waitFor((e) => e.event === 'message');
    expect(got).toMatchObject({ id: String(m.seq), data: { id: m.id, body: 'Live bericht voor tante', authorName: 'Papa' } });
    await new Promise((r) => setTimeout(r, 300));
    expect(mama.events.filter((e) => e.event === 'message')).toEqual([]);
    tante.close();
    mama.close();

    const again = await openStream(as.tante, { 'last-event-id': String(m.seq - 1) });
    expect((await again.waitFor((e) => e.event === 'message')).data).toMatchObject({ id: m.id });
    again.close();
  });

  it('reaches a stream held by another app instance: the event goes through the database, not memory', async () => {
    const other = await buildApp({ config: t.config, db: t.db, listen: t.database.listen });
    const otherBase = await other.listen({ port: 0, host: '127.0.0.1' });
    try {
      const c = await start(as.papa, [w.f.participants.tante!]);
      const tante = await openStream(as.tante, {}, otherBase);
      await tante.waitFor((e) => e.event === 'ready');
      const m = await say(as.papa, c.id, 'Via een andere instantie');
      expect((await tante.waitFor((e) => e.event === 'message')).data).toMatchObject({ id: m.id, body: 'Via een andere instantie' });
      tante.close();
    } finally {
      await other.close();
    }
  });

  it('is 404 outside the circle and 401 without a session', async () => {
    const other = await fetch(`${base}${w.url('messages/events')}`, { headers: { cookie: as.otherParent.cookie } });
    expect(other.status).toBe(404);
    expect((await fetch(`${base}${w.url('messages/events')}`)).status).toBe(401);
  });

  it('removed from a conversation: the stream tells and closes; nothing of it arrives after', async () => {
    const c = await start(as.papa, [w.f.participants.buur!]);
    const buur = await openStream(as.buur);
    await buur.waitFor((e) => e.event === 'ready');
    expect((await as.papa.request('DELETE', w.url(`messages/conversations/${c.id}/members/${w.f.participants.buur}`))).statusCode).toBe(204);
    expect((await buur.waitFor((e) => e.event === 'removed')).data).toEqual({ conversationId: c.id });
    expect(await buur.waitForEnd()).toBe(true);
    await say(as.papa, c.id, 'Na het vertrek');
    const back = await openStream(as.buur, { 'last-event-id': '0' });
    await new Promise((r) => setTimeout(r, 300));
    expect(back.events.filter((e) => e.event === 'message' && JSON.stringify(e.data).includes('Na het vertrek'))).toEqual([]);
    back.close();
  });

  it('removed from the family\'s circle: the stream closes at once', async () => {
    await t.db.insert(users).values({ email: 'huisgenoot@gesprek.example', name: 'Huisgenoot' });
    const added = await as.papa.request('POST', w.url('invitations'), { body: { email: 'huisgenoot@gesprek.example', displayName: 'Huisgenoot', role: 'parent' } });
    expect(added.statusCode).toBe(201);
    const housemate = await signInByLink(t.app, t.db, 'huisgenoot@gesprek.example');
    const stream = await openStream(housemate);
    await stream.waitFor((e) => e.event === 'ready');
    const id = added.json().participantId;
    const member = (await as.coach.request('GET', w.url('members'))).json().items.find((m: { id: string }) => m.id === id);
    expect((await as.coach.request('DELETE', w.url(`members/${id}`), { headers: ifMatch(member.version) })).statusCode).toBe(204);
    expect(await stream.waitForEnd()).toBe(true);
  });
});
