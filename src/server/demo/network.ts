import type { HelpKind } from '../../shared/network-constants.ts';
import type { FamilyScope } from '../access/family-scope.ts';
import type { Tx } from '../db/connection.ts';
import { socialMapEntries } from '../db/schema/index.ts';
import type { RequestContext } from '../http/context.ts';
import { createPerson, createTie } from '../features/network/service.ts';
import { createService } from '../features/services/service.ts';

/*
 * The network, the help overview and the social map of the demo: Malika's network as the coach
 * mapped it (the helpers, a neighbour, grandmother, the home help in two roles, a girl from the
 * street who helps with homework), and Pieter's around aunt Caro. All fictitious.
 */

interface DemoFamily {
  ids: Record<string, string>;
  scope: FamilyScope;
  ctx: RequestContext;
  domain: (pictogram: string) => string;
}

type PersonSeed = {
  key: string; name: string; relation: string; ring: 1 | 2 | 3; roles: HelpKind[]; importance?: number; phone?: string; callAnytime?: boolean;
  offers?: string; status?: 'involved' | 'asked' | 'declined'; slots?: [weekday: number, from: string, to: string, kind?: HelpKind][]; tie?: 'strong' | 'weak' | 'stressful';
};

async function seedPeople(tx: Tx, f: DemoFamily, people: PersonSeed[]): Promise<Record<string, string>> {
  const made: Record<string, string> = {};
  for (const p of people) {
    const person = await createPerson(tx, f.ctx, f.scope, {
      name: p.name, relation: p.relation, ring: p.ring, roles: p.roles, importance: p.importance ?? null, phone: p.phone ?? null,
      callAnytime: p.callAnytime ?? false, offers: p.offers ?? null, status: p.status ?? 'involved',
      availability: (p.slots ?? []).map(([weekday, startsAt, endsAt, helpKind]) => ({ weekday, startsAt, endsAt, helpKind: helpKind ?? null })),
    });
    made[p.key] = person.id;
    if (p.tie) await createTie(tx, f.ctx, f.scope, { fromPersonId: null, toPersonId: person.id, kind: p.tie, note: null });
  }
  return made;
}

