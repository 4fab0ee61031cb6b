import { and, eq, inArray, sql } from 'drizzle-orm';
import type {
  RegistrationCreate, RegistrationOutcome, RegistrationReceipt,
} from '../../../shared/schemas/registrations.ts';
import type { Actor } from '../../access/actor.ts';
import { managingRole, registrationRole } from '../../access/registration-scope.ts';
import { audit } from '../../audit/audit.ts';
import type { Tx } from '../../db/connection.ts';
import { collaborations, families, familyParticipants, memberships, registrationCoaches, registrations, users } from '../../db/schema/index.ts';
import type { RequestContext } from '../../http/context.ts';
import { AppError, forbidden, notFound } from '../../http/errors.ts';
import { assertVersion } from '../../http/etag.ts';
import { queueMail } from '../../mail/outbox.ts';
import { registrationForwardedMail, registrationReceiptMail } from '../../mail/templates.ts';
import { coordinatorsOf } from './digest.ts';
import { findCollaborationContact, routePostcode } from '../routing/repo.ts';
import { coachesOf, findVisibleRegistration, loadRegistration, type RegistrationRow } from './repo.ts';
import { brusselsDate, daysBetweenDates, firstContactDueBy } from './timing.ts';

const invalid = (field: string, code: string) => new AppError(422, 'validation_failed', [{ field, code, message: '' }]);
const wrongState = () => new AppError(409, 'registration_state');

/** Postcode first; the municipality decides between two matches; the chosen collaboration when the postcode is unknown. */
async function routeRegistration(tx: Tx, body: RegistrationCreate): Promise<string> {
  const matches = await routePostcode(tx, body.postcode);
  if (matches.length > 0) {
    const ids = [...new Set(matches.map((m) => m.id))];
    if (ids.length === 1) return ids[0]!;
    const place = matches.find((m) => m.municipality.toLowerCase() === body.municipality.toLowerCase());
    if (place) return place.id;
    if (body.collaborationId && ids.includes(body.collaborationId)) return body.collaborationId;
    throw invalid('municipality', 'municipalityUnknown');
  }
  if (body.collaborationId && (await findCollaborationContact(tx, body.collaborationId))) return body.collaborationId;
  throw invalid('postcode', 'postcode_unknown');
}

export async function createRegistration(tx: Tx, ctx: RequestContext, body: RegistrationCreate, now: Date): Promise<RegistrationReceipt> {
  const collaborationId = await routeRegistration(tx, body);
  const collaboration = (await findCollaborationContact(tx, collaborationId))!;
  const [row] = await tx
    .insert(registrations)
    .values({
      collaborationId,
      receivedAt: now,
      kind: body.kind,
      referrerType: body.referrer.type,
      referrerName: body.referrer.name,
      referrerOrganisation: body.referrer.organisation ?? null,
      referrerEmail: body.referrer.email,
      referrerPhone: body.referrer.phone ?? null,
      referrerUserId: ctx.actor?.userId ?? null,
      familyName: body.family.name,
      familyEmail: body.family.email ?? null,
      familyPhone: body.family.phone ?? null,
      familyLanguage: body.family.language,
      postcode: body.postcode,
      municipality: body.municipality,
      children: body.children,
      reasons: [...new Set(body.reasons)],
      question: body.question,
      helpersInvolved: body.helpersInvolved ?? null,
      networkInvolved: body.networkInvolved ?? null,
      urgent: body.urgent,
      familyConsent: body.familyConsent,
    })
    .returning();
  const dueBy = firstContactDueBy(row!.receivedAt, collaboration.firstContactTargetDays).toISOString();
  await queueMail(tx, {
    ...registrationReceiptMail({
      to: body.referrer.email, name: body.referrer.name, kind: body.kind, familyName: body.family.name,
      receivedAt: row!.receivedAt.toISOString(), dueBy, collaborationName: collaboration.name,
      contact: [collaboration.contactEmail, collaboration.contactPhone].filter(Boolean).join(', ') || null, locale: ctx.locale,
    }),
    collaborationId,
  });
  const role = ctx.actor?.memberships.find((m) => m.collaborationId === collaborationId)?.roles[0] ?? null;
  await audit(tx, ctx, { action: 'create', entityType: 'registration', entityId: row!.id, collaborationId, role });
  return {
    id: row!.id,
    kind: row!.kind,
    receivedAt: row!.receivedAt.toISOString(),
    firstContactDueBy: dueBy,
    collaboration: { id: collaboration.id, name: collaboration.name, contactEmail: collaboration.contactEmail, contactPhone: collaboration.contactPhone },
  };
}

