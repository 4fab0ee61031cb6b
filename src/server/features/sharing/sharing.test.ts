import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { authTokens, mailOutbox } from '../../db/schema/index.ts';
import { demo, redeemLink, signIn, signInByLink, useTestApp, type Client } from '../../test/harness.ts';
import { latestMailTo, mailsTo, tokenInLink, userIdOf } from '../../test/helpers.ts';
import { created, ifMatch, textsOf } from '../plan/plan-test-support.ts';
import { pdfText } from '../../test/pdf.ts';

const t = useTestApp();
let coach: Client;
let malika: Client;
let familyId: string;
let domains: Record<string, string>;
const url = (path: string) => `/api/v1/families/${familyId}${path ? `/${path}` : ''}`;

beforeAll(async () => {
  coach = await signIn(t.app, demo('coach2', 'antwerpen'));
  familyId = (await coach.request('GET', '/api/v1/families?q=Malika')).json().items[0].id;
  const plan = (await coach.request('GET', url('plan'))).json();
  domains = Object.fromEntries(plan.lifeDomains.map((d: { pictogram: string; id: string }) => [d.pictogram, d.id]));
  malika = await signInByLink(t.app, t.db, 'malika@gezinsplan.example');
});

async function inviteTeacher(by: Client, email: string, displayName = 'Meester Tom') {
  const invitation = await created<{ participantId: string; existingAccount: boolean }>(by, url('invitations'), { displayName, role: 'outside_professional', relation: 'leerkracht van Sami', email });
  const teacher = await redeemLink(t.app, tokenInLink((await latestMailTo(t.db, email)).text, '/sign-in/link'));
  return { ...invitation, teacher };
}

describe('signing in with a link', () => {
  it('mails a single-use link to someone in a family\'s circle, and nothing to anyone else, with the same answer', async () => {
    const me = (await malika.request('GET', '/api/v1/me')).json();
    expect(me).toMatchObject({ user: { email: 'malika@gezinsplan.example', name: 'Malika' }, memberships: [] });
    for (const email of ['nobody@example.org', demo('coach2', 'antwerpen')]) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/magic-link', payload: { email } });
      expect({ status: res.statusCode, body: res.json() }).toEqual({ status: 202, body: {} });
      expect(await mailsTo(t.db, email)).toEqual([]);
    }
  });

  it('works once, and not after 15 minutes', async () => {
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/magic-link', payload: { email: 'jason@gezinsplan.example' } });
    const token = tokenInLink((await latestMailTo(t.db, 'jason@gezinsplan.example')).text, '/sign-in/link');
    await redeemLink(t.app, token);
    const again = await t.app.inject({ method: 'POST', url: '/api/v1/auth/magic-link/redeem', payload: { token } });
    expect(again.statusCode).toBe(404);
    expect(again.json().error.code).toBe('token_invalid');

    await t.app.inject({ method: 'POST', url: '/api/v1/auth/magic-link', payload: { email: 'jason@gezinsplan.example' } });
    const late = tokenInLink((await latestMailTo(t.db, 'jason@gezinsplan.example')).text, '/sign-in/link');
    const jason = await userIdOf(t.db, 'jason@gezinsplan.example');
    const [row] = await t.db.select().from(authTokens).where(and(eq(authTokens.userId, jason), eq(authTokens.purpose, 'magic_link')));
    expect(Math.round((row!.expiresAt.getTime() - row!.createdAt.getTime()) / 60_000)).toBe(15);
    await t.db.update(authTokens).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(authTokens.userId, jason));
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/magic-link/redeem', payload: { token: late } })).statusCode).toBe(404);
  });

  it('pauses after five requests for one address', async () => {
    const email = 'yasmina@gezinsplan.example';
    for (let i = 0; i < 7; i++) await t.app.inject({ method: 'POST', url: '/api/v1/auth/magic-link', payload: { email } });
    expect((await mailsTo(t.db, email)).length).toBe(5);
  });
});

