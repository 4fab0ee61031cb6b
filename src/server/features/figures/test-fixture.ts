import { eq } from 'drizzle-orm';
import type { ClosureReason } from '../../../shared/closure-constants.ts';
import { DEFAULT_LIFE_DOMAINS, type Pictogram } from '../../../shared/pictograms.ts';
import type { Role } from '../../../shared/roles.ts';
import type { Db } from '../../db/connection.ts';
import {
  collaborations, contactMoments, families, familyClosures, familyParticipants, lifeDomains, meetingItemPeople, meetingItems, meetings,
  memberships, networkPeople, partnerOrganisations, planItems, registrationCoaches, registrations, secondFactorPolicies, users,
} from '../../db/schema/index.ts';
import { secondFactorNotRequired } from '../second-factor/policy.ts';

/**
 * A small, hand-counted world for the figures: collaboration X (counted in the tests) and Y,
 * with coach C working in both. The period is the first quarter of 2026, in Brussels.
 */
export const PERIOD = { from: '2026-01-01', to: '2026-03-31' };
export const NOW = new Date('2026-04-15T10:00:00Z');

export interface Fixture {
  x: string; y: string; p1: string; p2: string;
  coordinator: string; coachC: string; coachD: string; referrer: string;
  familyIds: string[]; familyNames: string[];
}

const at = (day: string, time = '10:00:00') => new Date(`${day}T${time}Z`);

async function collaboration(db: Db, name: string) {
  const [c] = await db.insert(collaborations).values({ name }).returning({ id: collaborations.id });
  const id = c!.id;
  await db.insert(secondFactorPolicies).values(secondFactorNotRequired(id));
  const domains = await db.insert(lifeDomains).values(DEFAULT_LIFE_DOMAINS.map((d, position) => ({ ...d, position, collaborationId: id })))
    .returning({ id: lifeDomains.id, pictogram: lifeDomains.pictogram });
  const [p1, p2] = await db.insert(partnerOrganisations).values([{ collaborationId: id, name: `${name} CLB`, kind: 'clb' }, { collaborationId: id, name: `${name} CAW`, kind: 'caw' }])
    .returning({ id: partnerOrganisations.id });
  return { id, p1: p1!.id, p2: p2!.id, domain: (p: Pictogram) => domains.find((d) => d.pictogram === p)!.id };
}