type Need = 'manage' | 'work';

/**
 * Locks one registration in the actor's scope for a change: 404 when out of scope, 403 when visible
 * but not allowed, 412 on a stale version. Returns the row and the role acted in.
 */
async function lockForChange(tx: Tx, actor: Actor, id: string, expectedVersion: number, need: Need) {
  const row = await findVisibleRegistration(tx, actor, id, true);
  if (!row) throw notFound();
  const assigned = (await coachesOf(tx, [id])).get(id)?.map((c) => c.userId) ?? [];
  const { role, may } = registrationRole(actor, row.reg, assigned);
  if (may === 'view' || (need === 'manage' && may !== 'manage')) throw forbidden();
  assertVersion(row.reg.version, expectedVersion);
  return { row, role };
}

async function bump(tx: Tx, row: RegistrationRow, set: Partial<typeof registrations.$inferInsert>, now: Date) {
  await tx
    .update(registrations)
    .set({ ...set, version: sql`${registrations.version} + 1`, updatedAt: now })
    .where(and(eq(registrations.collaborationId, row.reg.collaborationId), eq(registrations.id, row.reg.id)));
}

const isOpen = (row: RegistrationRow) => row.reg.status === 'new' || row.reg.status === 'first_contact';

export async function assignCoaches(tx: Tx, ctx: RequestContext, actor: Actor, id: string, expected: number, coachIds: string[], now: Date) {
  const { row, role } = await lockForChange(tx, actor, id, expected, 'manage');
  if (!isOpen(row)) throw wrongState();
  const { collaborationId } = row.reg;
  const unique = [...new Set(coachIds)];
  const found = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(
      eq(memberships.collaborationId, collaborationId),
      inArray(memberships.userId, unique),
      eq(memberships.active, true),
      eq(users.active, true),
      sql`'coach' = any(${memberships.roles})`,
    ));
  const ok = new Set(found.map((f) => f.userId));
  const bad = coachIds.map((c, i) => ({ c, i })).filter(({ c }) => !ok.has(c));
  if (bad.length > 0) {
    throw new AppError(422, 'validation_failed', bad.map(({ i }) => ({ field: `coachIds.${i}`, code: 'notACoach', message: '' })));
  }
  await tx.delete(registrationCoaches).where(and(eq(registrationCoaches.collaborationId, collaborationId), eq(registrationCoaches.registrationId, id)));
  await tx.insert(registrationCoaches).values(unique.map((userId) => ({ collaborationId, registrationId: id, userId, assignedAt: now })));
  await bump(tx, row, {}, now);
  await audit(tx, ctx, { action: 'update', entityType: 'registration_coaches', entityId: id, collaborationId, role });
  return loadRegistration(tx, collaborationId, id, now);
}

export async function recordFirstContact(tx: Tx, ctx: RequestContext, actor: Actor, id: string, expected: number, body: { date: string; method: 'phone' | 'home_visit' | 'elsewhere' }, now: Date) {
  const { row, role } = await lockForChange(tx, actor, id, expected, 'work');
  if (row.reg.status !== 'new') throw wrongState();
  if (daysBetweenDates(body.date, brusselsDate(now)) < 0) throw invalid('date', 'dateInFuture');
  if (daysBetweenDates(brusselsDate(row.reg.receivedAt), body.date) < 0) throw invalid('date', 'dateBeforeRegistration');
  // Noon UTC is the same calendar day in Brussels, summer and winter.
  await bump(tx, row, { status: 'first_contact', firstContactAt: new Date(`${body.date}T12:00:00Z`), firstContactMethod: body.method }, now);
  await audit(tx, ctx, { action: 'update', entityType: 'registration_first_contact', entityId: id, collaborationId: row.reg.collaborationId, role });
  return loadRegistration(tx, row.reg.collaborationId, id, now);
}