describe('inviting and sharing per topic', () => {
  it('a parent invites the teacher, shares school but not money; the teacher sees school goals only', async () => {
    const { teacher, participantId, existingAccount } = await inviteTeacher(malika, 'tom@school.example');
    expect(existingAccount).toBe(false);
    expect((await teacher.request('GET', url('plan'))).json().goals).toEqual([]);

    const grant = await created<{ id: string; status: string; version: number }>(malika, url('consents'), { participantId, lifeDomainId: domains.school, level: 'read' });
    expect(grant).toMatchObject({ status: 'active', decidedBy: 'parent', grantedByName: 'Malika', approvedByName: 'Malika' });
    expect(textsOf((await teacher.request('GET', url('plan'))).json().goals)).toEqual(['Sami krijgt hulp bij zijn huiswerk']);

    const revoke = await malika.request('DELETE', url(`consents/${grant.id}`), { headers: ifMatch(grant.version) });
    expect(revoke.statusCode).toBe(204);
    expect((await teacher.request('GET', url('plan'))).json().goals).toEqual([]);

    const log = (await malika.request('GET', url('access-log?who=others&limit=100'))).json().items;
    expect(log.filter((e: { actorName: string; action: string }) => e.actorName === 'Meester Tom' && e.action === 'read').length).toBeGreaterThanOrEqual(3);
    expect(log.every((e: { actorIsFamily: boolean }) => !e.actorIsFamily)).toBe(true);
  });

  it('a coach proposes; nothing is shared until a parent approves', async () => {
    const { teacher, participantId } = await inviteTeacher(coach, 'juf.ann@school.example');
    const proposal = await created<{ id: string; status: string; version: number; canApprove: boolean }>(coach, url('consents'), { participantId, lifeDomainId: domains.school });
    expect(proposal).toMatchObject({ status: 'proposed', canApprove: false });
    expect((await teacher.request('GET', url('plan'))).json().goals).toEqual([]);
    expect((await malika.request('GET', '/api/v1/portal')).json().families[0].pendingApprovals).toBe(1);

    const byCoach = await coach.request('POST', url(`consents/${proposal.id}/approve`), { body: {}, headers: ifMatch(proposal.version) });
    expect(byCoach.statusCode).toBe(422);
    const approved = await malika.request('POST', url(`consents/${proposal.id}/approve`), { body: {}, headers: ifMatch(proposal.version) });
    expect(approved.json()).toMatchObject({ status: 'active', approvedByName: 'Malika' });
    expect(textsOf((await teacher.request('GET', url('plan'))).json().goals)).toEqual(['Sami krijgt hulp bij zijn huiswerk']);
    const stale = await malika.request('POST', url(`consents/${proposal.id}/approve`), { body: {}, headers: ifMatch(proposal.version) });
    expect(stale.statusCode).toBe(412);
  });

  it('a coach may record a parent\'s decision on their behalf, which is in effect at once and says so', async () => {
    const overview = (await coach.request('GET', url('consents'))).json();
    const oma = overview.people.find((p: { displayName: string }) => p.displayName === 'Oma Fatima');
    const malikaId = (await malika.request('GET', url(''))).json().myParticipantId;
    const grant = await created(coach, url('consents'), { participantId: oma.participantId, lifeDomainId: domains.school, onBehalfOfParticipantId: malikaId });
    expect(grant).toMatchObject({ status: 'active', onBehalfOfName: 'Malika', grantedByName: 'Sofie Janssens' });
  });

  it('a young person decides about items about themselves; their parent cannot share those', async () => {
    const yasmina = await redeemLink(t.app, await (async () => {
      await t.db.delete(mailOutbox).where(eq(mailOutbox.to, 'yasmina@gezinsplan.example'));
      const invitation = await created<{ participantId: string }>(coach, url('invitations'), { participantId: (await coach.request('GET', url('members'))).json().items.find((m: { displayName: string }) => m.displayName === 'Yasmina').id, email: 'yasmina@gezinsplan.example' });
      expect(invitation.participantId).toBeTruthy();
      return tokenInLink((await latestMailTo(t.db, 'yasmina@gezinsplan.example')).text, '/sign-in/link');
    })());
    const yasminaId = (await yasmina.request('GET', url(''))).json().myParticipantId;
    const goal = await created<{ id: string }>(yasmina, url('goals'), { text: 'Mijn rijbewijs halen', lifeDomainId: domains.school, memberIds: [yasminaId] });
    const { participantId, teacher } = await inviteTeacher(coach, 'coach.school@school.example');
    const byParent = await malika.request('POST', url('consents'), { body: { participantId, itemType: 'goal', itemId: goal.id } });
    expect(byParent.statusCode).toBe(422);
    expect(byParent.json().error.details[0]).toMatchObject({ field: 'itemId', code: 'notYours' });
    // Sharing the whole school domain does not reach what is about Yasmina.
    await created(malika, url('consents'), { participantId, lifeDomainId: domains.school });
    expect(textsOf((await teacher.request('GET', url('plan'))).json().goals)).toEqual(['Sami krijgt hulp bij zijn huiswerk']);
    expect((await teacher.request('GET', url(`goals/${goal.id}`))).statusCode).toBe(404);
    const own = await created(yasmina, url('consents'), { participantId, itemType: 'goal', itemId: goal.id });
    expect(own).toMatchObject({ status: 'active', decidedBy: 'young_person', approvedByName: 'Yasmina' });
    expect(textsOf((await teacher.request('GET', url('plan'))).json().goals)).toEqual(['Mijn rijbewijs halen', 'Sami krijgt hulp bij zijn huiswerk']);
  });

  it('refuses bad input with a clear field error and changes nothing', async () => {
    const before = (await malika.request('GET', url('consents'))).json().grants.length;
    const oma = (await malika.request('GET', url('consents'))).json().people.find((p: { displayName: string }) => p.displayName === 'Oma Fatima');
    const malikaId = (await malika.request('GET', url(''))).json().myParticipantId;
    for (const body of [
      { participantId: oma.participantId },
      { participantId: oma.participantId, lifeDomainId: domains.school, itemType: 'goal', itemId: domains.money },
      { participantId: malikaId, lifeDomainId: domains.school },
      { participantId: oma.participantId, lifeDomainId: domains.school, validUntil: '2020-01-01' },
    ]) {
      const res = await malika.request('POST', url('consents'), { body });
      expect(res.statusCode, JSON.stringify(body)).toBe(422);
      expect(res.json().error.details[0].message).not.toBe('');
    }
    expect((await malika.request('GET', url('consents'))).json().grants.length).toBe(before);
  });
});

