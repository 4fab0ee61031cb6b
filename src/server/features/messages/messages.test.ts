import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { agreements, attachmentContents, attachments, conversationMembers, familyParticipants, messages, planChanges } from '../../db/schema/index.ts';
import { mailsTo, expectError, RANDOM_UUID, userIdOf } from '../../test/helpers.ts';
import { ifMatch } from '../plan/plan-test-support.ts';
import { demo, signIn, type Client } from '../../test/harness.ts';
import { EXE, PDF, PNG, useMessagesWorld } from './messages-fixture.ts';
import { unreadCountsFor } from './unread.ts';
import { loadActor } from '../../access/actor.ts';

const w = useMessagesWorld({ ATTACHMENT_MAX_BYTES: '2048' });
const { t, as } = w;

async function start(client: Client, body: object) {
  const res = await client.request('POST', w.url('messages/conversations'), { body });
  if (res.statusCode !== 201) throw new Error(`${res.statusCode} ${res.body}`);
  return res.json<{ id: string; version: number; members: { participantId: string; name: string }[]; mayManageMembers: boolean }>();
}
async function say(client: Client, conversationId: string, body: object) {
  const res = await client.request('POST', w.url(`messages/conversations/${conversationId}/messages`), { body });
  if (res.statusCode !== 201) throw new Error(`${res.statusCode} ${res.body}`);
  return res.json<{ id: string; seq: number; body: string; readBy: string[]; replyTo: { id: string } | null; attachment: { id: string } | null }>();
}
const bodies = async (client: Client, conversationId: string) => {
  const res = await client.request('GET', w.url(`messages/conversations/${conversationId}/messages`));
  return res.statusCode === 200 ? res.json<{ items: { body: string }[] }>().items.map((m) => m.body) : res.statusCode;
};
const upload = (client: Client, conversationId: string, content: Buffer, name: string) =>
  client.request('POST', w.url(`messages/conversations/${conversationId}/attachments?name=${encodeURIComponent(name)}`), { body: content, headers: { 'content-type': 'application/octet-stream' } });

