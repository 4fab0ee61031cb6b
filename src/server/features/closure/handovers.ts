import { and, desc, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { Handover, HandoverApproval, HandoverInput, HandoverShare } from '../../../shared/schemas/closure.ts';
import { requireWriter, type FamilyScope } from '../../access/family-scope.ts';
import type { Executor, Tx } from '../../db/connection.ts';
import { familyHandovers, familyParticipants, socialMapEntries } from '../../db/schema/index.ts';
import type { RequestContext } from '../../http/context.ts';
import { conflict, forbidden, notFound } from '../../http/errors.ts';
import { assertUpdated, assertVersion } from '../../http/etag.ts';
import { checkLifeDomain, invalidField } from '../plan/checks.ts';
import { participantNames } from '../plan/content.ts';
import { recordChange } from '../plan/history.ts';
import { shareableItems } from '../sharing/consents-repo.ts';
import { createConsent } from '../sharing/consents-service.ts';
import { invite } from '../sharing/invitations.ts';

/** A handover is the family's business: its history is for the family and its coaches only. */
const handoverTopic = { lifeDomainId: null, isPrivate: false };
const shareKey = (s: HandoverShare) => (s.lifeDomainId ? `domain:${s.lifeDomainId}` : `${s.itemType}:${s.itemId}`);

export async function listHandovers(db: Executor, scope: FamilyScope, id?: string): Promise<Handover[]> {
  const rows = await db.select({ h: familyHandovers, organisation: socialMapEntries.organisation, service: socialMapEntries.service }).from(familyHandovers)
    .innerJoin(socialMapEntries, and(eq(socialMapEntries.collaborationId, familyHandovers.collaborationId), eq(socialMapEntries.id, familyHandovers.socialMapEntryId)))
    .where(and(eq(familyHandovers.collaborationId, scope.collaborationId), eq(familyHandovers.familyId, scope.familyId), id ? eq(familyHandovers.id, id) : undefined))
    .orderBy(desc(familyHandovers.createdAt), desc(familyHandovers.id));
  const names = await participantNames(db, scope);
  const name = (pid: string | null) => (pid ? names.get(pid) ?? null : null);
  return rows.map(({ h, organisation, service }) => ({
    id: h.id, socialMapEntryId: h.socialMapEntryId, organisation, service, contactName: h.contactName, contactEmail: h.contactEmail, note: h.note,
    proposedShares: h.proposedShares, approvedShares: h.approvedShares ?? null, status: h.status, participantId: h.participantId,
    approvedByName: name(h.approvedByParticipantId), onBehalfOfName: name(h.onBehalfOfParticipantId),
    approvedAt: h.approvedAt?.toISOString() ?? null, createdAt: h.createdAt.toISOString(), version: h.version,
  }));
}

async function visibleHandover(db: Executor, scope: FamilyScope, id: string): Promise<Handover> {
  const [found] = await listHandovers(db, scope, id);
  if (!found) throw notFound();
  return found;
}

/** Only the family and its coaches deal with handovers; others in the circle never learn one exists. */
export function requireFamilyOrCoach(scope: FamilyScope): void {
  // Emergency access sees the file, and may change none of it.
  if (scope.reach === 'emergency') throw forbidden();
  if (scope.reach !== 'full') throw notFound();
}

async function checkShares(tx: Tx, scope: FamilyScope, shares: HandoverShare[]): Promise<HandoverShare[]> {
  const unique = [...new Map(shares.map((s) => [shareKey(s), s])).values()];
  for (const s of unique) {
    if (s.lifeDomainId) await checkLifeDomain(tx, scope, s.lifeDomainId, 'shares');
    else if ((await shareableItems(tx, scope, { itemType: s.itemType!, id: s.itemId! })).length === 0) throw invalidField('shares');
  }
  return unique.map((s) => (s.lifeDomainId ? { lifeDomainId: s.lifeDomainId } : { itemType: s.itemType, itemId: s.itemId }));
}

/** A coach proposes a warm handover: the receiving service, its contact person, a note, and what to share. */
export async function createHandover(tx: Tx, ctx: RequestContext, scope: FamilyScope, body: z.output<typeof HandoverInput>): Promise<Handover> {
  requireFamilyOrCoach(scope);
  const writer = requireWriter(scope);
  if (writer.participantRole !== 'coach') throw forbidden();
  const [entry] = await tx.select({ id: socialMapEntries.id }).from(socialMapEntries)
    .where(and(eq(socialMapEntries.collaborationId, scope.collaborationId), eq(socialMapEntries.id, body.socialMapEntryId), isNull(socialMapEntries.archivedAt)));
  if (!entry) throw invalidField('socialMapEntryId');
  const shares = await checkShares(tx, scope, body.shares);
  const [row] = await tx.insert(familyHandovers).values({
    collaborationId: scope.collaborationId, familyId: scope.familyId, socialMapEntryId: entry.id, contactName: body.contactName,
    contactEmail: body.contactEmail, note: body.note, proposedShares: shares, createdByUserId: ctx.actor?.userId ?? null,
  }).returning({ id: familyHandovers.id });
  const created = await visibleHandover(tx, scope, row!.id);
  await recordChange(tx, ctx, scope, { itemType: 'handover', itemId: created.id, action: 'create', ...handoverTopic, authorParticipantId: writer.participantId, before: null, after: created });
  return created;
}

/**
 * The family says yes to the note and chooses what the service may read (at most what was
 * proposed). A parent decides, or a coach records a parent's decision on their behalf. The contact
 * person is invited as an outside professional, and each chosen part becomes an ordinary consent
 * grant: the same sharing path, revocable like any other.
 */
export async function approveHandover(
  tx: Tx, ctx: RequestContext, scope: FamilyScope, id: string, expected: number, body: z.output<typeof HandoverApproval>, publicUrl: string, now: Date,
): Promise<Handover> {
  requireFamilyOrCoach(scope);
  const before = await visibleHandover(tx, scope, id);
  const writer = requireWriter(scope);
  assertVersion(before.version, expected);
  if (before.status !== 'proposed') throw conflict();
  let decidedBy: string;
  let onBehalfOf: string | null = null;
  if (writer.participantRole === 'coach') {
    if (!body.onBehalfOfParticipantId) throw invalidField('onBehalfOfParticipantId', 'required');
    const [parent] = await tx.select({ id: familyParticipants.id }).from(familyParticipants).where(and(
      eq(familyParticipants.collaborationId, scope.collaborationId), eq(familyParticipants.familyId, scope.familyId),
      eq(familyParticipants.id, body.onBehalfOfParticipantId), eq(familyParticipants.role, 'parent'), isNull(familyParticipants.removedAt),
    ));
    if (!parent) throw invalidField('onBehalfOfParticipantId', 'notYours');
    decidedBy = parent.id;
    onBehalfOf = parent.id;
  } else if (writer.participantRole === 'parent') {
    if (body.onBehalfOfParticipantId) throw invalidField('onBehalfOfParticipantId');
    decidedBy = writer.participantId;
  } else {
    throw forbidden();
  }
  const proposed = new Set(before.proposedShares.map(shareKey));
  const chosen = body.shares ?? before.proposedShares;
  if (chosen.some((s) => !proposed.has(shareKey(s)))) throw invalidField('shares');
  const shares = await checkShares(tx, scope, chosen);

  const invitation = await invite(tx, ctx, scope, { email: before.contactEmail, displayName: before.contactName, role: 'outside_professional', relation: `${before.service} (${before.organisation})` }, publicUrl);
  for (const s of shares) {
    await createConsent(tx, ctx, scope, {
      participantId: invitation.participantId, lifeDomainId: s.lifeDomainId ?? null, itemType: s.itemType ?? null, itemId: s.itemId ?? null,
      level: 'read', onBehalfOfParticipantId: onBehalfOf,
    }, now);
  }
  assertUpdated(await tx.update(familyHandovers).set({
    status: 'approved', approvedShares: shares, participantId: invitation.participantId, approvedByParticipantId: decidedBy,
    onBehalfOfParticipantId: onBehalfOf, approvedAt: now, version: before.version + 1,
  }).where(and(eq(familyHandovers.collaborationId, scope.collaborationId), eq(familyHandovers.id, id), eq(familyHandovers.version, expected)))
    .returning({ id: familyHandovers.id }));
  const after = await visibleHandover(tx, scope, id);
  await recordChange(tx, ctx, scope, { itemType: 'handover', itemId: id, action: 'update', ...handoverTopic, authorParticipantId: writer.participantId, onBehalfOfParticipantId: onBehalfOf, before, after });
  return after;
}