export async function seedFixture(db: Db): Promise<Fixture> {
  const [demoUser] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.email, 'coordinator.antwerpen@gezinsplan.example'));
  const person = async (email: string, name: string) => (await db.insert(users).values({ email, name, passwordHash: demoUser!.hash }).returning({ id: users.id }))[0]!.id;
  const X = await collaboration(db, 'Figures X');
  const Y = await collaboration(db, 'Figures Y');
  const coordinator = await person('coordinator.x@figures.example', 'Coördinator X');
  const coachC = await person('coach.c@figures.example', 'Coach Celine');
  const coachD = await person('coach.d@figures.example', 'Coach Dirk');
  const referrer = await person('referrer.x@figures.example', 'Aanmelder X');
  const member = (collaborationId: string, userId: string, role: Role, partnerOrganisationId: string | null = null) => ({ collaborationId, userId, roles: [role], partnerOrganisationId });
  await db.insert(memberships).values([
    member(X.id, coordinator, 'coordinator'), member(X.id, coachC, 'coach', X.p1), member(X.id, coachD, 'coach', X.p2), member(X.id, referrer, 'referrer'),
    member(Y.id, coachC, 'coach', Y.p1),
  ]);

  // Registrations of X: [kind, referrer, reasons, received, first contact, status, coach].
  type R = ['family' | 'consultation', string, string[], string, string | null, 'forwarded' | null, string | null];
  const regs: R[] = [
    ['family', 'clb', ['many_helpers'], '2026-01-05', '2026-01-08', null, coachC], // 3 days
    ['family', 'clb', ['many_helpers', 'waiting_bridging'], '2026-01-20', '2026-02-01', null, null], // 12 days
    ['family', 'school', ['question_unclear'], '2026-02-03', '2026-02-25', null, coachD], // 22 days
    ['family', 'gp', ['other'], '2026-02-10', null, null, null], // no first contact
    ['family', 'clb', ['many_helpers'], '2026-03-01', '2026-04-10', null, null], // 40 days
    ['consultation', 'school', ['other'], '2026-03-05', null, null, null],
    ['family', 'clb', ['many_helpers'], '2025-12-20', '2026-01-02', null, null], // before the period
    ['family', 'clb', ['many_helpers'], '2026-01-10', null, 'forwarded', null], // counted where it went
  ];
  const registration = (collaborationId: string, [kind, referrerType, reasons, received, contact, status]: R, i: number) => ({
    collaborationId, kind, referrerType, reasons, receivedAt: at(received), familyName: `Fixture ${i}`, referrerName: 'Fixture',
    status: status ?? (contact ? 'first_contact' as const : 'new' as const),
    firstContactAt: contact ? at(contact, '12:00:00') : null, firstContactMethod: contact ? 'phone' as const : null,
    familyLanguage: 'nl', postcode: '2000', municipality: 'Antwerpen', question: 'Vraag', familyConsent: true,
  });
  const inserted = await db.insert(registrations).values(regs.map((r, i) => registration(X.id, r, i))).returning({ id: registrations.id });
  await db.insert(registrationCoaches).values(regs.flatMap((r, i) => (r[6] ? [{ collaborationId: X.id, registrationId: inserted[i]!.id, userId: r[6] }] : [])));
  await db.insert(registrations).values([0, 1].map((i) => registration(Y.id, ['family', 'clb', ['other'], '2026-01-12', '2026-01-14', null, null], 100 + i)));

  // Families of X: [name, status, started, last change, coaches].
  type F = [string, 'registered' | 'active' | 'closed', string, string, string[]];
  const fams: F[] = [
    ['Gezin A', 'active', '2025-11-10', '2026-01-02', [coachC, coachD]],
    ['Gezin B', 'active', '2026-02-01', '2026-02-01', [coachC]],
    // Closed families are closed on their closure (below), not on their last change.
    ['Gezin C', 'closed', '2025-10-01', '2026-04-02', [coachD]], // closed in the period, changed after it
    ['Gezin D', 'closed', '2025-05-01', '2026-01-05', [coachD]], // closed before the period, changed in it
    ['Gezin E', 'active', '2025-09-01', '2026-03-20', [coachC]], // reopened: closed, then active again
    ['Gezin F', 'registered', '2026-01-15', '2026-01-15', [coachC]], // no trajectory
    ['Gezin G', 'closed', '2025-01-06', '2026-01-20', []], // closed in the period after more than a year
    ['Gezin H', 'closed', '2026-01-05', '2026-02-20', []], // started and closed in the period
  ];
  const ids: Record<string, string> = {};
  for (const [name, status, started, changed, coaches] of fams) {
    const [f] = await db.insert(families).values({ collaborationId: X.id, displayName: name, status: name === 'Gezin E' ? 'closed' : status, createdAt: at(started), updatedAt: at(changed) }).returning({ id: families.id });
    ids[name] = f!.id;
    await db.insert(familyParticipants).values([
      { collaborationId: X.id, familyId: f!.id, displayName: `Ouder ${name}`, role: 'parent', ring: 1 },
      ...coaches.map((userId) => ({ collaborationId: X.id, familyId: f!.id, userId, displayName: 'Coach', role: 'coach' as const, ring: 3 })),
    ]);
  }
  await db.update(families).set({ status: 'active', updatedAt: at('2026-03-20') }).where(eq(families.id, ids['Gezin E']!));
  // Closures: [family, closed, reason, days, warm handover, reopened].
  type C = [string, string, ClosureReason, number, boolean, string | null];
  const closures: C[] = [
    ['Gezin C', '2026-03-10', 'goals_reached', 160, false, null],
    ['Gezin D', '2025-12-01', 'goals_reached', 214, true, null],
    ['Gezin E', '2026-02-10', 'family_stopped', 162, false, '2026-03-20'],
    ['Gezin G', '2026-01-20', 'warm_referral', 379, true, null],
    ['Gezin H', '2026-02-20', 'warm_referral', 46, true, null],
    ['Gezin H', '2026-02-01', 'other', 27, false, '2026-02-05'], // an earlier closure, reopened
  ];
  await db.insert(familyClosures).values(closures.map(([family, closed, reason, durationDays, warmHandover, reopened]) => ({
    collaborationId: X.id, familyId: ids[family]!, closedAt: at(closed), reason, summary: 'Afgesloten', durationDays, warmHandover,
    reopenedAt: reopened ? at(reopened) : null,
  })));
  const [fy] = await db.insert(families).values({ collaborationId: Y.id, displayName: 'Gezin Y', status: 'active', createdAt: at('2025-12-01') }).returning({ id: families.id });
  await db.insert(familyParticipants).values({ collaborationId: Y.id, familyId: fy!.id, userId: coachC, displayName: 'Coach', role: 'coach', ring: 3 });

  const contact = (collaborationId: string, familyId: string, userId: string, day: string, minutes: number) => ({
    collaborationId, familyId, createdByUserId: userId, occurredOn: day, place: 'home' as const, summary: 'Bezoek', minutesSpent: minutes,
  });
  await db.insert(contactMoments).values([
    contact(X.id, ids['Gezin A']!, coachC, '2026-01-10', 90),
    contact(X.id, ids['Gezin B']!, coachC, '2026-02-15', 30),
    contact(X.id, ids['Gezin A']!, coachC, '2025-12-01', 60), // before the period
    contact(X.id, ids['Gezin C']!, coachD, '2026-03-01', 45),
    contact(Y.id, fy!.id, coachC, '2026-01-10', 120), // the other collaboration
  ]);

  const goal = (family: string, pictogram: Pictogram | null, status: string, deleted = false) => ({
    collaborationId: X.id, familyId: ids[family]!, kind: 'goal' as const, text: 'Doel', lifeDomainId: pictogram ? X.domain(pictogram) : null,
    status: status as 'active', deletedAt: deleted ? at('2026-02-01') : null,
  });
  await db.insert(planItems).values([
    goal('Gezin A', 'home', 'reached'), goal('Gezin A', 'money', 'active'), goal('Gezin B', 'home', 'partly_reached'),
    goal('Gezin C', null, 'dropped'), goal('Gezin E', 'school', 'not_reached'), goal('Gezin E', 'home', 'active', true),
    goal('Gezin D', 'home', 'reached'),
    { collaborationId: X.id, familyId: ids['Gezin A']!, kind: 'worry' as const, text: 'Zorg', lifeDomainId: X.domain('home') },
  ]);

  const person2 = (family: string, ring: number, status: 'involved' | 'asked' | 'declined', deleted = false) => ({
    collaborationId: X.id, familyId: ids[family]!, name: 'Iemand', ring, status, deletedAt: deleted ? at('2026-02-01') : null,
  });
  await db.insert(networkPeople).values([
    person2('Gezin A', 2, 'involved'), person2('Gezin B', 2, 'declined'), person2('Gezin C', 1, 'involved'),
    person2('Gezin E', 2, 'involved', true), person2('Gezin E', 2, 'asked'),
  ]);
  await seedRoundTables(db, X.id, ids);
  return {
    x: X.id, y: Y.id, p1: X.p1, p2: X.p2, coordinator, coachC, coachD, referrer,
    familyIds: [...Object.values(ids), fy!.id], familyNames: [...fams.map((f) => f[0]), 'Gezin Y'],
  };
}