describe('conversations', () => {
  it('anyone in the circle starts one with people of the circle; others do not see it', async () => {
    const c = await start(as.tante, { title: 'Weekend bij tante', participantIds: [w.f.participants.papa, w.f.participants[`coach:${demo('coach1')}`]] });
    expect(c.members).toHaveLength(3);
    expect(c.members.map((m) => m.name).sort()).toEqual(expect.arrayContaining(['Papa', 'Tante']));
    expect(c.mayManageMembers).toBe(true);
    await say(as.tante, c.id, { body: 'Zaterdag haal ik Pieter op. Zie https://example.org/plan' });
    expect(await bodies(as.papa, c.id)).toEqual(['Zaterdag haal ik Pieter op. Zie https://example.org/plan']);
    expectError(await as.otherParent.request('GET', w.url('messages/conversations')), 404, 'not_found');
    for (const outsider of [as.mama, as.juf, as.otherParent]) {
      if (outsider !== as.otherParent) {
        const list = (await outsider.request('GET', w.url('messages/conversations'))).json().items;
        expect(list.map((x: { id: string }) => x.id)).not.toContain(c.id);
      }
      const real = await outsider.request('GET', w.url(`messages/conversations/${c.id}/messages`));
      const random = await outsider.request('GET', w.url(`messages/conversations/${RANDOM_UUID}/messages`));
      expect([real.statusCode, real.body]).toEqual([404, random.body]);
      expectError(await outsider.request('POST', w.url(`messages/conversations/${c.id}/messages`), { body: { body: 'hallo?' } }), 404, 'not_found');
    }
  });

  it('refuses people from outside the circle or another family, and an empty conversation', async () => {
    for (const participantIds of [[w.other.participants.parent], [RANDOM_UUID], []]) {
      expectError(await as.papa.request('POST', w.url('messages/conversations'), { body: { title: 'x', participantIds } }), 422, 'validation_failed');
    }
    expectError(await as.otherParent.request('POST', w.url('messages/conversations'), { body: { title: 'x', participantIds: [w.f.participants.papa] } }), 404, 'not_found');
  });

  it('who started it manages its members; for someone else\'s, a coordinator; others 403', async () => {
    const c = await start(as.papa, { title: 'Iedereen', wholeCircle: true });
    expect(c.members).toHaveLength(6);
    // Tante did not start it and does not coordinate.
    expectError(await as.tante.request('DELETE', w.url(`messages/conversations/${c.id}/members/${w.f.participants.buur}`)), 403, 'forbidden');
    expectError(await as.tante.request('PATCH', w.url(`messages/conversations/${c.id}`), { body: { title: 'Anders' }, headers: ifMatch(1) }), 403, 'forbidden');
    // The coach coordinates (the lead is with the coaches): may remove.
    expect((await as.coach.request('DELETE', w.url(`messages/conversations/${c.id}/members/${w.f.participants.buur}`))).statusCode).toBe(204);
    // Everyone may leave themselves.
    expect((await as.juf.request('DELETE', w.url(`messages/conversations/${c.id}/members/${w.f.participants.juf}`))).statusCode).toBe(204);
    expectError(await as.papa.request('PATCH', w.url(`messages/conversations/${c.id}`), { body: { title: 'Allemaal' } }), 428, 'precondition_required');
    const renamed = await as.papa.request('PATCH', w.url(`messages/conversations/${c.id}`), { body: { title: 'Allemaal' }, headers: ifMatch(1) });
    expect(renamed.json()).toMatchObject({ title: 'Allemaal', version: 2 });
    const back = await as.papa.request('POST', w.url(`messages/conversations/${c.id}/members`), { body: { participantId: w.f.participants.buur } });
    expect(back.json().members.map((m: { name: string }) => m.name)).toContain('Buur');
  });

  it('removed from the conversation: nothing of it at once; added again: only what came after', async () => {
    const c = await start(as.papa, { title: 'Samen', participantIds: [w.f.participants.buur, w.f.participants.mama] });
    await say(as.papa, c.id, { body: 'Voor iedereen' });
    expect(await bodies(as.buur, c.id)).toEqual(['Voor iedereen']);
    expect((await as.papa.request('DELETE', w.url(`messages/conversations/${c.id}/members/${w.f.participants.buur}`))).statusCode).toBe(204);
    await say(as.papa, c.id, { body: 'Niet voor buur' });
    expect(await bodies(as.buur, c.id)).toBe(404);
    expectError(await as.buur.request('POST', w.url(`messages/conversations/${c.id}/messages`), { body: { body: 'nog iets' } }), 404, 'not_found');
    await as.papa.request('POST', w.url(`messages/conversations/${c.id}/members`), { body: { participantId: w.f.participants.buur } });
    await say(as.papa, c.id, { body: 'Welkom terug' });
    expect(await bodies(as.buur, c.id)).toEqual(['Welkom terug']);
    expect(await bodies(as.mama, c.id)).toEqual(['Voor iedereen', 'Niet voor buur', 'Welkom terug']);
  });

  it('read status per member, replies, and one notification mail without content until read', async () => {
    const c = await start(as.papa, { title: 'Huis', participantIds: [w.f.participants.mama] });
    const before = (await mailsTo(t.db, 'mama@gesprek.example')).length;
    const papaBefore = (await mailsTo(t.db, 'papa@gesprek.example')).length;
    const first = await say(as.papa, c.id, { body: 'Geheime tekst over de huur' });
    const second = await say(as.papa, c.id, { body: 'Nog een geheim', replyToMessageId: first.id });
    expect(second.replyTo?.id).toBe(first.id);
    const mails = (await mailsTo(t.db, 'mama@gesprek.example')).slice(before);
    expect(mails).toHaveLength(1);
    for (const text of [mails[0]!.subject, mails[0]!.text, mails[0]!.html]) {
      expect(text).not.toMatch(/Geheime|geheim|Papa|Huis/);
    }
    expect(mails[0]!.text).toContain(`/families/${w.f.familyId}/messages`);
    expect((await mailsTo(t.db, 'papa@gesprek.example')).slice(papaBefore)).toHaveLength(0);
    const actor = (await loadActor(t.db, await userIdOf(t.db, 'mama@gesprek.example')))!;
    expect((await unreadCountsFor(t.db, actor, [w.f.familyId, w.other.familyId])).get(w.f.familyId)).toBeGreaterThanOrEqual(2);
    expect((await as.mama.request('POST', w.url(`messages/conversations/${c.id}/read`), { body: { upToMessageId: second.id } })).statusCode).toBe(204);
    const read = (await as.papa.request('GET', w.url(`messages/conversations/${c.id}/messages`))).json().items;
    expect(read.map((m: { readBy: string[] }) => m.readBy)).toEqual([['Mama'], ['Mama']]);
    expect((await as.mama.request('GET', w.url('messages/conversations'))).json().items.find((x: { id: string }) => x.id === c.id).unreadCount).toBe(0);
    await say(as.papa, c.id, { body: 'Na het lezen' });
    expect((await mailsTo(t.db, 'mama@gesprek.example')).slice(before)).toHaveLength(2);
    // Another family's reply target is not a reply.
    expectError(await as.papa.request('POST', w.url(`messages/conversations/${c.id}/messages`), { body: { body: 'x', replyToMessageId: RANDOM_UUID } }), 422, 'validation_failed');
  });

  it('removed from the family\'s circle: the conversation is gone for them', async () => {
    const c = await start(as.papa, { title: 'Met juf', participantIds: [w.f.participants.juf] });
    await say(as.papa, c.id, { body: 'Dag juf' });
    expect(await bodies(as.juf, c.id)).toEqual(['Dag juf']);
    await t.db.update(familyParticipants).set({ removedAt: new Date() }).where(eq(familyParticipants.id, w.f.participants.juf!));
    expect(await bodies(as.juf, c.id)).toBe(404);
    expect((await as.papa.request('GET', w.url(`messages/conversations/${c.id}`))).json().members.map((m: { name: string }) => m.name)).not.toContain('Juf');
    const actor = (await loadActor(t.db, await userIdOf(t.db, 'juf@gesprek.example')))!;
    expect((await unreadCountsFor(t.db, actor, [w.f.familyId])).size).toBe(0);
  });
});

