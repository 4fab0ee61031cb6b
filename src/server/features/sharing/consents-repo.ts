import { and, asc, desc, eq, inArray, isNull, notInArray, sql } from 'drizzle-orm';
import type { LifeDomain } from '../../../shared/schemas/collaborations.ts';
import type { ConsentGrant, ShareableItem, SharingOverview } from '../../../shared/schemas/sharing.ts';
import { listReflections } from '../reflections/service.ts';
import { SHAREABLE_ITEM_TYPES, type ShareableItemType } from '../../../shared/schemas/sharing.ts';
import { FULL_ROLES, grantLive, topicWhere, type FamilyScope } from '../../access/family-scope.ts';
import type { Executor } from '../../db/connection.ts';
import { agreements, consentGrants, contactMoments, familyParticipants, lifeDomains, planItemMembers, planItems } from '../../db/schema/index.ts';
import { contactTopic } from '../families/repo.ts';
import { loadPeople } from '../network/repo.ts';
import { loadServices } from '../services/service.ts';
import { agreementTopic, itemTopic, participantNames, type Names } from '../plan/content.ts';

type GrantRow = typeof consentGrants.$inferSelect;


const ofFamily = (scope: FamilyScope) => and(eq(consentGrants.collaborationId, scope.collaborationId), eq(consentGrants.familyId, scope.familyId));

const short = (text: string) => (text.length > 80 ? `${text.slice(0, 79)}…` : text);

/**
 * Items the family can share on their own: what the asker sees, minus private items (those stay
 * with their author and the coaches). Each names the young person (12+) it is about, if any:
 * they decide about sharing it, not their parents.
 */
export async function shareableItems(db: Executor, scope: FamilyScope, filter: { itemType?: ShareableItemType; id?: string } = {}): Promise<ShareableItem[]> {
  const youngPeople = await db.select({ id: familyParticipants.id }).from(familyParticipants).where(and(
    eq(familyParticipants.collaborationId, scope.collaborationId), eq(familyParticipants.familyId, scope.familyId),
    eq(familyParticipants.role, 'young_person'), isNull(familyParticipants.removedAt),
  ));
  const young = new Set(youngPeople.map((y) => y.id));
  const planKinds = SHAREABLE_ITEM_TYPES.filter((k) => k !== 'agreement' && k !== 'contact_moment' && k !== 'reflection') as ('question' | 'strength' | 'worry' | 'goal')[];
  const wantPlan = !filter.itemType || (planKinds as string[]).includes(filter.itemType);
  const items = !wantPlan ? [] : await db.select().from(planItems).where(and(
    eq(planItems.collaborationId, scope.collaborationId), eq(planItems.familyId, scope.familyId), isNull(planItems.deletedAt),
    eq(planItems.isPrivate, false), topicWhere(scope, itemTopic),
    filter.itemType ? eq(planItems.kind, filter.itemType as 'goal') : inArray(planItems.kind, planKinds),
    filter.id ? eq(planItems.id, filter.id) : undefined,
  )).orderBy(asc(planItems.kind), asc(planItems.position));
  const links = items.length === 0 ? [] : await db.select().from(planItemMembers)
    .where(and(eq(planItemMembers.collaborationId, scope.collaborationId), inArray(planItemMembers.itemId, items.map((i) => i.id))));
  const aboutYoung = (itemId: string, author: string | null) =>
    links.find((l) => l.itemId === itemId && young.has(l.participantId))?.participantId ?? (author && young.has(author) ? author : null);
  const result: ShareableItem[] = items.map((i) => ({
    itemType: i.kind, id: i.id, label: short(i.text), lifeDomainId: i.lifeDomainId, aboutYoungPersonId: aboutYoung(i.id, i.authorParticipantId),
  }));
  if (!filter.itemType || filter.itemType === 'agreement') {
    const rows = await db.select().from(agreements).where(and(
      eq(agreements.collaborationId, scope.collaborationId), eq(agreements.familyId, scope.familyId), isNull(agreements.deletedAt),
      eq(agreements.isPrivate, false), topicWhere(scope, agreementTopic), filter.id ? eq(agreements.id, filter.id) : undefined,
    )).orderBy(asc(agreements.position));
    for (const a of rows) {
      const about = young.has(a.ownerParticipantId) ? a.ownerParticipantId : a.authorParticipantId && young.has(a.authorParticipantId) ? a.authorParticipantId : null;
      result.push({ itemType: 'agreement', id: a.id, label: short(a.what), lifeDomainId: a.lifeDomainId, aboutYoungPersonId: about });
    }
  }
  if (!filter.itemType || filter.itemType === 'contact_moment') {
    const rows = await db.select().from(contactMoments).where(and(
      eq(contactMoments.collaborationId, scope.collaborationId), eq(contactMoments.familyId, scope.familyId), isNull(contactMoments.deletedAt),
      eq(contactMoments.isPrivate, false), topicWhere(scope, contactTopic), filter.id ? eq(contactMoments.id, filter.id) : undefined,
    )).orderBy(desc(contactMoments.occurredOn));
    for (const c of rows) {
      result.push({ itemType: 'contact_moment', id: c.id, label: short(`${c.occurredOn}: ${c.summary}`), lifeDomainId: c.lifeDomainId, aboutYoungPersonId: c.authorParticipantId && young.has(c.authorParticipantId) ? c.authorParticipantId : null });
    }
  }
  if (!filter.itemType || filter.itemType === 'reflection') {
    for (const x of await listReflections(db, scope, filter.id ? { id: filter.id } : {})) {
      result.push({ itemType: 'reflection', id: x.id, label: short(`Eigen kracht ${x.reflectedOn}${x.subjectName ? ` (${x.subjectName})` : ''}: ${x.competence}/${x.motivation}/${x.social}`), lifeDomainId: null, aboutYoungPersonId: null });
    }
  }
  if (!filter.itemType || filter.itemType === 'service') {
    for (const s of await loadServices(db, scope, filter.id ? { id: filter.id } : {})) {
      result.push({ itemType: 'service', id: s.id, label: short(`${s.organisation}: ${s.kindOfHelp}`), lifeDomainId: s.lifeDomainId, aboutYoungPersonId: null });
    }
  }
  if (!filter.itemType || filter.itemType === 'network_person' || filter.itemType === 'network_contact') {
    const people = await loadPeople(db, scope, filter.id ? { id: filter.id } : {});
    for (const p of people) {
      const label = short(p.relation ? `${p.name} (${p.relation})` : p.name);
      const base = { id: p.id, lifeDomainId: null, aboutYoungPersonId: null };
      if (filter.itemType !== 'network_contact') result.push({ ...base, itemType: 'network_person', label });
      if (filter.itemType !== 'network_person' && p.contact) result.push({ ...base, itemType: 'network_contact', label: `☎ ${label}` });
    }
  }
  return result;
}

