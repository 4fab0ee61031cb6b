import { eq } from 'drizzle-orm';
import type { ParticipantRole } from '../../shared/roles.ts';
import { loadActor } from '../access/actor.ts';
import type { FamilyScope } from '../access/family-scope.ts';
import type { Tx } from '../db/connection.ts';
import { families, familyParticipants, lifeDomains, planTemplates } from '../db/schema/index.ts';
import type { RequestContext } from '../http/context.ts';
import { createAgreement, updateAgreement } from '../features/plan/agreements-service.ts';
import { createContact } from '../features/families/service.ts';
import { createEvaluation } from '../features/plan/evaluations.ts';
import { createItem, updateItem } from '../features/plan/items-service.ts';
import { STANDARD_SECTIONS } from '../features/plan/plan-read.ts';
import { saveVersion } from '../features/plan/versions.ts';
import { brusselsDate } from '../features/registrations/timing.ts';
import { seedDemoNetworks, seedDemoSocialMap } from './network.ts';

/*
 * Two families after the stories in DOMAIN.md (first names from the stories, invented surnames,
 * everything fictitious): Malika's, months into the trajectory with an evaluation behind it, and
 * Pieter's, at the start. They are built through the same commands as the screens use, so the
 * history, the versions and the access log are real.
 */

type Person = [key: string, role: ParticipantRole, name: string, relation: string | null, birthYear?: number];
const DAY = 86_400_000;

const MALIKA: Person[] = [
  ['malika', 'parent', 'Malika', 'mama'], ['yasmina', 'young_person', 'Yasmina', 'dochter', 2009], ['bilal', 'child', 'Bilal', 'zoon', 2012],
  ['nour', 'child', 'Nour', 'dochter', 2014], ['adam', 'child', 'Adam', 'zoon', 2016], ['lina', 'child', 'Lina', 'dochter', 2018],
  ['sami', 'child', 'Sami', 'jongste zoon', 2019], ['oma', 'network_member', 'Oma Fatima', 'grootmoeder'],
  ['annick', 'network_member', 'Annick', 'buurvrouw'], ['leila', 'network_member', 'Leila', 'meisje uit de straat, helpt met huiswerk'],
  ['hanne', 'outside_professional', 'Hanne', 'gezinszorg (poetst, luistert ook)'], ['ocmw', 'outside_professional', 'Jeroen', 'OCMW, maatschappelijk werker'],
];

const PIETER: Person[] = [
  ['jason', 'parent', 'Jason', 'papa'], ['pieter', 'child', 'Pieter', 'zoon', 2017], ['caro', 'network_member', 'Tante Caro', 'tante, Pieter woont bij haar'],
  ['oom', 'network_member', 'Oom Dirk', 'oom'], ['juf', 'outside_professional', 'Juf Sarah', 'leerkracht van Pieter'],
];

async function makeFamily(tx: Tx, collaborationId: string, displayName: string, coachUserId: string, people: Person[]) {
  const [family] = await tx.insert(families).values({ collaborationId, displayName, status: 'active' }).returning({ id: families.id });
  const familyId = family!.id;
  const ids: Record<string, string> = {};
  const actor = (await loadActor(tx, coachUserId))!;
  const [coach] = await tx.insert(familyParticipants).values({ collaborationId, familyId, userId: coachUserId, displayName: actor.name, role: 'coach', ring: 3 }).returning({ id: familyParticipants.id });
  for (const [key, role, name, relation, birthYear] of people) {
    const ring = role === 'network_member' ? 2 : role === 'outside_professional' ? 3 : 1;
    const [row] = await tx.insert(familyParticipants).values({ collaborationId, familyId, displayName: name, relation, role, ring, birthYear: birthYear ?? null }).returning({ id: familyParticipants.id });
    ids[key] = row!.id;
  }
  const scope: FamilyScope = { collaborationId, familyId, participantId: coach!.id, participantRole: 'coach', reach: 'full', emergency: null, closed: false };
  const ctx: RequestContext = { requestId: 'demo-seed', clientAddress: '127.0.0.1', userAgent: null, locale: 'nl-BE', actor, sessionTokenHash: null, sessionLevel: null, csrfToken: null };
  const domains = await tx.select({ id: lifeDomains.id, pictogram: lifeDomains.pictogram }).from(lifeDomains).where(eq(lifeDomains.collaborationId, collaborationId));
  const domain = (pictogram: string) => domains.find((d) => d.pictogram === pictogram)!.id;
  return { familyId, ids, scope, ctx, domain };
}

