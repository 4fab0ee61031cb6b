import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ContactMoment, ContactMomentInput, Member, MemberInput } from '../../../shared/schemas/families.ts';
import { requireWriter, type FamilyScope } from '../../access/family-scope.ts';
import { notifyFamily } from '../messages/events.ts';
import type { Tx } from '../../db/connection.ts';
import { contactMoments, familyHomes, familyMemberHomes, familyParticipants } from '../../db/schema/index.ts';
import type { RequestContext } from '../../http/context.ts';
import { notFound } from '../../http/errors.ts';
import { assertUpdated, assertVersion } from '../../http/etag.ts';
import { brusselsDate } from '../registrations/timing.ts';
import { checkLifeDomain, checkParticipants, checkPrivacyChange, checkPrivateAllowed, invalidField } from '../plan/checks.ts';
import { checkOnBehalfOf, recordChange } from '../plan/history.ts';
import { listContacts, listHomes, listMembers } from './repo.ts';

type MemberBody = Partial<z.output<typeof MemberInput>>;
type ContactBody = Partial<z.output<typeof ContactMomentInput>>;

async function visibleMember(tx: Tx, scope: FamilyScope, id: string): Promise<Member> {
  const [member] = await listMembers(tx, scope, id);
  if (!member) throw notFound();
  return member;
}

/** Ages are counted in Brussels: a young person (who may sign in and decide on their own items) is 12 or older. */
function checkMember(body: MemberBody, now: Date, role: Member['role'] | undefined): void {
  const today = brusselsDate(now);
  if (body.dateOfBirth && body.dateOfBirth > today) throw invalidField('dateOfBirth', 'dateInFuture');
  const dob = body.dateOfBirth;
  if (role === 'young_person' && dob) {
    const twelfth = `${Number(dob.slice(0, 4)) + 12}${dob.slice(4)}`;
    if (twelfth > today) throw invalidField('dateOfBirth', 'youngerThanTwelve');
  }
}

async function setHomes(tx: Tx, scope: FamilyScope, participantId: string, homes: MemberBody['homes']): Promise<void> {
  if (!homes) return;
  const known = new Set((await listHomes(tx, scope)).map((h) => h.id));
  if (homes.some((h) => !known.has(h.homeId))) throw invalidField('homes');
  await tx.delete(familyMemberHomes).where(and(eq(familyMemberHomes.collaborationId, scope.collaborationId), eq(familyMemberHomes.participantId, participantId)));
  if (homes.length > 0) await tx.insert(familyMemberHomes).values(homes.map((h) => ({ collaborationId: scope.collaborationId, participantId, homeId: h.homeId, arrangement: h.arrangement })));
}

const memberColumns = (b: MemberBody) => ({
  ...(b.role !== undefined && { role: b.role }), ...(b.displayName !== undefined && { displayName: b.displayName }),
  ...(b.relation !== undefined && { relation: b.relation }), ...(b.dateOfBirth !== undefined && { dateOfBirth: b.dateOfBirth }),
  ...(b.dateOfBirth && { birthYear: Number(b.dateOfBirth.slice(0, 4)) }),
  ...(b.languages !== undefined && { languages: b.languages }), ...(b.importantToMe !== undefined && { importantToMe: b.importantToMe }),
  ...(b.email !== undefined && { email: b.email }), ...(b.phone !== undefined && { phone: b.phone }),
});
const memberTopic = { lifeDomainId: null, isPrivate: false };

