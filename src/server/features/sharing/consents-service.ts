import { and, eq, isNull, notInArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ConsentApproval, ConsentGrant, ConsentInput } from '../../../shared/schemas/sharing.ts';
import { FULL_ROLES, requireWriter, type FamilyScope } from '../../access/family-scope.ts';
import type { Tx } from '../../db/connection.ts';
import { consentGrants, familyParticipants } from '../../db/schema/index.ts';
import type { RequestContext } from '../../http/context.ts';
import { conflict, notFound } from '../../http/errors.ts';
import { assertUpdated, assertVersion } from '../../http/etag.ts';
import { checkLifeDomain, invalidField } from '../plan/checks.ts';
import { recordChange } from '../plan/history.ts';
import { participantNames } from '../plan/content.ts';
import { brusselsDate } from '../registrations/timing.ts';
import { decider, loadGrants, mayDecide, presentGrant, shareableItems } from './consents-repo.ts';

type Body = z.output<typeof ConsentInput>;

/** Grants change who sees what: the family and its coaches read their history, nobody else. */
const consentTopic = { lifeDomainId: null, isPrivate: false };

async function present(tx: Tx, scope: FamilyScope, id: string): Promise<ConsentGrant> {
  const [row] = await loadGrants(tx, scope, id);
  if (!row) throw notFound();
  return presentGrant(row, await participantNames(tx, scope), await shareableItems(tx, scope), scope);
}

/** The one person a coach records a decision for: the parent, or the young person the item is about. */
async function decisionMaker(tx: Tx, scope: FamilyScope, who: ReturnType<typeof decider>, onBehalfOf: string | null | undefined) {
  const writer = requireWriter(scope);
  if (writer.participantRole !== 'coach') {
    if (onBehalfOf) throw invalidField('onBehalfOfParticipantId');
    return mayDecide(scope, writer.participantRole, writer.participantId, who) ? { decidedBy: writer.participantId, onBehalfOf: null } : null;
  }
  if (!onBehalfOf) return null;
  const [member] = await tx.select({ id: familyParticipants.id, role: familyParticipants.role }).from(familyParticipants).where(and(
    eq(familyParticipants.collaborationId, scope.collaborationId), eq(familyParticipants.familyId, scope.familyId),
    eq(familyParticipants.id, onBehalfOf), isNull(familyParticipants.removedAt),
  ));
  if (!member || !mayDecide(scope, member.role, member.id, who)) throw invalidField('onBehalfOfParticipantId', 'notYours');
  return { decidedBy: member.id, onBehalfOf: member.id };
}

/**
 * Shares one topic (a life domain or a single item) with one person. A parent (or the young person
 * an item is about) decides at once; a coach's choice is a proposal until they approve, unless the
 * coach records the decision on their behalf. An earlier grant for the same person and topic is
 * replaced, so changing "may read" into "may also add" is one step.
 */
export async function createConsent(tx: Tx, ctx: RequestContext, scope: FamilyScope, body: Body, now: Date): Promise<ConsentGrant> {
  const writer = requireWriter(scope);
  const [person] = await tx.select({ id: familyParticipants.id }).from(familyParticipants).where(and(
    eq(familyParticipants.collaborationId, scope.collaborationId), eq(familyParticipants.familyId, scope.familyId),
    eq(familyParticipants.id, body.participantId), isNull(familyParticipants.removedAt), notInArray(familyParticipants.role, [...FULL_ROLES]),
  ));
  if (!person) throw invalidField('participantId', 'notForThisPerson');
  await checkLifeDomain(tx, scope, body.lifeDomainId);
  const items = body.itemId ? await shareableItems(tx, scope, { itemType: body.itemType!, id: body.itemId }) : [];
  if (body.itemId && items.length === 0) throw invalidField('itemId');
  if (body.validUntil && body.validUntil < brusselsDate(now)) throw invalidField('validUntil', 'dateInPast');
  const who = decider({ itemId: body.itemId ?? null }, items);
  const decision = await decisionMaker(tx, scope, who, body.onBehalfOfParticipantId);
  if (!decision && writer.participantRole !== 'coach') throw invalidField(body.itemId ? 'itemId' : 'lifeDomainId', 'notYours');

  const sameTopic = and(
    eq(consentGrants.collaborationId, scope.collaborationId), eq(consentGrants.familyId, scope.familyId), eq(consentGrants.participantId, person.id),
    body.lifeDomainId ? eq(consentGrants.lifeDomainId, body.lifeDomainId) : and(eq(consentGrants.itemType, body.itemType!), eq(consentGrants.itemId, body.itemId!)),
    isNull(consentGrants.revokedAt),
    // A proposal does not replace what the family already decided.
    decision ? undefined : eq(consentGrants.status, 'proposed'),
  );
  const replaced = await tx.update(consentGrants).set({ revokedAt: sql`now()`, revokedByParticipantId: writer.participantId, version: sql`${consentGrants.version} + 1` })
    .where(sameTopic).returning({ id: consentGrants.id });
  const [row] = await tx.insert(consentGrants).values({
    collaborationId: scope.collaborationId, familyId: scope.familyId, participantId: person.id,
    lifeDomainId: body.lifeDomainId ?? null, itemType: body.itemType ?? null, itemId: body.itemId ?? null, level: body.level,
    status: decision ? 'active' : 'proposed',
    // Shared up to and including the end date, in Brussels.
    validUntil: body.validUntil ? sql`((${body.validUntil}::date + 1)::timestamp at time zone 'Europe/Brussels')` : null,
    grantedByParticipantId: writer.participantId, onBehalfOfParticipantId: decision?.onBehalfOf ?? null,
    approvedByParticipantId: decision?.decidedBy ?? null, approvedAt: decision ? sql`now()` : null,
  }).returning({ id: consentGrants.id });
  const created = await present(tx, scope, row!.id);
  for (const r of replaced) {
    await recordChange(tx, ctx, scope, { itemType: 'consent', itemId: r.id, action: 'delete', ...consentTopic, authorParticipantId: writer.participantId, before: { id: r.id }, after: null });
  }
  await recordChange(tx, ctx, scope, { itemType: 'consent', itemId: created.id, action: 'create', ...consentTopic, authorParticipantId: writer.participantId, onBehalfOfParticipantId: decision?.onBehalfOf ?? null, before: null, after: created });
  return created;
}

