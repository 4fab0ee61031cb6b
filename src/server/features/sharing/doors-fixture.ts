import { beforeAll } from 'vitest';
import { demo, redeemLink, signIn, signInByLink, useTestApp, type Client } from '../../test/harness.ts';
import { latestMailTo, RANDOM_UUID, tokenInLink } from '../../test/helpers.ts';
import { created, ifMatch } from '../plan/plan-test-support.ts';

/*
 * The family decides who sees what. The door tests try every door of Malika's file (demo data) as
 * everyone who should not get through it: a teacher she shared only "school" with (and one worry),
 * Oma Fatima (network: "friends" and "mind"), Yasmina and Malika against each other's private
 * items, the parent and the coach of another family, the coordinator outside the circle, Gent's
 * staff and someone who was removed. This is the family they all meet, set up once per test file.
 */

export const SHARED_SCHOOL_GOAL = 'Sami krijgt hulp bij zijn huiswerk';
/** What nobody but the coach (and, for private items, their author) may see: texts and ids. */
export const TEXT = {
  moneyGoal: 'Kluisdoel schuldbemiddeling', moneyAgreement: 'Kluisafspraak met de deurwaarder', moneyContact: 'Kluiscontact over de beslaglegging',
  malikaPrivate: 'Malikadagboek over haar ex', yasminaPrivate: 'Yasminadagboek over haar lief',
};
/** Demo content outside school, friends and mind: money, the first home visit, the evaluation's summary, a question. */
export const DEMO_UNSHARED = ['Achterstand bij de energiefactuur', 'Een afbetalingsplan voor de energie', 'Eerste huisbezoek', 'De schulden lopen nog', 'Ik zie door de bomen'];
export const CONTACT_DETAILS = ['malika@gezinsplan.example', 'yasmina@gezinsplan.example', '0470 11 22 33', '1985-03-04', 'Rust en stilte'];

export interface DoorsWorld {
  t: ReturnType<typeof useTestApp>;
  as: Record<string, Client>;
  pid: Record<string, string>;
  id: Record<string, string>;
  familyId: string;
  domains: Record<string, string>;
  schoolGrant: { id: string; version: number };
  url: (path: string) => string;
  randomFamily: (path: string) => string;
}

export function useDoorsWorld(): DoorsWorld {
  const t = useTestApp();
  const w = { t, as: {}, pid: {}, id: {}, familyId: '', domains: {}, schoolGrant: { id: '', version: 0 } } as unknown as DoorsWorld;
  w.url = (path: string) => `/api/v1/families/${w.familyId}${path ? `/${path}` : ''}`;
  w.randomFamily = (path: string) => `/api/v1/families/${RANDOM_UUID}${path ? `/${path}` : ''}`;
  beforeAll(async () => {
    const { as, pid, id, url } = w;

    as.coach = await signIn(t.app, demo('coach2', 'antwerpen'));
    w.familyId = (await as.coach.request('GET', '/api/v1/families?q=Malika')).json().items[0].id;
    const plan = (await as.coach.request('GET', url('plan'))).json();
    w.domains = Object.fromEntries(plan.lifeDomains.map((d: { pictogram: string; id: string }) => [d.pictogram, d.id]));
    as.malika = await signInByLink(t.app, t.db, 'malika@gezinsplan.example');
    as.oma = await signInByLink(t.app, t.db, 'oma.fatima@gezinsplan.example');
    as.jason = await signInByLink(t.app, t.db, 'jason@gezinsplan.example');
    for (const [key, email] of Object.entries({
      otherCoach: demo('coach1', 'antwerpen'), coordinator: demo('coordinator', 'antwerpen'),
      gentCoordinator: demo('coordinator', 'gent'), gentCoach: demo('coach1', 'gent'),
    })) as[key] = await signIn(t.app, email);
    const members = (await as.coach.request('GET', url('members'))).json().items as { id: string; displayName: string; version: number }[];
    pid.malika = members.find((m) => m.displayName === 'Malika')!.id;
    pid.yasmina = members.find((m) => m.displayName === 'Yasmina')!.id;
    // Contact details of Malika, so there is something to leak.
    const malikaMember = members.find((m) => m.id === pid.malika)!;
    const patched = await as.coach.request('PATCH', url(`members/${pid.malika}`), { body: { phone: '0470 11 22 33', dateOfBirth: '1985-03-04', importantToMe: 'Rust en stilte' }, headers: ifMatch(malikaMember.version) });
    if (patched.statusCode !== 200) throw new Error(patched.body);

    // Yasmina is invited and signs in by the link in the mail.
    await created(as.coach, url('invitations'), { participantId: pid.yasmina, email: 'yasmina@gezinsplan.example' });
    as.yasmina = await redeemLink(t.app, tokenInLink((await latestMailTo(t.db, 'yasmina@gezinsplan.example')).text, '/sign-in/link'));
    // Malika invites the teacher and shares "school" with him, to read.
    pid.teacher = (await created<{ participantId: string }>(as.malika, url('invitations'), { displayName: 'Meester Tom', role: 'outside_professional', relation: 'leerkracht van Sami', email: 'tom@school.example' })).participantId;
    as.teacher = await redeemLink(t.app, tokenInLink((await latestMailTo(t.db, 'tom@school.example')).text, '/sign-in/link'));
    w.schoolGrant = await created(as.malika, url('consents'), { participantId: pid.teacher, lifeDomainId: w.domains.school, level: 'read' });

    id.moneyGoal = (await created(as.coach, url('goals'), { text: TEXT.moneyGoal, lifeDomainId: w.domains.money })).id;
    id.moneyAgreement = (await created(as.coach, url('agreements'), { what: TEXT.moneyAgreement, goalId: id.moneyGoal, ownerParticipantId: pid.malika })).id;
    id.moneyContact = (await created(as.coach, url('contacts'), { occurredOn: '2026-11-20', place: 'home', summary: TEXT.moneyContact, lifeDomainId: w.domains.money })).id;
    id.malikaPrivate = (await created(as.malika, url('worries'), { text: TEXT.malikaPrivate, lifeDomainId: w.domains.school, isPrivate: true })).id;
    id.yasminaPrivate = (await created(as.yasmina, url('goals'), { text: TEXT.yasminaPrivate, lifeDomainId: w.domains.school, memberIds: [pid.yasmina], isPrivate: true })).id;
    // One single item shared on its own with the teacher: a worry about money.
    id.sharedWorry = (await created(as.coach, url('worries'), { text: 'Huiswerk lukt niet door de geldzorgen', lifeDomainId: w.domains.money })).id;
    await created(as.malika, url('consents'), { participantId: pid.teacher, itemType: 'worry', itemId: id.sharedWorry });
    // A saved version that holds all of it.
    id.version = (await created(as.coach, url('plan/versions'), { label: 'Met alles erin' })).id;
  });
  return w;
}