/** A meeting that began in the future, so it has not taken place yet (for the "held" rule). */
export const FUTURE_MEETING_DAYS = 7;

/**
 * Round tables of X: [family, day, kind, status, deleted, [ring, invited, attended] per person at its one agenda item].
 * Each family gets a ring-2 person (a grandmother) in its circle.
 */
async function seedRoundTables(db: Db, x: string, ids: Record<string, string>) {
  const ring2: Record<string, string> = {};
  for (const family of ['Gezin A', 'Gezin B', 'Gezin C', 'Gezin E']) {
    const [p] = await db.insert(familyParticipants).values({ collaborationId: x, familyId: ids[family]!, displayName: `Oma ${family}`, role: 'network_member', ring: 2 })
      .returning({ id: familyParticipants.id });
    ring2[family] = p!.id;
  }
  const parents = await db.select({ id: familyParticipants.id, familyId: familyParticipants.familyId }).from(familyParticipants).where(eq(familyParticipants.role, 'parent'));
  const parentOf = (family: string) => parents.find((p) => p.familyId === ids[family])!.id;
  const soon = new Date(Date.now() + FUTURE_MEETING_DAYS * 86_400_000).toISOString().slice(0, 10);
  type Person = [1 | 2, boolean, boolean | null];
  type M = [string, string, 'round_table' | 'evaluation', 'planned' | 'cancelled', boolean, Person[]];
  const list: M[] = [
    ['Gezin A', '2026-01-15', 'round_table', 'planned', false, [[1, true, true], [2, true, false]]], // ring 2 invited
    ['Gezin A', '2026-02-12', 'round_table', 'planned', false, [[1, true, true]]],
    ['Gezin A', '2026-02-20', 'evaluation', 'planned', false, [[1, true, true]]], // an evaluation round
    ['Gezin B', '2026-02-10', 'round_table', 'planned', false, [[1, true, true], [2, false, null]]], // ring 2 neither invited nor there
    ['Gezin B', '2026-03-03', 'round_table', 'cancelled', false, [[2, true, true]]], // cancelled
    ['Gezin C', '2026-03-02', 'round_table', 'planned', false, [[1, true, true], [2, false, true]]], // ring 2 came uninvited
    ['Gezin E', '2026-01-20', 'round_table', 'planned', true, [[2, true, true]]], // deleted
    ['Gezin E', '2025-12-15', 'round_table', 'planned', false, [[2, true, true]]], // before the period
    ['Gezin E', soon, 'round_table', 'planned', false, [[2, true, null]]], // not taken place yet
  ];
  for (const [family, day, kind, status, deleted, people] of list) {
    const familyId = ids[family]!;
    const [m] = await db.insert(meetings).values({
      collaborationId: x, familyId, kind, status, title: 'Rondetafel', startsAt: at(day, '14:00:00'), endsAt: at(day, '15:30:00'),
      deletedAt: deleted ? at(day, '16:00:00') : null,
    }).returning({ id: meetings.id });
    const [item] = await db.insert(meetingItems).values({ collaborationId: x, familyId, meetingId: m!.id, title: 'Wonen', startsAt: at(day, '14:00:00'), endsAt: at(day, '15:00:00') })
      .returning({ id: meetingItems.id });
    await db.insert(meetingItemPeople).values(people.map(([ring, invited, attended]) => ({
      collaborationId: x, itemId: item!.id, participantId: ring === 1 ? parentOf(family) : ring2[family]!, invited, attended,
    })));
  }
}
