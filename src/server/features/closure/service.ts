import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Closure, ClosureInput, ClosureOverview, ReopenInput } from '../../../shared/schemas/closure.ts';
import { closedReadAccessMonths, requireInCircle, requireWriter, type FamilyScope } from '../../access/family-scope.ts';
import type { Executor, Tx } from '../../db/connection.ts';
import { families, familyClosures, familyHandovers, users } from '../../db/schema/index.ts';
import type { RequestContext } from '../../http/context.ts';
import { conflict, forbidden } from '../../http/errors.ts';
import { assertVersion } from '../../http/etag.ts';
import { brusselsDate } from '../registrations/timing.ts';
import { checkParticipants, invalidField } from '../plan/checks.ts';
import { participantNames } from '../plan/content.ts';
import { recordChange } from '../plan/history.ts';
import { listHandovers, requireFamilyOrCoach } from './handovers.ts';

/** The closure is the family's business: its history is for the family and its coaches. */
const closureTopic = { lifeDomainId: null, isPrivate: false };

const addMonths = (d: Date, months: number) => {
  const r = new Date(d);
  r.setUTCMonth(r.getUTCMonth() + months);
  return r;
};

/** Every closure of the family, newest first. */
export async function listClosures(db: Executor, scope: FamilyScope, id?: string): Promise<Closure[]> {
  const reopener = sql<string | null>`(select u.name from users u where u.id = ${familyClosures.reopenedByUserId})`;
  const rows = await db.select({ c: familyClosures, closedByName: users.name, reopenedByName: reopener }).from(familyClosures)
    .leftJoin(users, eq(users.id, familyClosures.closedByUserId))
    .where(and(eq(familyClosures.collaborationId, scope.collaborationId), eq(familyClosures.familyId, scope.familyId), id ? eq(familyClosures.id, id) : undefined))
    .orderBy(desc(familyClosures.closedAt), desc(familyClosures.id));
  const names = await participantNames(db, scope);
  return rows.map(({ c, closedByName, reopenedByName }) => ({
    id: c.id, closedAt: c.closedAt.toISOString(), reason: c.reason, reasonNote: c.reasonNote, summary: c.summary,
    closingConversationOn: c.closingConversationOn, closingConversationNames: c.closingConversationParticipantIds.map((p) => names.get(p) ?? '').filter(Boolean),
    durationDays: c.durationDays, warmHandover: c.warmHandover, handoverId: c.handoverId, closedByName,
    reopenedAt: c.reopenedAt?.toISOString() ?? null, reopenedByName, reopenReason: c.reopenReason,
    familyReadsUntil: c.reopenedAt ? null : addMonths(c.closedAt, closedReadAccessMonths()).toISOString(),
    version: c.version,
  }));
}

/** The closure in force (for the portal and the export), or null while the trajectory runs. */
export async function currentClosure(db: Executor, scope: FamilyScope): Promise<Closure | null> {
  if (!scope.closed) return null;
  return (await listClosures(db, scope)).find((c) => c.reopenedAt === null) ?? null;
}

export async function loadClosureOverview(db: Executor, scope: FamilyScope): Promise<ClosureOverview> {
  requireInCircle(scope);
  requireFamilyOrCoach(scope);
  const closures = await listClosures(db, scope);
  return {
    status: scope.closed ? 'closed' : 'active',
    current: scope.closed ? closures.find((c) => c.reopenedAt === null) ?? null : null,
    closures,
    handovers: await listHandovers(db, scope),
  };
}

/**
 * A coach closes the trajectory: reason, closing conversation, a summary the family keeps, and the
 * warm handover when there was one. The file becomes read-only for everyone (the access policy).
 */
export async function closeTrajectory(tx: Tx, ctx: RequestContext, scope: FamilyScope, body: z.output<typeof ClosureInput>, now: Date): Promise<Closure> {
  requireFamilyOrCoach(scope);
  const writer = requireWriter(scope);
  if (writer.participantRole !== 'coach') throw forbidden();
  if (body.closingConversationOn && body.closingConversationOn > brusselsDate(now)) throw invalidField('closingConversationOn', 'dateInFuture');
  await checkParticipants(tx, scope, body.closingConversationParticipantIds, 'closingConversationParticipantIds', false);
  if (body.handoverId) {
    const [handover] = await tx.select({ id: familyHandovers.id }).from(familyHandovers).where(and(
      eq(familyHandovers.collaborationId, scope.collaborationId), eq(familyHandovers.familyId, scope.familyId),
      eq(familyHandovers.id, body.handoverId), eq(familyHandovers.status, 'approved'),
    ));
    if (!handover) throw invalidField('handoverId');
  }
  const [family] = await tx.select({ createdAt: families.createdAt }).from(families)
    .where(and(eq(families.collaborationId, scope.collaborationId), eq(families.id, scope.familyId))).for('update');
  const durationDays = Math.max(0, Math.round((Date.parse(brusselsDate(now)) - Date.parse(brusselsDate(family!.createdAt))) / 86_400_000));
  const [row] = await tx.insert(familyClosures).values({
    collaborationId: scope.collaborationId, familyId: scope.familyId, closedAt: now, reason: body.reason, reasonNote: body.reasonNote ?? null,
    summary: body.summary, closingConversationOn: body.closingConversationOn ?? null, closingConversationParticipantIds: [...new Set(body.closingConversationParticipantIds)],
    durationDays, warmHandover: Boolean(body.handoverId), handoverId: body.handoverId ?? null, closedByUserId: ctx.actor?.userId ?? null,
  }).returning({ id: familyClosures.id });
  await tx.update(families).set({ status: 'closed', version: sql`${families.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(families.collaborationId, scope.collaborationId), eq(families.id, scope.familyId)));
  const [created] = await listClosures(tx, scope, row!.id);
  await recordChange(tx, ctx, scope, { itemType: 'closure', itemId: created!.id, action: 'create', ...closureTopic, authorParticipantId: writer.participantId, before: null, after: created! });
  return created!;
}

/** A coach reopens a closed trajectory; the closure stays in the history with when and why it was reopened. */
export async function reopenTrajectory(tx: Tx, ctx: RequestContext, scope: FamilyScope, expected: number, body: z.output<typeof ReopenInput>, now: Date): Promise<Closure> {
  const member = requireInCircle(scope);
  requireFamilyOrCoach(scope);
  if (member.participantRole !== 'coach') throw forbidden();
  if (!scope.closed) throw conflict();
  const [open] = await tx.select({ id: familyClosures.id }).from(familyClosures).where(and(
    eq(familyClosures.collaborationId, scope.collaborationId), eq(familyClosures.familyId, scope.familyId), isNull(familyClosures.reopenedAt),
  )).for('update');
  if (!open) throw conflict();
  const [before] = await listClosures(tx, scope, open.id);
  assertVersion(before!.version, expected);
  await tx.update(familyClosures).set({ reopenedAt: now, reopenedByUserId: ctx.actor?.userId ?? null, reopenReason: body.reason, version: sql`${familyClosures.version} + 1` })
    .where(and(eq(familyClosures.collaborationId, scope.collaborationId), eq(familyClosures.id, open.id)));
  await tx.update(families).set({ status: 'active', version: sql`${families.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(families.collaborationId, scope.collaborationId), eq(families.id, scope.familyId)));
  const [after] = await listClosures(tx, scope, open.id);
  await recordChange(tx, ctx, scope, { itemType: 'closure', itemId: open.id, action: 'update', ...closureTopic, authorParticipantId: member.participantId, before: before!, after: after! });
  return after!;
}