/** Starting a trajectory makes the family file: the family, its parent and children, and the coaches. */
async function createFamilyFile(tx: Tx, row: RegistrationRow, coachIds: string[]): Promise<string> {
  const { collaborationId } = row.reg;
  const [family] = await tx.insert(families).values({ collaborationId, displayName: row.reg.familyName, status: 'active' }).returning({ id: families.id });
  const familyId = family!.id;
  const coachUsers = coachIds.length > 0 ? await tx.select({ id: users.id, name: users.name, email: users.email }).from(users).where(inArray(users.id, coachIds)) : [];
  await tx.insert(familyParticipants).values([
    { collaborationId, familyId, displayName: row.reg.familyName, email: row.reg.familyEmail, role: 'parent' as const, ring: 1 },
    ...row.reg.children.map((c) => ({ collaborationId, familyId, displayName: c.firstName, role: 'child' as const, ring: 1, birthYear: c.birthYear })),
    ...coachUsers.map((u) => ({ collaborationId, familyId, userId: u.id, displayName: u.name, email: u.email, role: 'coach' as const, ring: 3 })),
  ]);
  return familyId;
}

export async function recordOutcome(tx: Tx, ctx: RequestContext, actor: Actor, id: string, expected: number, body: RegistrationOutcome, now: Date) {
  const { row, role } = await lockForChange(tx, actor, id, expected, 'work');
  const { collaborationId, kind, status } = row.reg;
  if (body.outcome === 'trajectory_started') {
    if (kind !== 'family') throw invalid('outcome', 'wrongKind');
    if (status !== 'first_contact') throw wrongState();
    const coachIds = (await coachesOf(tx, [id])).get(id)?.map((c) => c.userId) ?? [];
    const familyId = await createFamilyFile(tx, row, coachIds);
    await bump(tx, row, { status: 'trajectory_started', familyId }, now);
    await audit(tx, ctx, { action: 'create', entityType: 'family', entityId: familyId, collaborationId, familyId, role });
  } else if (body.outcome === 'consultation_answered') {
    if (kind !== 'consultation') throw invalid('outcome', 'wrongKind');
    if (!isOpen(row)) throw wrongState();
    await bump(tx, row, { status: 'consultation_answered', closedReason: body.note ?? null }, now);
  } else {
    if (!isOpen(row)) throw wrongState();
    await bump(tx, row, { status: 'not_started', closedReason: body.reason, warmReferralTo: body.warmReferralTo ?? null }, now);
  }
  await audit(tx, ctx, { action: 'update', entityType: 'registration_outcome', entityId: id, collaborationId, role, reason: body.outcome });
  return loadRegistration(tx, collaborationId, id, now);
}

/**
 * Forwarding keeps the registration's date: the copy in the other collaboration has the same
 * receivedAt, so the first-contact promise is not reset by a routing mistake.
 */
export async function forwardRegistration(
  tx: Tx, ctx: RequestContext, actor: Actor, id: string, expected: number, targetId: string, now: Date, publicUrl: string,
) {
  const { row, role } = await lockForChange(tx, actor, id, expected, 'manage');
  if (!isOpen(row)) throw wrongState();
  const from = row.reg.collaborationId;
  if (targetId === from) throw invalid('collaborationId', 'sameCollaboration');
  const target = await findCollaborationContact(tx, targetId);
  if (!target) throw invalid('collaborationId', 'invalid');
  const { id: _id, collaborationId: _c, version: _v, createdAt: _cr, updatedAt: _u, ...rest } = row.reg;
  const [copy] = await tx
    .insert(registrations)
    .values({
      ...rest,
      collaborationId: targetId,
      status: 'new',
      firstContactAt: null,
      firstContactMethod: null,
      familyId: null,
      forwardedToCollaborationId: null,
      forwardedFromCollaborationId: from,
    })
    .returning({ id: registrations.id });
  await bump(tx, row, { status: 'forwarded', forwardedToCollaborationId: targetId }, now);
  await audit(tx, ctx, { action: 'update', entityType: 'registration_forward', entityId: id, collaborationId: from, role });
  await audit(tx, ctx, { action: 'create', entityType: 'registration', entityId: copy!.id, collaborationId: targetId, role: managingRole(actor, targetId), reason: `forwarded from ${from}` });
  const forwarded = await loadRegistration(tx, targetId, copy!.id, now);
  const [source] = await tx.select({ name: collaborations.name }).from(collaborations).where(eq(collaborations.id, from));
  for (const person of await coordinatorsOf(tx, targetId)) {
    await queueMail(tx, {
      ...registrationForwardedMail({
        to: person.email, name: person.name, locale: person.locale, fromName: source!.name, collaborationName: target.name,
        familyName: row.reg.familyName, receivedAt: forwarded.receivedAt, dueBy: forwarded.firstContactDueBy,
        url: `${publicUrl}/collaborations/${targetId}/registrations/${copy!.id}`,
      }),
      collaborationId: targetId,
    });
  }
  return loadRegistration(tx, from, id, now);
}
