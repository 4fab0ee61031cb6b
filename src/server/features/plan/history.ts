import { and, eq, inArray, sql } from 'drizzle-orm';
import { MEMBER_ROLES } from '../../../shared/roles.ts';
import type { PlanTopicType } from '../../../shared/plan-constants.ts';
import type { FamilyScope } from '../../access/family-scope.ts';
import { audit } from '../../audit/audit.ts';
import type { Tx } from '../../db/connection.ts';
import { families, familyParticipants, planChanges } from '../../db/schema/index.ts';
import type { RequestContext } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';

export interface Change {
  itemType: PlanTopicType;
  itemId: string;
  action: 'create' | 'update' | 'delete';
  /** The item's topic columns after the change (before it, for a delete). */
  lifeDomainId: string | null;
  isPrivate: boolean;
  authorParticipantId: string | null;
  onBehalfOfParticipantId?: string | null;
  /** The presented item before and after: what the family will read in the history. */
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/**
 * Records one change to a family's file, in the caller's transaction: the history row (what
 * changed, before and after), the access-log row, and a new plan revision (the plan's ETag).
 * Every command that changes the file calls this once per item it changes.
 */
export async function recordChange(tx: Tx, ctx: RequestContext, scope: FamilyScope, change: Change): Promise<void> {
  const { collaborationId, familyId } = scope;
  await tx.insert(planChanges).values({
    collaborationId, familyId,
    itemType: change.itemType, itemId: change.itemId, action: change.action,
    lifeDomainId: change.lifeDomainId, isPrivate: change.isPrivate, authorParticipantId: change.authorParticipantId,
    changedByUserId: ctx.actor?.userId ?? null,
    onBehalfOfParticipantId: change.onBehalfOfParticipantId ?? null,
    before: change.before, after: change.after,
  });
  await tx.update(families)
    .set({ planRevision: sql`${families.planRevision} + 1`, updatedAt: sql`now()` })
    .where(and(eq(families.collaborationId, collaborationId), eq(families.id, familyId)));
  await audit(tx, ctx, {
    action: change.action, entityType: change.itemType, entityId: change.itemId,
    collaborationId, familyId, role: scope.participantRole,
    onBehalfOfParticipantId: change.onBehalfOfParticipantId ?? null,
  });
}

/**
 * A coach may enter something on behalf of a member of this family (e.g. goals the member
 * dictated). Anyone else, or a participant who is not a member of this family: 422.
 */
export async function checkOnBehalfOf(tx: Tx, scope: FamilyScope, participantId: string | null | undefined): Promise<string | null> {
  if (!participantId) return null;
  const invalid = new AppError(422, 'validation_failed', [{ field: 'onBehalfOfParticipantId', code: 'invalid', message: '' }]);
  if (scope.participantRole !== 'coach') throw invalid;
  const [member] = await tx.select({ id: familyParticipants.id }).from(familyParticipants).where(and(
    eq(familyParticipants.collaborationId, scope.collaborationId), eq(familyParticipants.familyId, scope.familyId),
    eq(familyParticipants.id, participantId), inArray(familyParticipants.role, [...MEMBER_ROLES]),
    sql`${familyParticipants.removedAt} is null`,
  ));
  if (!member) throw invalid;
  return member.id;
}

/** The fields whose values differ between two presented versions of an item. */
export function changedFields(before: Record<string, unknown> | null, after: Record<string, unknown> | null): string[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const ignored = new Set(['version', 'updatedAt', 'createdAt']);
  return [...keys].filter((k) => !ignored.has(k) && JSON.stringify(before?.[k]) !== JSON.stringify(after?.[k])).sort();
}
