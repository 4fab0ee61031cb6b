import { and, asc, desc, eq, ilike, inArray, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ContactMoment, Family, FamilyListQuery, FamilySummary, Member, ParticipantOption } from '../../../shared/schemas/families.ts';
import { MEMBER_ROLES, type MemberRole } from '../../../shared/roles.ts';
import type { Actor } from '../../access/actor.ts';
import { contributeLifeDomains, topicWhere, visibleFamiliesWhere, type FamilyScope } from '../../access/family-scope.ts';
import type { Executor } from '../../db/connection.ts';
import { breakGlassGrants, collaborations, contactMoments, families, familyHomes, familyMemberHomes, familyParticipants } from '../../db/schema/index.ts';
import { afterCursor, toPage } from '../../http/pagination.ts';
import { participantNames } from '../plan/content.ts';

const coachNames = sql<string[]>`coalesce((select array_agg(p.display_name order by p.display_name) from family_participants p
  where p.collaboration_id = ${families.collaborationId} and p.family_id = ${families.id} and p.role = 'coach' and p.removed_at is null), '{}')`;
const memberCount = sql<number>`(select count(*)::int from family_participants p
  where p.collaboration_id = ${families.collaborationId} and p.family_id = ${families.id} and p.removed_at is null
    and p.role in ('parent', 'young_person', 'child', 'housemate'))`;

const summaryColumns = (actor: Actor) => ({
  id: families.id, collaborationId: families.collaborationId, collaborationName: collaborations.name, displayName: families.displayName,
  status: families.status, updatedAt: families.updatedAt, coachNames, memberCount,
  myRole: sql<FamilySummary['myRole']>`(select p.role from family_participants p where p.collaboration_id = ${families.collaborationId}
    and p.family_id = ${families.id} and p.user_id = ${actor.userId} and p.removed_at is null limit 1)`,
});

/** The families in the asker's circle (and, for coordinators, of their collaboration), by name. */
export async function listFamilies(db: Executor, actor: Actor, query: z.output<typeof FamilyListQuery>) {
  const rows = await db.select(summaryColumns(actor)).from(families)
    .innerJoin(collaborations, eq(collaborations.id, families.collaborationId))
    .where(and(
      visibleFamiliesWhere(actor),
      query.collaborationId ? eq(families.collaborationId, query.collaborationId) : undefined,
      query.status ? eq(families.status, query.status) : undefined,
      query.q ? ilike(families.displayName, `%${query.q.replace(/[\\%_]/g, '\\$&')}%`) : undefined,
      afterCursor(query.cursor, families.displayName, families.id),
    ))
    .orderBy(asc(families.displayName), asc(families.id)).limit(query.limit + 1);
  const items: FamilySummary[] = rows.map((r) => ({ ...r, updatedAt: r.updatedAt.toISOString() }));
  return toPage(items, query.limit, (i) => [i.displayName, i.id]);
}

export async function loadFamily(db: Executor, actor: Actor, scope: FamilyScope): Promise<Family> {
  const [row] = await db.select({ ...summaryColumns(actor), planTemplateId: families.planTemplateId, version: families.version }).from(families)
    .innerJoin(collaborations, eq(collaborations.id, families.collaborationId))
    .where(and(eq(families.collaborationId, scope.collaborationId), eq(families.id, scope.familyId)));
  return {
    ...row!, updatedAt: row!.updatedAt.toISOString(), reach: scope.reach, myParticipantId: scope.participantId,
    emergency: scope.emergency ? await runningGrant(db, scope.collaborationId, scope.emergency.grantId) : null,
    contributeLifeDomainIds: await contributeLifeDomains(db, scope),
  };
}

/** The actor's own running grant, with the reason they gave: the banner of every page repeats it. */
async function runningGrant(db: Executor, collaborationId: string, grantId: string) {
  const [grant] = await db.select({ grantId: breakGlassGrants.id, endsAt: breakGlassGrants.endsAt, reason: breakGlassGrants.reason }).from(breakGlassGrants)
    .where(and(eq(breakGlassGrants.collaborationId, collaborationId), eq(breakGlassGrants.id, grantId)));
  return { ...grant!, endsAt: grant!.endsAt.toISOString() };
}

const ofFamily = (scope: FamilyScope) =>
  and(eq(familyParticipants.collaborationId, scope.collaborationId), eq(familyParticipants.familyId, scope.familyId), isNull(familyParticipants.removedAt));