describe('prior involvement', () => {
  it('a coach declares it; a parent decides about the records; the family reads it', async () => {
    const declared = await created<{ id: string; version: number }>(coach, url('prior-involvements'), { organisationName: 'CAW Antwerpen', description: 'Ik begeleidde Malika in 2023 bij de huurwaarborg.', askRecords: true });
    expect(declared).toMatchObject({ recordsConsent: 'asked', coachName: 'Sofie Janssens' });
    expect((await malika.request('POST', url('prior-involvements'), { body: { organisationName: 'x', description: 'y' } })).statusCode).toBe(403);
    const answer = await malika.request('POST', url(`prior-involvements/${declared.id}/decision`), { body: { decision: 'refused' }, headers: ifMatch(declared.version) });
    expect(answer.json()).toMatchObject({ recordsConsent: 'refused', decidedByName: 'Malika' });
    expect((await malika.request('GET', url('prior-involvements'))).json().items).toHaveLength(1);
  });
});

describe('the family takes its whole file along', () => {
  it('JSON and PDF hold everything the asker may see; for the family also who may see what and who looked', async () => {
    const { teacher, participantId } = await inviteTeacher(malika, 'meester.jan@school.example', 'Meester Jan');
    await created(malika, url('consents'), { participantId, lifeDomainId: domains.school });
    await teacher.request('GET', url('plan'));

    const mine = (await malika.request('GET', url('export?format=json'))).json();
    expect(mine.accessLog.some((e: { actorName: string; action: string; entityType: string }) => e.actorName === 'Meester Jan' && e.action === 'read')).toBe(true);
    expect(mine.sharing.some((g: { participantName: string }) => g.participantName === 'Meester Jan')).toBe(true);
    expect(mine.history.length).toBeGreaterThan(15);
    expect(textsOf(mine.plan.goals)).toContain('Een afbetalingsplan voor de energie');

    const theirs = await teacher.request('GET', url('export?format=json'));
    expect(theirs.json()).not.toHaveProperty('accessLog');
    expect(theirs.json()).not.toHaveProperty('sharing');
    expect(theirs.body).not.toContain('afbetalingsplan');
    expect(textsOf(theirs.json().plan.goals)).toEqual(['Sami krijgt hulp bij zijn huiswerk']);

    const pdf = await malika.request('GET', url('export?format=pdf&contents=file'));
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = pdfText(pdf.rawPayload);
    for (const words of ['Het dossier van', 'Wie keek in ons dossier', 'Meester Jan', 'Gesprekken en contacten', 'Een afbetalingsplan']) expect(text).toContain(words);
    const theirPdf = pdfText((await teacher.request('GET', url('export?format=pdf&contents=file'))).rawPayload);
    expect(theirPdf).toContain('Sami krijgt hulp');
    expect(theirPdf).not.toContain('afbetalingsplan');
    expect(theirPdf).not.toContain('Wie keek in ons dossier');
  });
});