describe('attachments', () => {
  it('typed by content, limited in size, stored with their audit row, served only in scope', async () => {
    const c = await start(as.papa, { title: 'Foto', participantIds: [w.f.participants.tante] });
    const other = await start(as.papa, { title: 'Zonder tante', participantIds: [w.f.participants.mama] });
    const rows = async () => (await t.db.select().from(attachments)).length;
    const count = await rows();
    expectError(await upload(as.papa, c.id, EXE, 'foto.jpg'), 422, 'validation_failed');
    expectError(await upload(as.papa, c.id, Buffer.alloc(3000, 1), 'groot.png'), 422, 'validation_failed');
    expect(await rows()).toBe(count);
    const pdf = await upload(as.papa, c.id, PDF, 'brief.png');
    expect(pdf.statusCode).toBe(201);
    expect(pdf.json()).toMatchObject({ contentType: 'application/pdf', fileName: 'brief.pdf' });
    const png = (await upload(as.papa, c.id, PNG, 'flipchart.png')).json();
    expect((await t.db.select().from(attachmentContents).where(eq(attachmentContents.storageKey, png.id)))[0]!.content.equals(PNG)).toBe(true);
    // Not sent yet: only its uploader sees it; another conversation cannot use it.
    const file = (id: string) => w.url(`messages/attachments/${id}`);
    expectError(await as.tante.request('GET', file(png.id)), 404, 'not_found');
    expectError(await as.papa.request('POST', w.url(`messages/conversations/${other.id}/messages`), { body: { body: 'x', attachmentId: png.id } }), 422, 'validation_failed');
    const sent = await say(as.papa, c.id, { body: 'Het plan op papier', attachmentId: png.id });
    expect(sent.attachment?.id).toBe(png.id);
    const got = await as.tante.request('GET', file(png.id));
    expect([got.statusCode, got.headers['content-type'], got.headers['x-content-type-options']]).toEqual([200, 'image/png', 'nosniff']);
    expect(got.headers['content-disposition']).toMatch(/^inline; filename="flipchart.png"/);
    expect(got.rawPayload.equals(PNG)).toBe(true);
    await say(as.papa, c.id, { body: 'De brief', attachmentId: pdf.json().id });
    expect((await as.tante.request('GET', file(pdf.json().id))).headers['content-disposition']).toMatch(/^attachment;/);
    const random = await as.mama.request('GET', file(RANDOM_UUID));
    for (const outsider of [as.mama, as.juf, as.otherParent, as.coach]) {
      const res = await outsider.request('GET', file(png.id));
      if (outsider === as.coach) continue; // not a member of this conversation either: checked below
      expect([res.statusCode, res.body]).toEqual([404, random.body]);
    }
    expect((await as.coach.request('GET', file(png.id))).statusCode).toBe(404);
    expect((await as.otherParent.request('GET', `/api/v1/families/${w.other.familyId}/messages/attachments/${png.id}`)).statusCode).toBe(404);
  });

  it('is not reachable from another collaboration', async () => {
    const gent = await signIn(t.app, demo('coach1', 'gent'));
    const [any] = await t.db.select().from(attachments).limit(1);
    expectError(await gent.request('GET', w.url(`messages/attachments/${any!.id}`)), 404, 'not_found');
  });
});