/** Everyone who can be named in the plan: members, network, professionals, coaches. */
export async function listParticipants(db: Executor, scope: FamilyScope): Promise<ParticipantOption[]> {
  return db.select({ id: familyParticipants.id, displayName: familyParticipants.displayName, role: familyParticipants.role, ring: familyParticipants.ring, relation: familyParticipants.relation })
    .from(familyParticipants).where(ofFamily(scope)).orderBy(asc(familyParticipants.ring), asc(familyParticipants.displayName));
}

export async function listMembers(db: Executor, scope: FamilyScope, id?: string): Promise<Member[]> {
  const rows = await db.select().from(familyParticipants)
    .where(and(ofFamily(scope), inArray(familyParticipants.role, [...MEMBER_ROLES]), id ? eq(familyParticipants.id, id) : undefined))
    .orderBy(asc(familyParticipants.createdAt), asc(familyParticipants.id));
  const homes = rows.length === 0 ? [] : await db.select().from(familyMemberHomes)
    .where(and(eq(familyMemberHomes.collaborationId, scope.collaborationId), inArray(familyMemberHomes.participantId, rows.map((r) => r.id))));
  // Contact details, age, homes and "what is important to me" are the family's own: the network and
  // outside professionals get names and relations, not how to reach, find or identify someone.
  // Emergency access needs to reach the family: it reads contact details as the coaches do.
  const own = scope.reach === 'full' || scope.reach === 'emergency';
  return rows.map((r) => ({
    id: r.id, role: r.role as MemberRole, displayName: r.displayName, relation: r.relation, dateOfBirth: own ? r.dateOfBirth : null, birthYear: own ? r.birthYear : null,
    languages: r.languages, importantToMe: own ? r.importantToMe : null, email: own ? r.email : null, phone: own ? r.phone : null,
    hasAccount: r.userId !== null, version: r.version,
    homes: own ? homes.filter((h) => h.participantId === r.id).map((h) => ({ homeId: h.homeId, arrangement: h.arrangement })) : [],
  }));
}

export async function listHomes(db: Executor, scope: FamilyScope) {
  if (scope.reach !== 'full' && scope.reach !== 'emergency') return [];
  return db.select({ id: familyHomes.id, label: familyHomes.label, version: familyHomes.version }).from(familyHomes)
    .where(and(eq(familyHomes.collaborationId, scope.collaborationId), eq(familyHomes.familyId, scope.familyId), isNull(familyHomes.removedAt)))
    .orderBy(asc(familyHomes.createdAt));
}

export const contactTopic = {
  itemType: 'contact_moment', id: contactMoments.id, lifeDomainId: contactMoments.lifeDomainId,
  isPrivate: contactMoments.isPrivate, authorParticipantId: contactMoments.authorParticipantId,
  onBehalfOfParticipantId: contactMoments.onBehalfOfParticipantId,
};

/** Contact moments the asker may see, newest first (the family reads the coaches' notes too). */
export async function listContacts(db: Executor, scope: FamilyScope, filter: { id?: string; limit?: number } = {}): Promise<ContactMoment[]> {
  const rows = await db.select().from(contactMoments).where(and(
    eq(contactMoments.collaborationId, scope.collaborationId), eq(contactMoments.familyId, scope.familyId), isNull(contactMoments.deletedAt),
    topicWhere(scope, contactTopic), filter.id ? eq(contactMoments.id, filter.id) : undefined,
  )).orderBy(desc(contactMoments.occurredOn), desc(contactMoments.createdAt)).limit(filter.limit ?? 500);
  const names = await participantNames(db, scope);
  const nameOf = (id: string | null) => (id ? names.get(id) ?? null : null);
  return rows.map((r) => ({
    id: r.id, occurredOn: r.occurredOn, place: r.place, placeDetail: r.placeDetail, presentParticipantIds: r.presentParticipantIds,
    summary: r.summary, lifeDomainId: r.lifeDomainId, minutesSpent: r.minutesSpent, isPrivate: r.isPrivate,
    createdAt: r.createdAt.toISOString(), version: r.version,
    authorParticipantId: r.authorParticipantId, authorName: nameOf(r.authorParticipantId),
    onBehalfOfParticipantId: r.onBehalfOfParticipantId, onBehalfOfName: nameOf(r.onBehalfOfParticipantId),
  }));
}