describe('private items', () => {
  it('are for family members; a coach writes one only for a member, who then sees it, and the rest of the family does not', async () => {
    const own = await coach.request('POST', url('worries'), { body: { text: 'Mijn eigen notitie', lifeDomainId: domains.money, isPrivate: true } });
    expect(own.statusCode).toBe(422);
    expect(own.json().error.details[0]).toMatchObject({ field: 'isPrivate', code: 'privateIsForFamily' });

    const members = (await coach.request('GET', url('members'))).json().items;
    const id = (name: string) => members.find((m: { displayName: string }) => m.displayName === name).id;
    const forMalika = await created<{ id: string }>(coach, url('worries'), { text: 'Malika wil dit voor zich houden', lifeDomainId: domains.money, isPrivate: true, onBehalfOfParticipantId: id('Malika') });
    await created(coach, url('invitations'), { participantId: id('Yasmina'), email: 'yasmina@gezinsplan.example' });
    const yasmina = await redeemLink(t.app, tokenInLink((await latestMailTo(t.db, 'yasmina@gezinsplan.example')).text, '/sign-in/link'));
    expect((await malika.request('GET', url(`worries/${forMalika.id}`))).statusCode).toBe(200);
    expect((await coach.request('GET', url(`worries/${forMalika.id}`))).statusCode).toBe(200);
    expect((await yasmina.request('GET', url(`worries/${forMalika.id}`))).statusCode).toBe(404);
    expect((await yasmina.request('GET', url('plan'))).body).not.toContain('voor zich houden');
  });

  it('a parent cannot hide the coach\'s contact note from the rest of the family', async () => {
    const note = await created<{ id: string; version: number }>(coach, url('contacts'), { occurredOn: '2026-11-20', place: 'phone', summary: 'Telefoon met Malika over de school' });
    const hide = await malika.request('PATCH', url(`contacts/${note.id}`), { body: { isPrivate: true }, headers: ifMatch(note.version) });
    expect(hide.statusCode).toBe(403);
  });
});