export async function createMember(tx: Tx, ctx: RequestContext, scope: FamilyScope, body: z.output<typeof MemberInput>, now: Date): Promise<Member> {
  const writer = requireWriter(scope);
  const onBehalfOf = await checkOnBehalfOf(tx, scope, body.onBehalfOfParticipantId);
  checkMember(body, now, body.role);
  const [row] = await tx.insert(familyParticipants).values({
    collaborationId: scope.collaborationId, familyId: scope.familyId, ring: 1, displayName: body.displayName, role: body.role, ...memberColumns(body),
  }).returning({ id: familyParticipants.id });
  await setHomes(tx, scope, row!.id, body.homes);
  const created = await visibleMember(tx, scope, row!.id);
  await recordChange(tx, ctx, scope, { itemType: 'member', itemId: created.id, action: 'create', ...memberTopic, authorParticipantId: writer.participantId, onBehalfOfParticipantId: onBehalfOf, before: null, after: created });
  return created;
}

export async function updateMember(tx: Tx, ctx: RequestContext, scope: FamilyScope, id: string, expected: number, body: MemberBody, now: Date): Promise<Member> {
  const before = await visibleMember(tx, scope, id);
  // Out of sight answers 404 first, exactly like an id that does not exist; in sight but read-only is 403.
  const writer = requireWriter(scope);
  assertVersion(before.version, expected);
  const onBehalfOf = await checkOnBehalfOf(tx, scope, body.onBehalfOfParticipantId);
  checkMember({ ...body, dateOfBirth: body.dateOfBirth === undefined ? before.dateOfBirth : body.dateOfBirth }, now, body.role ?? before.role);
  assertUpdated(await tx.update(familyParticipants).set({ ...memberColumns(body), version: sql`${familyParticipants.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(familyParticipants.collaborationId, scope.collaborationId), eq(familyParticipants.id, id), eq(familyParticipants.version, expected)))
    .returning({ id: familyParticipants.id }));
  await setHomes(tx, scope, id, body.homes);
  const after = await visibleMember(tx, scope, id);
  await recordChange(tx, ctx, scope, { itemType: 'member', itemId: id, action: 'update', ...memberTopic, authorParticipantId: writer.participantId, onBehalfOfParticipantId: onBehalfOf, before, after });
  return after;
}

/** Removing keeps the person in the history; a linked account loses access to the family at once. */
export async function removeMember(tx: Tx, ctx: RequestContext, scope: FamilyScope, id: string, expected: number): Promise<void> {
  const before = await visibleMember(tx, scope, id);
  const writer = requireWriter(scope);
  assertVersion(before.version, expected);
  if (id === writer.participantId) throw invalidField('id', 'invalid');
  await tx.update(familyParticipants).set({ removedAt: sql`now()`, version: sql`${familyParticipants.version} + 1` })
    .where(and(eq(familyParticipants.collaborationId, scope.collaborationId), eq(familyParticipants.id, id)));
  await recordChange(tx, ctx, scope, { itemType: 'member', itemId: id, action: 'delete', ...memberTopic, authorParticipantId: writer.participantId, before, after: null });
  // Their open conversation streams end at once (each stream rechecks the circle on this event).
  await notifyFamily(tx, { familyId: scope.familyId, kind: 'members' });
}

export async function createHome(tx: Tx, ctx: RequestContext, scope: FamilyScope, label: string) {
  requireWriter(scope);
  const [row] = await tx.insert(familyHomes).values({ collaborationId: scope.collaborationId, familyId: scope.familyId, label })
    .returning({ id: familyHomes.id, label: familyHomes.label, version: familyHomes.version });
  await recordChange(tx, ctx, scope, { itemType: 'member', itemId: row!.id, action: 'create', ...memberTopic, authorParticipantId: scope.participantId, before: null, after: row! });
  return row!;
}

async function visibleContact(tx: Tx, scope: FamilyScope, id: string): Promise<ContactMoment> {
  const [found] = await listContacts(tx, scope, { id });
  if (!found) throw notFound();
  return found;
}

async function checkContact(tx: Tx, scope: FamilyScope, body: ContactBody, now: Date): Promise<void> {
  if (body.occurredOn && body.occurredOn > brusselsDate(now)) throw invalidField('occurredOn', 'dateInFuture');
  if (body.presentParticipantIds) await checkParticipants(tx, scope, body.presentParticipantIds, 'presentParticipantIds', false);
  await checkLifeDomain(tx, scope, body.lifeDomainId);
}

const contactColumns = (b: ContactBody) => ({
  ...(b.occurredOn !== undefined && { occurredOn: b.occurredOn }), ...(b.place !== undefined && { place: b.place }),
  ...(b.placeDetail !== undefined && { placeDetail: b.placeDetail }), ...(b.presentParticipantIds !== undefined && { presentParticipantIds: b.presentParticipantIds }),
  ...(b.summary !== undefined && { summary: b.summary }), ...(b.lifeDomainId !== undefined && { lifeDomainId: b.lifeDomainId }),
  ...(b.minutesSpent !== undefined && { minutesSpent: b.minutesSpent }), ...(b.isPrivate !== undefined && { isPrivate: b.isPrivate }),
});
const contactTopicOf = (c: ContactMoment) => ({ lifeDomainId: c.lifeDomainId, isPrivate: c.isPrivate, authorParticipantId: c.authorParticipantId });

export async function createContact(tx: Tx, ctx: RequestContext, scope: FamilyScope, body: z.output<typeof ContactMomentInput>, now: Date): Promise<ContactMoment> {
  const writer = requireWriter(scope);
  const onBehalfOf = await checkOnBehalfOf(tx, scope, body.onBehalfOfParticipantId);
  checkPrivateAllowed(scope, body.isPrivate, onBehalfOf);
  await checkContact(tx, scope, body, now);
  const [row] = await tx.insert(contactMoments).values({
    collaborationId: scope.collaborationId, familyId: scope.familyId, occurredOn: body.occurredOn, place: body.place, summary: body.summary,
    ...contactColumns(body), authorParticipantId: writer.participantId, onBehalfOfParticipantId: onBehalfOf, createdByUserId: ctx.actor?.userId ?? null,
  }).returning({ id: contactMoments.id });
  const created = await visibleContact(tx, scope, row!.id);
  await recordChange(tx, ctx, scope, { itemType: 'contact_moment', itemId: created.id, action: 'create', ...contactTopicOf(created), onBehalfOfParticipantId: onBehalfOf, before: null, after: created });
  return created;
}

export async function updateContact(tx: Tx, ctx: RequestContext, scope: FamilyScope, id: string, expected: number, body: ContactBody, now: Date): Promise<ContactMoment> {
  const before = await visibleContact(tx, scope, id);
  requireWriter(scope);
  assertVersion(before.version, expected);
  checkPrivacyChange(scope, before, body.isPrivate);
  const onBehalfOf = await checkOnBehalfOf(tx, scope, body.onBehalfOfParticipantId);
  await checkContact(tx, scope, body, now);
  assertUpdated(await tx.update(contactMoments).set({ ...contactColumns(body), version: sql`${contactMoments.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(contactMoments.collaborationId, scope.collaborationId), eq(contactMoments.id, id), eq(contactMoments.version, expected)))
    .returning({ id: contactMoments.id }));
  const after = await visibleContact(tx, scope, id);
  await recordChange(tx, ctx, scope, { itemType: 'contact_moment', itemId: id, action: 'update', ...contactTopicOf(after), onBehalfOfParticipantId: onBehalfOf, before, after });
  return after;
}

export async function deleteContact(tx: Tx, ctx: RequestContext, scope: FamilyScope, id: string, expected: number): Promise<void> {
  const before = await visibleContact(tx, scope, id);
  requireWriter(scope);
  assertVersion(before.version, expected);
  await tx.update(contactMoments).set({ deletedAt: sql`now()`, version: sql`${contactMoments.version} + 1` })
    .where(and(eq(contactMoments.collaborationId, scope.collaborationId), eq(contactMoments.id, id)));
  await recordChange(tx, ctx, scope, { itemType: 'contact_moment', itemId: id, action: 'delete', ...contactTopicOf(before), before, after: null });
}
