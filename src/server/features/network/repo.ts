import { and, asc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { AvailabilityQuery, NetworkPerson, NetworkTie } from '../../../shared/schemas/network.ts';
import { topicWhere, type FamilyScope } from '../../access/family-scope.ts';
import type { Executor } from '../../db/connection.ts';
import { networkAvailability, networkPeople, networkTies } from '../../db/schema/index.ts';

const personTopic = { itemType: 'network_person', id: networkPeople.id, lifeDomainId: networkPeople.lifeDomainId, authorParticipantId: networkPeople.authorParticipantId };

/**
 * Who may read a person's phone, email and address: the family and its coaches, the person
 * themselves, and participants the family gave a `network_contact` grant for this person.
 * The person's life domain is always empty, so a life-domain grant never opens contact details.
 */
function contactVisible(scope: FamilyScope): SQL {
  const granted = topicWhere(scope, { itemType: 'network_contact', id: networkPeople.id, lifeDomainId: networkPeople.lifeDomainId });
  return scope.participantId ? or(granted, eq(networkPeople.participantId, scope.participantId))! : granted;
}

/** The people of the family the asker may see: the full circle all, others the ones shared with them or themselves. */
export function personWhere(scope: FamilyScope): SQL {
  const visible = scope.reach === 'emergency' ? topicWhere(scope, personTopic) : scope.participantId ? or(topicWhere(scope, personTopic), eq(networkPeople.participantId, scope.participantId))! : sql`false`;
  return and(eq(networkPeople.collaborationId, scope.collaborationId), eq(networkPeople.familyId, scope.familyId), isNull(networkPeople.deletedAt), visible)!;
}

const hhmm = (t: string) => t.slice(0, 5);

/** Loads people in scope, presented; contact details are left out in SQL for whoever may not read them. */
export async function loadPeople(db: Executor, scope: FamilyScope, opts: { id?: string; where?: SQL } = {}): Promise<NetworkPerson[]> {
  const show = contactVisible(scope);
  const rows = await db.select({
    id: networkPeople.id, name: networkPeople.name, relation: networkPeople.relation, ring: networkPeople.ring,
    importance: networkPeople.importance, roles: networkPeople.roles, offers: networkPeople.offers, callAnytime: networkPeople.callAnytime,
    status: networkPeople.status, participantId: networkPeople.participantId, mapAngle: networkPeople.mapAngle,
    createdAt: networkPeople.createdAt, updatedAt: networkPeople.updatedAt, version: networkPeople.version,
    contactShown: sql<boolean>`(${show})`,
    phone: sql<string | null>`case when ${show} then ${networkPeople.phone} end`,
    email: sql<string | null>`case when ${show} then ${networkPeople.email} end`,
    address: sql<string | null>`case when ${show} then ${networkPeople.address} end`,
  }).from(networkPeople)
    .where(and(personWhere(scope), opts.id ? eq(networkPeople.id, opts.id) : undefined, opts.where))
    .orderBy(asc(networkPeople.ring), asc(networkPeople.createdAt), asc(networkPeople.id));
  const ids = rows.map((r) => r.id);
  const slots = ids.length === 0 ? [] : await db.select().from(networkAvailability)
    .where(and(eq(networkAvailability.collaborationId, scope.collaborationId), inArray(networkAvailability.personId, ids)))
    .orderBy(asc(networkAvailability.weekday), asc(networkAvailability.startsAt));
  return rows.map(({ contactShown, phone, email, address, ...r }) => ({
    ...r,
    roles: [...r.roles],
    contact: contactShown ? { phone, email, address } : null,
    availability: slots.filter((s) => s.personId === r.id)
      .map((s) => ({ weekday: s.weekday, startsAt: hhmm(s.startsAt), endsAt: hhmm(s.endsAt), helpKind: s.helpKind })),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  }));
}

/** Ties between people the asker sees (or the family and such a person); a tie never reveals a hidden person. */
export async function loadTies(db: Executor, scope: FamilyScope, visibleIds: readonly string[], id?: string): Promise<NetworkTie[]> {
  if (visibleIds.length === 0) return [];
  const ids = [...visibleIds];
  return db.select({ id: networkTies.id, fromPersonId: networkTies.fromPersonId, toPersonId: networkTies.toPersonId, kind: networkTies.kind, note: networkTies.note, version: networkTies.version })
    .from(networkTies)
    .where(and(
      eq(networkTies.collaborationId, scope.collaborationId), eq(networkTies.familyId, scope.familyId), isNull(networkTies.deletedAt),
      inArray(networkTies.toPersonId, ids), or(isNull(networkTies.fromPersonId), inArray(networkTies.fromPersonId, ids)),
      id ? eq(networkTies.id, id) : undefined,
    ))
    .orderBy(asc(networkTies.createdAt), asc(networkTies.id));
}

/**
 * "Who can drive on Tuesday morning?": involved people who offer this kind of help and have a slot
 * on that day overlapping the window (a slot for another kind of help does not count), plus those
 * who said "you may call any time".
 */
export async function whoIsAvailable(db: Executor, scope: FamilyScope, q: z.output<typeof AvailabilityQuery>): Promise<NetworkPerson[]> {
  const slot = sql`exists (select 1 from network_availability a where a.collaboration_id = ${networkPeople.collaborationId}
    and a.person_id = ${networkPeople.id}
    ${q.weekday ? sql`and a.weekday = ${q.weekday}` : sql``}
    ${q.from ? sql`and a.ends_at > ${q.from}::time` : sql``}
    ${q.to ? sql`and a.starts_at < ${q.to}::time` : sql``}
    ${q.helpKind ? sql`and (a.help_kind is null or a.help_kind = ${q.helpKind})` : sql``})`;
  const offers = q.helpKind ? sql`${q.helpKind} = any(${networkPeople.roles})` : sql`true`;
  return loadPeople(db, scope, { where: and(eq(networkPeople.status, 'involved'), offers, or(slot, eq(networkPeople.callAnytime, true))) });
}