describe('turning a message into an agreement', () => {
  it('makes a plan agreement through the plan\'s command: history and audit as for any agreement', async () => {
    const c = await start(as.papa, { title: 'Afspraken', participantIds: [w.f.participants.tante] });
    const m = await say(as.tante, c.id, { body: 'Ik breng Pieter elke woensdag naar de zwemles' });
    const res = await as.papa.request('POST', w.url(`messages/conversations/${c.id}/messages/${m.id}/agreement`), { body: { ownerParticipantId: w.f.participants.tante, lifeDomainId: w.f.lifeDomainIds[0] } });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ what: 'Ik breng Pieter elke woensdag naar de zwemles', ownerName: 'Tante' });
    const [row] = await t.db.select().from(messages).where(eq(messages.id, m.id));
    expect(row!.agreementId).toBe(res.json().id);
    const history = await t.db.select().from(planChanges).where(eq(planChanges.itemId, res.json().id));
    expect(history.map((h) => [h.itemType, h.action])).toEqual([['agreement', 'create']]);
    expect((await t.db.select().from(agreements).where(eq(agreements.id, res.json().id)))).toHaveLength(1);
    expectError(await as.papa.request('POST', w.url(`messages/conversations/${c.id}/messages/${m.id}/agreement`), { body: { ownerParticipantId: w.f.participants.tante } }), 422, 'validation_failed');
    // Tante may read the conversation, not change the plan (nothing shared to add to): 403, nothing made.
    const m2 = await say(as.papa, c.id, { body: 'Ik bel de school' });
    expectError(await as.tante.request('POST', w.url(`messages/conversations/${c.id}/messages/${m2.id}/agreement`), { body: { ownerParticipantId: w.f.participants.papa, lifeDomainId: w.f.lifeDomainIds[0] } }), 403, 'forbidden');
    expect((await t.db.select().from(messages).where(eq(messages.id, m2.id)))[0]!.agreementId).toBeNull();
    expect((await t.db.select().from(conversationMembers).where(eq(conversationMembers.conversationId, c.id)))).toHaveLength(2);
  });
});
