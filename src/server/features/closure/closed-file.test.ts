import { describe, expect, it } from 'vitest';
import { expectError } from '../../test/helpers.ts';
import { useMessagesWorld } from '../messages/messages-fixture.ts';
import { created } from '../plan/plan-test-support.ts';

/*
 * After closing, the file is read-only in every feature, not only the plan: no round table, no
 * message, no lead handed over. Those who keep reading still read; those who lost their place see
 * nothing, also through their agenda.
 */
const w = useMessagesWorld();
const at = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

describe('a closed trajectory', () => {
  let conversationId: string;

  it('refuses round tables, messages and the lead, and keeps what was written readable', async () => {
    const { as } = w;
    const conversation = await created(as.papa, w.url('messages/conversations'), { title: 'Samen', wholeCircle: true, participantIds: [] });
    conversationId = conversation.id;
    await created(as.papa, w.url(`messages/conversations/${conversationId}/messages`), { body: 'Tot dinsdag' });
    await created(as.coach, w.url('meetings'), { title: 'Rondetafel', items: [{ title: 'School', startsAt: at(24), endsAt: at(25), inviteeIds: [w.f.participants.tante] }] });
    const closing = await as.coach.request('POST', w.url('closure'), { body: { reason: 'goals_reached', summary: 'Het gaat goed. We stoppen samen.' } });
    expect(closing.statusCode).toBe(201);

    expectError(await as.coach.request('POST', w.url('meetings'), { body: { title: 'Nog één', items: [{ title: 'School', startsAt: at(48), endsAt: at(49) }] } }), 403, 'forbidden');
    expectError(await as.papa.request('POST', w.url('meetings'), { body: { title: 'Nog één', items: [{ title: 'School', startsAt: at(48), endsAt: at(49) }] } }), 403, 'forbidden');
    expectError(await as.papa.request('POST', w.url('messages/conversations'), { body: { title: 'Nieuw', wholeCircle: true, participantIds: [] } }), 403, 'forbidden');
    expectError(await as.papa.request('POST', w.url(`messages/conversations/${conversationId}/messages`), { body: { body: 'Nog iets' } }), 403, 'forbidden');
    const lead = await as.papa.request('GET', w.url('lead'));
    expectError(await as.coach.request('PUT', w.url('lead'), { body: { participantIds: [w.f.participants.papa] }, headers: { 'if-match': lead.headers.etag as string } }), 403, 'forbidden');

    const messages = (await as.papa.request('GET', w.url(`messages/conversations/${conversationId}/messages`))).json();
    expect(JSON.stringify(messages)).toContain('Tot dinsdag');
    expect((await as.coach.request('GET', w.url('meetings'))).json().items).toHaveLength(1);
  });

  it('takes the family out of the agenda of someone who lost their place, without failing the rest', async () => {
    const { as } = w;
    expectError(await as.tante.request('GET', w.url('meetings')), 404, 'not_found');
    const agenda = await as.tante.request('GET', `/api/v1/me/agenda?from=${at(-1).slice(0, 10)}&to=${at(24 * 7).slice(0, 10)}`);
    expect(agenda.statusCode).toBe(200);
    expect(JSON.stringify(agenda.json())).not.toContain(w.f.familyId);
    const coachAgenda = await as.coach.request('GET', `/api/v1/me/agenda?from=${at(-1).slice(0, 10)}&to=${at(24 * 7).slice(0, 10)}`);
    expect(JSON.stringify(coachAgenda.json())).toContain('Rondetafel');
  });
});