/** Who decides about a grant: the young person an item is about, else a parent. */
export function decider(grant: Pick<GrantRow, 'itemId'>, items: ShareableItem[]): { decidedBy: 'parent' | 'young_person'; youngPersonId: string | null } {
  const youngPersonId = grant.itemId ? items.find((i) => i.id === grant.itemId)?.aboutYoungPersonId ?? null : null;
  return { decidedBy: youngPersonId ? 'young_person' : 'parent', youngPersonId };
}

/** Whether the asker (or the family member a coach acts for) may decide about this grant. */
export function mayDecide(scope: FamilyScope, role: string | null, participantId: string | null, who: ReturnType<typeof decider>): boolean {
  if (!participantId || scope.reach !== 'full') return false;
  return who.decidedBy === 'young_person' ? who.youngPersonId === participantId : role === 'parent';
}

export function presentGrant(row: GrantRow, names: Names, items: ShareableItem[], scope: FamilyScope): ConsentGrant {
  const who = decider(row, items);
  const name = (id: string | null) => (id ? names.get(id) ?? null : null);
  return {
    id: row.id, participantId: row.participantId, participantName: names.get(row.participantId) ?? '',
    lifeDomainId: row.lifeDomainId, itemType: row.itemType as ShareableItemType | null, itemId: row.itemId,
    level: row.level, status: row.status, validUntil: row.validUntil?.toISOString() ?? null,
    grantedByName: name(row.grantedByParticipantId), onBehalfOfName: name(row.onBehalfOfParticipantId),
    approvedByName: name(row.approvedByParticipantId), approvedAt: row.approvedAt?.toISOString() ?? null,
    decidedBy: who.decidedBy, canApprove: row.status === 'proposed' && mayDecide(scope, scope.participantRole, scope.participantId, who),
    createdAt: row.createdAt.toISOString(), version: row.version,
  };
}

/** Live grants of the family, optionally one. */
export async function loadGrants(db: Executor, scope: FamilyScope, id?: string): Promise<GrantRow[]> {
  return db.select().from(consentGrants).where(and(ofFamily(scope), grantLive(), id ? eq(consentGrants.id, id) : undefined))
    .orderBy(asc(consentGrants.createdAt), asc(consentGrants.id));
}

/** The "who sees what" screen: people, topics and grants. Only for the family and its coaches. */
export async function loadSharingOverview(db: Executor, scope: FamilyScope): Promise<SharingOverview> {
  const names = await participantNames(db, scope);
  const people = await db.select({
    participantId: familyParticipants.id, displayName: familyParticipants.displayName, role: familyParticipants.role,
    ring: familyParticipants.ring, relation: familyParticipants.relation, hasAccount: sql<boolean>`${familyParticipants.userId} is not null`,
  }).from(familyParticipants).where(and(
    eq(familyParticipants.collaborationId, scope.collaborationId), eq(familyParticipants.familyId, scope.familyId),
    isNull(familyParticipants.removedAt), notInArray(familyParticipants.role, [...FULL_ROLES]),
  )).orderBy(asc(familyParticipants.ring), asc(familyParticipants.displayName));
  const domains = await db.select({ id: lifeDomains.id, labelNl: lifeDomains.labelNl, labelEn: lifeDomains.labelEn, pictogram: lifeDomains.pictogram, position: lifeDomains.position }).from(lifeDomains)
    .where(and(eq(lifeDomains.collaborationId, scope.collaborationId), isNull(lifeDomains.archivedAt))).orderBy(asc(lifeDomains.position));
  const items = await shareableItems(db, scope);
  const grants = await loadGrants(db, scope);
  return {
    people,
    lifeDomains: domains.map((d) => ({ ...d, pictogram: d.pictogram as LifeDomain['pictogram'] })),
    items,
    grants: grants.map((g) => presentGrant(g, names, items, scope)),
    mayDecide: scope.participantRole === 'parent' || scope.participantRole === 'young_person',
  };
}
