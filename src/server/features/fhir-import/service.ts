import { and, eq, isNull } from 'drizzle-orm';
import type { FhirImportBody, FhirImportResult } from '../../../shared/schemas/fhir-import.ts';
import type { Actor } from '../../access/actor.ts';
import type { FamilyScope } from '../../access/family-scope.ts';
import { membershipIn } from '../../access/policy.ts';
import { audit } from '../../audit/audit.ts';
import type { Executor, Tx } from '../../db/connection.ts';
import { agreements, families, familyParticipants, lifeDomains, networkPeople, planItems, priorInvolvements } from '../../db/schema/index.ts';
import type { RequestContext } from '../../http/context.ts';
import { AppError, forbidden, notFound } from '../../http/errors.ts';
import { recordChange } from '../plan/history.ts';
import type { ImportedFile } from './parse.ts';

/** Coaches and coordinators of the collaboration import; other members 403, anyone else 404. */
export function authorizeImport(actor: Actor, collaborationId: string): 'coach' | 'coordinator' {
  const membership = membershipIn(actor, collaborationId);
  if (!membership) throw notFound();
  if (membership.roles.includes('coach')) return 'coach';
  if (membership.roles.includes('coordinator')) return 'coordinator';
  throw forbidden();
}

/** The collaboration's life domains by their stable key (the FHIR code), with the Dutch label. */
export async function domainsByKey(db: Executor, collaborationId: string) {
  const rows = await db.select({ id: lifeDomains.id, key: lifeDomains.pictogram, label: lifeDomains.labelNl }).from(lifeDomains)
    .where(and(eq(lifeDomains.collaborationId, collaborationId), isNull(lifeDomains.archivedAt)));
  return new Map(rows.map((r) => [r.key, r]));
}

export const notUnderstood = (file: ImportedFile) =>
  new AppError(422, 'fhir_import_not_understood', file.problems.map((p) => ({ field: p.path, code: p.reason, message: p.resourceType })));

/**
 * Makes the new family file in the caller's transaction: the family, its members (the importer as
 * its coach), the network, the goals with their progress and the agreements, each with its history
 * and access-log row; and the family's yes to bringing in the other organisation's records, as a
 * prior involvement whose consent a parent gave (recorded by the coach on their behalf).
 */
export async function importFamilyFile(
  tx: Tx, ctx: RequestContext, actor: Actor, collaborationId: string, file: ImportedFile, consent: FhirImportBody['consent'],
): Promise<FhirImportResult> {
  const role = authorizeImport(actor, collaborationId);
  if (file.problems.length > 0) throw notUnderstood(file);
  const domains = await domainsByKey(tx, collaborationId);
  const domainId = (key: string | null) => (key ? domains.get(key)?.id ?? null : null);

  const [family] = await tx.insert(families).values({ collaborationId, displayName: file.familyName, status: 'active' }).returning({ id: families.id });
  const familyId = family!.id;
  const [coach] = await tx.insert(familyParticipants).values({ collaborationId, familyId, userId: actor.userId, displayName: actor.name, email: actor.email, role: 'coach', ring: 3 })
    .returning({ id: familyParticipants.id });
  const participantOf = new Map<string, string>();
  for (const m of file.members) {
    const [row] = await tx.insert(familyParticipants).values({
      collaborationId, familyId, displayName: m.name, role: m.role, ring: 1, relation: m.relation,
      ...(m.birthDate?.length === 10 ? { dateOfBirth: m.birthDate } : m.birthDate ? { birthYear: Number(m.birthDate.slice(0, 4)) } : {}),
    }).returning({ id: familyParticipants.id });
    participantOf.set(m.ref, row!.id);
  }
  await audit(tx, ctx, { action: 'create', entityType: 'family', entityId: familyId, collaborationId, familyId, role, reason: 'fhir_import' });

  const scope: FamilyScope = { collaborationId, familyId, participantId: coach!.id, participantRole: 'coach', reach: 'full', emergency: null, closed: false };
  const parent = file.members.find((m) => m.role === 'parent') ?? file.members[0]!;
  const parentId = participantOf.get(parent.ref)!;
  const [prior] = await tx.insert(priorInvolvements).values({
    collaborationId, familyId, coachParticipantId: coach!.id, organisationName: consent.organisationName,
    description: 'Dossier overgenomen uit een FHIR-bundel', recordsConsent: 'given',
    decidedByParticipantId: parentId, onBehalfOfParticipantId: parentId, decidedAt: new Date(),
  }).returning({ id: priorInvolvements.id });
  const topic = { lifeDomainId: null, isPrivate: false, authorParticipantId: coach!.id };
  await recordChange(tx, ctx, scope, { itemType: 'prior_involvement', itemId: prior!.id, action: 'create', ...topic, onBehalfOfParticipantId: parentId, before: null, after: { organisationName: consent.organisationName, recordsConsent: 'given' } });

  for (const [i, n] of file.network.entries()) {
    const [row] = await tx.insert(networkPeople).values({
      collaborationId, familyId, authorParticipantId: coach!.id, createdByUserId: actor.userId,
      name: n.name, relation: n.relation, ring: n.ring, roles: n.roles, status: n.status,
    }).returning({ id: networkPeople.id });
    await recordChange(tx, ctx, scope, { itemType: 'network_person', itemId: row!.id, action: 'create', ...topic, before: null, after: { name: n.name, ring: n.ring, position: i } });
  }

  const goalOf = new Map<string, string>();
  for (const [position, g] of file.goals.entries()) {
    const onBehalfOf = g.expressedBy ? participantOf.get(g.expressedBy) ?? null : null;
    const lifeDomainId = domainId(g.lifeDomain);
    const [row] = await tx.insert(planItems).values({
      collaborationId, familyId, kind: 'goal', text: g.text, position, lifeDomainId, authorParticipantId: coach!.id, onBehalfOfParticipantId: onBehalfOf,
      createdByUserId: actor.userId, status: g.status, progress: g.progress, targetDate: g.targetDate, whyItMatters: g.whyItMatters,
    }).returning({ id: planItems.id, version: planItems.version });
    goalOf.set(g.ref, row!.id);
    // The history holds the progress, so the next export measures it again.
    await recordChange(tx, ctx, scope, { itemType: 'goal', itemId: row!.id, action: 'create', ...topic, lifeDomainId, onBehalfOfParticipantId: onBehalfOf, before: null, after: { text: g.text, status: g.status, progress: g.progress, version: row!.version } });
  }

  for (const [position, a] of file.agreements.entries()) {
    const lifeDomainId = domainId(a.lifeDomain);
    // Someone not in the new file (a professional of the old service) leaves the agreement with the coach.
    const owner = (a.ownerRef && participantOf.get(a.ownerRef)) || coach!.id;
    const [row] = await tx.insert(agreements).values({
      collaborationId, familyId, what: a.what, ownerParticipantId: owner, dueDate: a.dueDate, status: a.status, position, lifeDomainId,
      goalId: a.goalRef ? goalOf.get(a.goalRef) ?? null : null, authorParticipantId: coach!.id, createdByUserId: actor.userId,
    }).returning({ id: agreements.id });
    await recordChange(tx, ctx, scope, { itemType: 'agreement', itemId: row!.id, action: 'create', ...topic, lifeDomainId, before: null, after: { what: a.what, status: a.status } });
  }
  return { familyId };
}