type Made = Awaited<ReturnType<typeof makeFamily>>;

export async function seedDemoFamilies(tx: Tx, key: 'antwerpen' | 'gent', collaborationId: string, coaches: { coach1: string; coach2: string }, now: Date): Promise<void> {
  await tx.insert(planTemplates).values({ collaborationId, name: key === 'antwerpen' ? 'Gezinsplan (vier delen)' : 'Ons plan', isDefault: true, sections: STANDARD_SECTIONS });
  await seedDemoSocialMap(tx, collaborationId, key, now);
  if (key !== 'antwerpen') return;
  const daysAgo = (n: number) => brusselsDate(new Date(now.getTime() - n * DAY));
  const add = (m: Made, kind: 'question' | 'strength' | 'worry' | 'goal', text: string, extra: Record<string, unknown> = {}) =>
    createItem(tx, m.ctx, m.scope, kind, { text, memberIds: [], isPrivate: false, ...extra });

  const malika = await makeFamily(tx, collaborationId, 'Gezin El Amrani (Malika)', coaches.coach2, MALIKA);
  const { ids: p, domain } = malika;
  await createContact(tx, malika.ctx, malika.scope, { occurredOn: daysAgo(120), place: 'home', presentParticipantIds: [p.malika!], summary: 'Eerste huisbezoek. Malika vertelt over alle hulpverleners; ze ziet het niet meer.', minutesSpent: 90, isPrivate: false }, now);
  await add(malika, 'question', 'Ik zie door de bomen het bos niet meer. Wie helpt mij waarmee?', { memberIds: [p.malika], onBehalfOfParticipantId: p.malika });
  const overview = await add(malika, 'worry', 'Veel hulpverleners en geen overzicht', { lifeDomainId: domain('friends'), size: 5, memberIds: [p.malika] });
  const bills = await add(malika, 'worry', 'Achterstand bij de energiefactuur', { lifeDomainId: domain('money'), size: 4, memberIds: [p.malika] });
  await add(malika, 'worry', 'Sami kan niet goed mee op school', { lifeDomainId: domain('school'), size: 4, memberIds: [p.sami] });
  const cares = await add(malika, 'strength', 'Malika zorgt goed voor haar zes kinderen', { lifeDomainId: domain('parenting'), size: 3, memberIds: [p.malika] });
  await add(malika, 'strength', 'Oma Fatima komt elke woensdag', { lifeDomainId: domain('friends'), size: 3 });
  const map = await add(malika, 'goal', 'Weten wie mij waarmee helpt', { lifeDomainId: domain('friends'), memberIds: [p.malika], whyItMatters: 'Dan moet ik mijn verhaal niet telkens opnieuw vertellen.', progress: 1, onBehalfOfParticipantId: p.malika });
  const pay = await add(malika, 'goal', 'Een afbetalingsplan voor de energie', { lifeDomainId: domain('money'), memberIds: [p.malika], targetDate: daysAgo(-60), progress: 1 });
  const homework = await add(malika, 'goal', 'Sami krijgt hulp bij zijn huiswerk', { lifeDomainId: domain('school'), memberIds: [p.sami], progress: 1 });
  await saveVersion(tx, malika.ctx, malika.scope, 'start', 'Bij de start', now);

  const helpMap = await createAgreement(tx, malika.ctx, malika.scope, { what: 'Een overzicht maken van alle hulp, samen met Malika', goalId: map.id, ownerParticipantId: malika.scope.participantId!, dueDate: daysAgo(80), status: 'open', isPrivate: false }, now);
  await updateAgreement(tx, malika.ctx, malika.scope, helpMap.id, helpMap.version, { status: 'done' }, now);
  await createAgreement(tx, malika.ctx, malika.scope, { what: 'Een afbetalingsplan voorstellen', goalId: pay.id, ownerParticipantId: p.ocmw!, dueDate: daysAgo(5), status: 'open', isPrivate: false }, now);
  await createAgreement(tx, malika.ctx, malika.scope, { what: 'Op dinsdag en donderdag huiswerk maken met Sami', goalId: homework.id, ownerParticipantId: p.leila!, dueDate: null, status: 'open', isPrivate: false }, now);
  await createAgreement(tx, malika.ctx, malika.scope, { what: 'Op woensdagavond oppassen, zodat Malika tijd voor zichzelf heeft', lifeDomainId: domain('mind'), ownerParticipantId: p.oma!, dueDate: null, status: 'open', isPrivate: false }, now);
  await createContact(tx, malika.ctx, malika.scope, { occurredOn: daysAgo(40), place: 'home', presentParticipantIds: [p.malika!, p.oma!, p.annick!, p.hanne!, p.ocmw!], summary: 'Netwerktafel bij Malika thuis. De coach zat voor, op vraag van Malika. Iedereen weet nu wie wat doet.', minutesSpent: 120, isPrivate: false }, now);
  await updateItem(tx, malika.ctx, malika.scope, 'worry', overview.id, overview.version, { size: 2 });
  await updateItem(tx, malika.ctx, malika.scope, 'worry', bills.id, bills.version, { size: 3 });
  await updateItem(tx, malika.ctx, malika.scope, 'strength', cares.id, cares.version, { size: 4 });
  await updateItem(tx, malika.ctx, malika.scope, 'goal', homework.id, homework.version, { progress: 3 });
  await createEvaluation(tx, malika.ctx, malika.scope, {
    heldOn: daysAgo(10), summary: 'Malika heeft weer overzicht. De schulden lopen nog.', onBehalfOfParticipantId: p.malika,
    goals: [
      { goalId: map.id, wentWell: 'Het overzicht hangt op de koelkast.', gotStuck: null, decision: 'reached', newText: null },
      { goalId: pay.id, wentWell: null, gotStuck: 'Het OCMW wacht nog op papieren.', decision: 'continue', newText: null },
    ],
    newGoals: [{ text: 'Malika heeft één avond per week voor zichzelf', lifeDomainId: domain('mind'), memberIds: [p.malika!], isPrivate: false, status: 'active', progress: 2 }],
  }, now);

  const pieter = await makeFamily(tx, collaborationId, 'Gezin Verbeeck (Pieter)', coaches.coach1, PIETER);
  const q = pieter.ids;
  await createContact(tx, pieter.ctx, pieter.scope, { occurredOn: daysAgo(12), place: 'elsewhere', placeDetail: 'bij tante Caro', presentParticipantIds: [q.jason!, q.caro!, q.pieter!], summary: 'Kennismaking. Jason zoekt een huis; Pieter woont voorlopig bij tante Caro.', minutesSpent: 75, isPrivate: false }, now);
  await add(pieter, 'question', 'Ik wil dat Pieter terug bij mij kan wonen.', { memberIds: [q.jason], onBehalfOfParticipantId: q.jason });
  await add(pieter, 'worry', 'Jason heeft geen woning', { lifeDomainId: pieter.domain('home'), size: 5, memberIds: [q.jason] });
  await add(pieter, 'worry', 'Pieter mist zijn mama', { lifeDomainId: pieter.domain('mind'), size: 4, memberIds: [q.pieter] });
  await add(pieter, 'strength', 'Tante Caro vangt Pieter warm op', { lifeDomainId: pieter.domain('parenting'), size: 4, memberIds: [q.pieter] });
  const house = await add(pieter, 'goal', 'Een betaalbare woning voor Jason en Pieter', { lifeDomainId: pieter.domain('home'), memberIds: [q.jason, q.pieter], progress: 1 });
  await add(pieter, 'goal', 'Pieter kan over zijn mama praten met iemand die hij vertrouwt', { lifeDomainId: pieter.domain('mind'), memberIds: [q.pieter], progress: 1 });
  await createAgreement(tx, pieter.ctx, pieter.scope, { what: 'Samen met Jason naar het OCMW voor het leefloon en de huurpremie', goalId: house.id, ownerParticipantId: pieter.scope.participantId!, dueDate: daysAgo(-7), status: 'open', isPrivate: false }, now);
  await saveVersion(tx, pieter.ctx, pieter.scope, 'start', 'Bij de start', now);
  await seedDemoNetworks(tx, malika, pieter);
}