export async function seedDemoNetworks(tx: Tx, malika: DemoFamily, pieter: DemoFamily): Promise<void> {
  const m = await seedPeople(tx, malika, [
    { key: 'oma', name: 'Oma Fatima', relation: 'grootmoeder', ring: 2, roles: ['childcare', 'listening'], importance: 5, phone: '0470 11 22 33', slots: [[3, '17:00', '21:00', 'childcare']], tie: 'strong' },
    { key: 'annick', name: 'Annick', relation: 'buurvrouw', ring: 2, roles: ['driving', 'shopping'], importance: 4, phone: '0471 22 33 44', slots: [[2, '08:00', '08:30', 'driving'], [4, '08:00', '08:30', 'driving']], tie: 'strong' },
    { key: 'leila', name: 'Leila', relation: 'meisje uit de straat', ring: 2, roles: ['homework'], importance: 4, slots: [[2, '16:00', '17:30'], [4, '16:00', '17:30']], tie: 'weak' },
    { key: 'tante', name: 'Tante Samira', relation: 'zus van Malika', ring: 2, roles: ['childcare'], status: 'declined', tie: 'stressful' },
    { key: 'hanne', name: 'Hanne (gezinszorg)', relation: 'thuishulp, luistert ook', ring: 3, roles: ['household', 'listening'], importance: 5, phone: '03 200 10 10', callAnytime: true, tie: 'strong' },
    { key: 'jeroen', name: 'Jeroen (OCMW)', relation: 'maatschappelijk werker', ring: 3, roles: ['finances', 'paperwork'], phone: '03 200 20 20', slots: [[1, '09:00', '12:00'], [3, '09:00', '12:00']], tie: 'weak' },
    { key: 'clb', name: 'Ann (CLB)', relation: 'CLB-medewerker van Sami', ring: 3, roles: ['other'], phone: '03 200 30 30', tie: 'weak' },
  ]);
  await createTie(tx, malika.ctx, malika.scope, { fromPersonId: m.oma!, toPersonId: m.tante!, kind: 'stressful', note: null });
  const { ids: p, domain } = malika;
  const service = (body: Parameters<typeof createService>[3]) => createService(tx, malika.ctx, malika.scope, body);
  const base = { memberIds: [] as string[], status: 'active' as const };
  await service({ ...base, organisation: 'OCMW', kindOfHelp: 'Budgetbegeleiding', memberIds: [p.malika!], lifeDomainId: domain('money'), since: '2025-10-01', contactPerson: 'Jeroen', contactPhone: '03 200 20 20', familyExpects: 'Een afbetalingsplan voor de energie' });
  await service({ ...base, organisation: 'Gezinszorg', kindOfHelp: 'Poetshulp en een luisterend oor', memberIds: [p.malika!], lifeDomainId: domain('home'), since: '2025-06-01', contactPerson: 'Hanne' });
  await service({ ...base, organisation: 'CLB', kindOfHelp: 'Begeleiding op school', memberIds: [p.sami!], lifeDomainId: domain('school'), since: '2026-09-01', contactPerson: 'Ann' });
  await service({ ...base, organisation: 'Pleegzorg', kindOfHelp: 'Pleeggezin', memberIds: [p.nour!], lifeDomainId: domain('parenting'), since: '2024-02-01' });
  await service({ ...base, organisation: 'Leefgroep De Brug', kindOfHelp: 'Leefgroep en contextbegeleiding', memberIds: [p.yasmina!, p.bilal!], lifeDomainId: domain('parenting'), since: '2025-01-15' });
  await service({ ...base, organisation: 'CGG', kindOfHelp: 'Therapie', memberIds: [p.adam!], lifeDomainId: domain('mind'), status: 'waiting', waitingSince: '2026-08-20', expected: 'voorjaar 2027', bridging: 'De gezinscoach komt twee keer per maand langs' });

  await seedPeople(tx, pieter, [
    { key: 'caro', name: 'Tante Caro', relation: 'tante, Pieter woont bij haar', ring: 2, roles: ['childcare', 'driving', 'listening'], importance: 5, phone: '0472 33 44 55', callAnytime: true, tie: 'strong' },
    { key: 'dirk', name: 'Oom Dirk', relation: 'oom', ring: 2, roles: ['driving'], phone: '0473 44 55 66', slots: [[6, '09:00', '18:00', 'driving']], tie: 'weak' },
    { key: 'juf', name: 'Juf Sarah', relation: 'leerkracht van Pieter', ring: 3, roles: ['homework'], tie: 'weak' },
  ]);
  const q = pieter.ids;
  await createService(tx, pieter.ctx, pieter.scope, { memberIds: [q.pieter!], organisation: 'Pleegzorg', kindOfHelp: 'Tante Caro als ondersteunend pleeggezin', lifeDomainId: pieter.domain('parenting'), status: 'active', since: '2026-10-01' });
  await createService(tx, pieter.ctx, pieter.scope, { memberIds: [q.jason!], organisation: 'CKG', kindOfHelp: 'Opvoedingsondersteuning', lifeDomainId: pieter.domain('parenting'), status: 'waiting', waitingSince: '2026-11-01', expected: 'over 2 maanden', bridging: 'Coach Chris' });
}

export async function seedDemoSocialMap(tx: Tx, collaborationId: string, key: 'antwerpen' | 'gent', now: Date): Promise<void> {
  const long = new Date(now.getTime() - 300 * 86_400_000);
  const city = key === 'antwerpen' ? ['2000', '2018', '2060'] : ['9000', '9040', '9050'];
  await tx.insert(socialMapEntries).values([
    { collaborationId, organisation: 'CKG De Boomhut', service: 'Opvoedingsondersteuning aan huis', description: 'Een begeleider komt thuis helpen bij opvoedingsvragen.', targetGroup: 'Gezinnen met kinderen tot 12 jaar', postcodes: city, howToRegister: 'Bellen of mailen; ook de gezinscoach kan aanmelden.', contact: '03 300 10 10', waitingWeeks: 8, waitingConfirmedAt: now },
    { collaborationId, organisation: 'OCMW', service: 'Budgetbegeleiding en schuldbemiddeling', targetGroup: 'Inwoners van de stad', postcodes: city, howToRegister: 'Afspraak bij de sociale dienst', contact: '03 300 20 20', waitingWeeks: 4, waitingConfirmedAt: long },
    { collaborationId, organisation: 'CGG Kind en Jeugd', service: 'Therapie voor kinderen en jongeren', targetGroup: 'Kinderen en jongeren tot 18', howToRegister: 'Aanmelden via de huisarts, het CLB of de gezinscoach', contact: '03 300 30 30', waitingWeeks: 26, waitingConfirmedAt: now },
    { collaborationId, organisation: 'CAW', service: 'Onthaal: met elke vraag welkom', howToRegister: 'Zonder afspraak langskomen', contact: '078 15 03 00', waitingWeeks: 0, waitingConfirmedAt: now },
    { collaborationId, organisation: 'Huis van het Kind', service: 'Spelinloop en ontmoeting voor ouders', targetGroup: 'Ouders met jonge kinderen', postcodes: city.slice(0, 1), howToRegister: 'Gewoon binnenlopen' },
  ]);
}
