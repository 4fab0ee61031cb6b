import { describe, expect, it } from 'vitest';
import { expectError, RANDOM_UUID } from '../../test/helpers.ts';
import { demo, type Client } from '../../test/harness.ts';
import { ifMatch } from '../plan/plan-test-support.ts';
import { useMessagesWorld } from '../messages/messages-fixture.ts';

/* Handing the lead (regie) from the coach to family members and back: who coordinates, at every step. */

const w = useMessagesWorld();
const { as } = w;
let n = 0;
const coachId = () => w.f.participants[`coach:${demo('coach1')}`]!;
const invite = (client: Client) => client.request('POST', w.url('invitations'), { body: { email: `gast${++n}@gesprek.example`, displayName: `Gast ${n}`, role: 'network_member' } });
const lead = (client: Client) => client.request('GET', w.url('lead'));
const handTo = async (client: Client, participantIds: string[]) => {
  const current = await client.request('GET', w.url('lead'));
  return client.request('PUT', w.url('lead'), { body: { participantIds }, headers: { 'if-match': current.headers.etag as string ?? '"1"' } });
};

async function reorder(client: Client) {
  const plan = await client.request('GET', w.url('plan'));
  const ids = (await client.request('GET', w.url('worries'))).json().items.map((i: { id: string }) => i.id);
  return client.request('PUT', w.url('worries/order'), { body: { ids: [...ids].reverse() }, headers: ifMatch(Number(JSON.parse(plan.headers.etag as string))) });
}

describe('handing over the lead', () => {
  it('with the coaches by default: coach and parents coordinate, the network does not', async () => {
    await as.coach.request('POST', w.url('worries'), { body: { text: 'Eerste zorg', lifeDomainId: w.f.lifeDomainIds[0] } });
    await as.coach.request('POST', w.url('worries'), { body: { text: 'Tweede zorg', lifeDomainId: w.f.lifeDomainIds[0] } });
    expect((await lead(as.coach)).json()).toMatchObject({ withFamily: false, holders: [], mayHandOver: true, mayTakeBack: false });
    expect((await lead(as.tante)).json()).toMatchObject({ withFamily: false, mayHandOver: false });
    expectError(await as.coach.request('PUT', w.url('lead'), { body: { participantIds: [w.f.participants.papa] } }), 428, 'precondition_required');
    expectError(await as.coach.request('PUT', w.url('lead'), { body: { participantIds: [w.f.participants.papa] }, headers: ifMatch(7) }), 412, 'precondition_failed');
    expectError(await handTo(as.tante, [w.f.participants.tante!]), 403, 'forbidden');
    expect((await invite(as.coach)).statusCode).toBe(201);
    expect((await reorder(as.coach)).statusCode).toBe(200);
    expectError(await invite(as.tante), 403, 'forbidden');
  });

  it('only to family members and the informal network of this family', async () => {
    for (const ids of [[w.f.participants.juf!], [coachId()], [w.other.participants.parent!], [RANDOM_UUID]]) {
      expectError(await handTo(as.coach, ids), 422, 'validation_failed');
    }
    expectError(await handTo(as.otherParent, [w.f.participants.papa!]), 404, 'not_found');
    expect((await lead(as.coach)).json().withFamily).toBe(false);
  });

  it('handed to papa and tante: they and the parents coordinate, the coach reads but gets 403', async () => {
    const res = await handTo(as.coach, [w.f.participants.papa!, w.f.participants.tante!]);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ withFamily: true, mayHandOver: false, mayTakeBack: true });
    expect(res.json().holders.map((h: { name: string }) => h.name).sort()).toEqual(['Papa', 'Tante']);
    // The coach: no more coordinating, still reading and writing their own notes.
    expectError(await invite(as.coach), 403, 'forbidden');
    expectError(await reorder(as.coach), 403, 'forbidden');
    expectError(await handTo(as.coach, [w.f.participants.mama!]), 403, 'forbidden');
    const started = (await as.papa.request('POST', w.url('messages/conversations'), { body: { title: 'Regie', participantIds: [coachId(), w.f.participants.buur!, w.f.participants.tante!] } })).json();
    expectError(await as.coach.request('DELETE', w.url(`messages/conversations/${started.id}/members/${w.f.participants.buur}`)), 403, 'forbidden');
    expect((await as.coach.request('GET', w.url('plan'))).statusCode).toBe(200);
    expect((await as.coach.request('POST', w.url('worries'), { body: { text: 'Notitie van de coach', lifeDomainId: w.f.lifeDomainIds[0] } })).statusCode).toBe(201);
    // The holders and the other parent coordinate.
    expect((await invite(as.papa)).statusCode).toBe(201);
    expect((await invite(as.tante)).statusCode).toBe(201);
    expect((await invite(as.mama)).statusCode).toBe(201);
    expect((await reorder(as.papa)).statusCode).toBe(200);
    expect((await as.tante.request('DELETE', w.url(`messages/conversations/${started.id}/members/${w.f.participants.buur}`))).statusCode).toBe(204);
    // The network member without the lead still does not.
    expectError(await invite(as.buur), 403, 'forbidden');
  });

  it('handed back by the family, taken back by the coach, and every step in the history', async () => {
    expect((await handTo(as.papa, [w.f.participants.papa!])).json().holders.map((h: { name: string }) => h.name)).toEqual(['Papa']);
    expectError(await invite(as.tante), 403, 'forbidden');
    const back = await handTo(as.papa, []);
    expect(back.json()).toMatchObject({ withFamily: false, holders: [] });
    expect((await invite(as.coach)).statusCode).toBe(201);
    await handTo(as.coach, [w.f.participants.mama!]);
    // A coach may always take the lead back (the family sees it in the history).
    expect((await handTo(as.coach, [])).json().withFamily).toBe(false);
    const periods = (await lead(as.papa)).json().periods;
    expect(periods.map((p: { name: string; until: string | null }) => [p.name, p.until !== null])).toEqual([
      ['Papa', true], ['Tante', true], ['Mama', true],
    ]);
    const history = (await as.papa.request('GET', w.url('history?itemType=lead'))).json().items;
    expect(history.map((h: { after: { holderNames: string[] } }) => h.after.holderNames)).toEqual([[], ['Mama'], [], ['Papa'], ['Papa', 'Tante']]);
  });
});