/** A parent (or the young person it is about) says yes to a coach's proposal; it is in effect from now on. */
export async function approveConsent(tx: Tx, ctx: RequestContext, scope: FamilyScope, id: string, expected: number, body: z.output<typeof ConsentApproval>): Promise<ConsentGrant> {
  const before = await present(tx, scope, id);
  const writer = requireWriter(scope);
  assertVersion(before.version, expected);
  if (before.status !== 'proposed') throw conflict();
  const items = before.itemId ? await shareableItems(tx, scope, { id: before.itemId }) : [];
  const decision = await decisionMaker(tx, scope, decider(before, items), body.onBehalfOfParticipantId);
  if (!decision) throw invalidField(writer.participantRole === 'coach' ? 'onBehalfOfParticipantId' : 'id', 'notYours');
  assertUpdated(await tx.update(consentGrants)
    .set({ status: 'active', approvedByParticipantId: decision.decidedBy, approvedAt: sql`now()`, onBehalfOfParticipantId: decision.onBehalfOf, version: sql`${consentGrants.version} + 1` })
    .where(and(eq(consentGrants.collaborationId, scope.collaborationId), eq(consentGrants.id, id), eq(consentGrants.version, expected)))
    .returning({ id: consentGrants.id }));
  const after = await present(tx, scope, id);
  await recordChange(tx, ctx, scope, { itemType: 'consent', itemId: id, action: 'update', ...consentTopic, authorParticipantId: writer.participantId, onBehalfOfParticipantId: decision.onBehalfOf, before, after });
  return after;
}

/**
 * Stops sharing (or declines a proposal). Anyone in the family's full circle may share less; it
 * takes effect on the very next request, since every query checks the grant.
 */
export async function revokeConsent(tx: Tx, ctx: RequestContext, scope: FamilyScope, id: string, expected: number): Promise<void> {
  const before = await present(tx, scope, id);
  const writer = requireWriter(scope);
  assertVersion(before.version, expected);
  assertUpdated(await tx.update(consentGrants)
    .set({ revokedAt: sql`now()`, revokedByParticipantId: writer.participantId, version: sql`${consentGrants.version} + 1` })
    .where(and(eq(consentGrants.collaborationId, scope.collaborationId), eq(consentGrants.id, id), eq(consentGrants.version, expected)))
    .returning({ id: consentGrants.id }));
  await recordChange(tx, ctx, scope, { itemType: 'consent', itemId: id, action: 'delete', ...consentTopic, authorParticipantId: writer.participantId, before, after: null });
}

/** Proposals waiting for this participant's yes, for the portal's notice. */
export async function pendingApprovalCount(tx: Tx, scope: FamilyScope): Promise<number> {
  if (scope.reach !== 'full' || scope.participantRole === 'coach') return 0;
  const proposals = (await loadGrants(tx, scope)).filter((g) => g.status === 'proposed');
  if (proposals.length === 0) return 0;
  const items = proposals.some((p) => p.itemId) ? await shareableItems(tx, scope) : [];
  return proposals.filter((p) => mayDecide(scope, scope.participantRole, scope.participantId, decider(p, items))).length;
}
