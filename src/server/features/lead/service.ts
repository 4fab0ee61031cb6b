import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Lead } from '../../../shared/schemas/messages.ts';
import { leadHolderIds, mayCoordinate } from '../../access/coordination.ts';
import { requireOpenInCircle, requireReader, type FamilyScope } from '../../access/family-scope.ts';
import type { Executor, Tx } from '../../db/connection.ts';
import { families, familyParticipants, leadPeriods } from '../../db/schema/index.ts';
import type { RequestContext } from '../../http/context.ts';
import { forbidden } from '../../http/errors.ts';
import { assertVersion } from '../../http/etag.ts';
import { invalidField } from '../plan/checks.ts';
import { recordChange } from '../plan/history.ts';

/** Who may take the lead: the family itself and its informal network (aunt Caro), not professionals. */
const LEAD_ROLES = ['parent', 'young_person', 'housemate', 'network_member'] as const;

const inFamily = (scope: FamilyScope) => and(eq(familyParticipants.collaborationId, scope.collaborationId), eq(familyParticipants.familyId, scope.familyId));

export async function loadLead(db: Executor, scope: FamilyScope): Promise<Lead> {
  const circle = requireReader(scope);
  const periods = await db.select({ participantId: leadPeriods.participantId, name: familyParticipants.displayName, from: leadPeriods.startedAt, until: leadPeriods.endedAt })
    .from(leadPeriods)
    .innerJoin(familyParticipants, and(eq(familyParticipants.collaborationId, leadPeriods.collaborationId), eq(familyParticipants.id, leadPeriods.participantId)))
    .where(and(eq(leadPeriods.collaborationId, scope.collaborationId), eq(leadPeriods.familyId, scope.familyId)))
    .orderBy(asc(leadPeriods.startedAt), asc(familyParticipants.displayName));
  const holders = periods.filter((p) => p.until === null).map((p) => ({ participantId: p.participantId, name: p.name, since: p.from.toISOString() }));
  const candidates = await db.select({ participantId: familyParticipants.id, name: familyParticipants.displayName, role: familyParticipants.role })
    .from(familyParticipants).where(and(inFamily(scope), isNull(familyParticipants.removedAt), inArray(familyParticipants.role, [...LEAD_ROLES])))
    .orderBy(asc(familyParticipants.ring), asc(familyParticipants.displayName));
  const coordinates = await mayCoordinate(db, scope);
  return {
    withFamily: holders.length > 0,
    holders,
    periods: periods.map((p) => ({ participantId: p.participantId, name: p.name, from: p.from.toISOString(), until: p.until?.toISOString() ?? null })),
    candidates,
    mayHandOver: coordinates,
    mayTakeBack: holders.length > 0 && (coordinates || circle.participantRole === 'coach'),
    version: leadVersion(periods),
  };
}

/** Grows with every change (a change opens periods, ends them, or both): the lead's ETag. */
const leadVersion = (periods: { until: Date | null }[]) => 1 + periods.length + periods.filter((p) => p.until !== null).length;

/**
 * Hands the lead to these family members (or back to the coaches with none). Who coordinates
 * decides; a coach of the family may also take the lead back (a crisis, the family asks): that is
 * in the history the family reads, like every change. Ends the open periods of those who no
 * longer hold it and opens one for each new holder, in one transaction with the history row.
 */
export async function setLead(tx: Tx, ctx: RequestContext, scope: FamilyScope, participantIds: string[], expected: number): Promise<void> {
  const circle = requireOpenInCircle(scope);
  await tx.select({ id: families.id }).from(families).where(and(eq(families.collaborationId, scope.collaborationId), eq(families.id, scope.familyId))).for('update');
  const current = await leadHolderIds(tx, scope);
  const all = await tx.select({ until: leadPeriods.endedAt }).from(leadPeriods).where(and(eq(leadPeriods.collaborationId, scope.collaborationId), eq(leadPeriods.familyId, scope.familyId)));
  const coachTakesBack = participantIds.length === 0 && circle.participantRole === 'coach' && current.length > 0;
  if (!coachTakesBack && !(await mayCoordinate(tx, scope))) throw forbidden();
  assertVersion(leadVersion(all), expected);
  const wanted = [...new Set(participantIds)];
  if (wanted.length > 0) {
    const found = await tx.select({ id: familyParticipants.id }).from(familyParticipants)
      .where(and(inFamily(scope), isNull(familyParticipants.removedAt), inArray(familyParticipants.role, [...LEAD_ROLES]), inArray(familyParticipants.id, wanted)));
    if (found.length !== wanted.length) throw invalidField('participantIds', 'invalid');
  }
  const ending = current.filter((id) => !wanted.includes(id));
  const starting = wanted.filter((id) => !current.includes(id));
  if (ending.length === 0 && starting.length === 0) return;
  const userId = ctx.actor?.userId ?? null;
  if (ending.length > 0) {
    await tx.update(leadPeriods).set({ endedAt: sql`now()`, endedByUserId: userId }).where(and(
      eq(leadPeriods.collaborationId, scope.collaborationId), eq(leadPeriods.familyId, scope.familyId), isNull(leadPeriods.endedAt), inArray(leadPeriods.participantId, ending),
    ));
  }
  if (starting.length > 0) {
    await tx.insert(leadPeriods).values(starting.map((participantId) => ({ collaborationId: scope.collaborationId, familyId: scope.familyId, participantId, startedByUserId: userId })));
  }
  const names = async (ids: string[]) => ids.length === 0 ? [] : (await tx.select({ name: familyParticipants.displayName }).from(familyParticipants)
    .where(and(inFamily(scope), inArray(familyParticipants.id, ids))).orderBy(asc(familyParticipants.displayName))).map((r) => r.name);
  await recordChange(tx, ctx, scope, {
    itemType: 'lead', itemId: scope.familyId, action: 'update', lifeDomainId: null, isPrivate: false, authorParticipantId: circle.participantId,
    before: { withFamily: current.length > 0, holderNames: await names(current) },
    after: { withFamily: wanted.length > 0, holderNames: await names(wanted) },
  });
}