describe('"may also add"', () => {
  it('lets someone add to the shared life domain and change what they added, nothing else', async () => {
    const { teacher, participantId } = await inviteTeacher(malika, 'meester.ali@school.example', 'Meester Ali');
    const worry = { text: 'Sami is moe in de klas', lifeDomainId: domains.school };
    expect((await teacher.request('POST', url('worries'), { body: worry })).statusCode).toBe(403);
    const grant = await created<{ id: string; version: number }>(malika, url('consents'), { participantId, lifeDomainId: domains.school, level: 'contribute' });

    expect((await teacher.request('GET', url(''))).json().contributeLifeDomainIds).toEqual([domains.school]);
    expect((await malika.request('GET', url(''))).json().contributeLifeDomainIds).toEqual([]);
    const added = await created<{ id: string; version: number; authorName: string }>(teacher, url('worries'), worry);
    expect(added.authorName).toBe('Meester Ali');
    expect(textsOf((await malika.request('GET', url('worries'))).json().items)).toContain('Sami is moe in de klas');
    const changed = await teacher.request('PATCH', url(`worries/${added.id}`), { body: { text: 'Sami is vaak moe in de klas' }, headers: ifMatch(added.version) });
    expect(changed.statusCode).toBe(200);
    for (const [method, path, body] of [
      ['POST', 'worries', { text: 'Iets over geld', lifeDomainId: domains.money }],
      ['PATCH', `worries/${added.id}`, { lifeDomainId: domains.money }],
      ['POST', 'worries', { ...worry, isPrivate: true }],
    ] as const) {
      const res = await teacher.request(method, url(path), { body, headers: ifMatch(changed.json().version) });
      expect([403, 422], `${method} ${path}`).toContain(res.statusCode);
    }
    const sami = (await malika.request('GET', url('goals'))).json().items.find((g: { text: string }) => g.text.startsWith('Sami'));
    expect((await teacher.request('PATCH', url(`goals/${sami.id}`), { body: { text: 'Anders' }, headers: ifMatch(sami.version) })).statusCode).toBe(403);

    await malika.request('DELETE', url(`consents/${grant.id}`), { headers: ifMatch(grant.version) });
    expect((await teacher.request('POST', url('worries'), { body: worry })).statusCode).toBe(403);
    expect((await teacher.request('GET', url(''))).json().contributeLifeDomainIds).toEqual([]);
  });
});

describe('one contact moment shared on its own', () => {
  it('shows to that person in the contacts, and nothing else of the file comes with it', async () => {
    const oma = await signInByLink(t.app, t.db, 'oma.fatima@gezinsplan.example');
    const note = await created<{ id: string }>(coach, url('contacts'), { occurredOn: '2026-11-25', place: 'home', summary: 'Oma helpt op woensdag', lifeDomainId: domains.money });
    const before = (await oma.request('GET', url('contacts'))).json().items.map((c: { summary: string }) => c.summary);
    expect(before).not.toContain('Oma helpt op woensdag');
    const omaId = (await malika.request('GET', url('consents'))).json().people.find((p: { displayName: string }) => p.displayName === 'Oma Fatima').participantId;
    await created(malika, url('consents'), { participantId: omaId, itemType: 'contact_moment', itemId: note.id });
    const after = (await oma.request('GET', url('contacts'))).json().items.map((c: { summary: string }) => c.summary);
    expect([...after].sort()).toEqual([...before, 'Oma helpt op woensdag'].sort());
    expect((await oma.request('GET', url('goals'))).body).not.toContain('afbetalingsplan');
  });
});

describe('sharing someone of the network', () => {
  it('their contact details go only to whom the family gives them, apart from knowing who they are', async () => {
    const oma = await signInByLink(t.app, t.db, 'oma.fatima@gezinsplan.example');
    const overview = (await malika.request('GET', url('consents'))).json();
    const contacts = overview.items.filter((i: { itemType: string }) => i.itemType === 'network_contact');
    expect(contacts.length).toBeGreaterThan(0);
    const person = contacts[0];
    const seen = async () => (await oma.request('GET', url('network'))).json().people.find((p: { id: string }) => p.id === person.id);
    expect((await seen())?.contact ?? null).toBeNull();
    const omaId = overview.people.find((p: { displayName: string }) => p.displayName === 'Oma Fatima').participantId;
    await created(malika, url('consents'), { participantId: omaId, itemType: 'network_person', itemId: person.id });
    expect((await seen()).contact).toBeNull();
    await created(malika, url('consents'), { participantId: omaId, itemType: 'network_contact', itemId: person.id });
    expect((await seen()).contact).not.toBeNull();
  });
});
