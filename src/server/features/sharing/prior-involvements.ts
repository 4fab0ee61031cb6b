import { and, asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { PriorInvolvement, PriorInvolvementInput, RecordsDecision } from '../../../shared/schemas/sharing.ts';
import { requireWriter, type FamilyScope } from '../../access/family-scope.ts';
import type { Executor, Tx } from '../../db/connection.ts';
import { priorInvolvements } from '../../db/schema/index.ts';
import type { RequestContext } from '../../http/context.ts';
import { conflict, forbidden, notFound } from '../../http/errors.ts';
import { assertUpdated, assertVersion } from '../../http/etag.ts';
import { invalidField } from '../plan/checks.ts';
import { checkOnBehalfOf, recordChange } from '../plan/history.ts';
import { participantNames } from '../plan/content.ts';

type Row = typeof priorInvolvements.$inferSelect;
const topic = { lifeDomainId: null, isPrivate: false };

function present(row: Row, names: Map<string, string>): PriorInvolvement {
  return {
    id: row.id, coachName: names.get(row.coachParticipantId) ?? '', organisationName: row.organisationName, description: row.description,
    declaredAt: row.createdAt.toISOString(), recordsConsent: row.recordsConsent,
    decidedByName: row.decidedByParticipantId ? names.get(row.decidedByParticipantId) ?? null : null,
    decidedAt: row.decidedAt?.toISOString() ?? null, version: row.version,
  };
}

/** The coaches' declarations of prior involvement: the family reads all of them. */
export async function listPriorInvolvements(db: Executor, scope: FamilyScope, id?: string): Promise<PriorInvolvement[]> {
  const rows = await db.select().from(priorInvolvements).where(and(
    eq(priorInvolvements.collaborationId, scope.collaborationId), eq(priorInvolvements.familyId, scope.familyId),
    id ? eq(priorInvolvements.id, id) : undefined,
  )).orderBy(asc(priorInvolvements.createdAt));
  const names = await participantNames(db, scope);
  return rows.map((r) => present(r, names));
}

/** A coach says they knew the family from their own organisation, and may ask to bring in its records. */
export async function declarePriorInvolvement(tx: Tx, ctx: RequestContext, scope: FamilyScope, body: z.output<typeof PriorInvolvementInput>): Promise<PriorInvolvement> {
  const writer = requireWriter(scope);
  if (writer.participantRole !== 'coach') throw forbidden();
  const [row] = await tx.insert(priorInvolvements).values({
    collaborationId: scope.collaborationId, familyId: scope.familyId, coachParticipantId: writer.participantId,
    organisationName: body.organisationName, description: body.description, recordsConsent: body.askRecords ? 'asked' : 'not_asked',
  }).returning({ id: priorInvolvements.id });
  const [created] = await listPriorInvolvements(tx, scope, row!.id);
  await recordChange(tx, ctx, scope, { itemType: 'prior_involvement', itemId: created!.id, action: 'create', ...topic, authorParticipantId: writer.participantId, before: null, after: created! });
  return created!;
}

/**
 * A parent answers whether records of the coach's organisation may enter the file (a coach may
 * record a parent's answer on their behalf). Nothing from those records comes in without a `given`.
 */
export async function decideRecords(tx: Tx, ctx: RequestContext, scope: FamilyScope, id: string, expected: number, body: z.output<typeof RecordsDecision>): Promise<PriorInvolvement> {
  const [before] = await listPriorInvolvements(tx, scope, id);
  if (!before) throw notFound();
  const writer = requireWriter(scope);
  assertVersion(before.version, expected);
  const onBehalfOf = await checkOnBehalfOf(tx, scope, body.onBehalfOfParticipantId);
  if (writer.participantRole === 'coach' ? !onBehalfOf : writer.participantRole !== 'parent') throw invalidField('decision', 'notYours');
  if (before.recordsConsent !== 'asked') throw conflict();
  assertUpdated(await tx.update(priorInvolvements).set({
    recordsConsent: body.decision, decidedByParticipantId: onBehalfOf ?? writer.participantId, onBehalfOfParticipantId: onBehalfOf,
    decidedAt: sql`now()`, version: sql`${priorInvolvements.version} + 1`,
  }).where(and(eq(priorInvolvements.collaborationId, scope.collaborationId), eq(priorInvolvements.id, id), eq(priorInvolvements.version, expected)))
    .returning({ id: priorInvolvements.id }));
  const [after] = await listPriorInvolvements(tx, scope, id);
  await recordChange(tx, ctx, scope, { itemType: 'prior_involvement', itemId: id, action: 'update', ...topic, authorParticipantId: writer.participantId, onBehalfOfParticipantId: onBehalfOf, before, after: after! });
  return after!;
}
