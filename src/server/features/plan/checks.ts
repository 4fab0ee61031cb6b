import { and, eq, inArray, isNull } from 'drizzle-orm';
import { MEMBER_ROLES } from '../../../shared/roles.ts';
import { topicWhere, type FamilyScope } from '../../access/family-scope.ts';
import type { Executor } from '../../db/connection.ts';
import { familyParticipants, lifeDomains, planItems } from '../../db/schema/index.ts';
import { AppError, forbidden } from '../../http/errors.ts';
import { itemTopic } from './content.ts';

/** One field is wrong: 422 with the field and a code the screens translate. */
export const invalidField = (field: string, code = 'invalid') => new AppError(422, 'validation_failed', [{ field, code, message: '' }]);

/** A life domain must be one of the family's collaboration, not archived. */
export async function checkLifeDomain(db: Executor, scope: FamilyScope, id: string | null | undefined, field = 'lifeDomainId'): Promise<void> {
  if (!id) return;
  const [row] = await db.select({ id: lifeDomains.id }).from(lifeDomains)
    .where(and(eq(lifeDomains.collaborationId, scope.collaborationId), eq(lifeDomains.id, id), isNull(lifeDomains.archivedAt)));
  if (!row) throw invalidField(field);
}

/** Participants named in an item must belong to this family (and, for `membersOnly`, be its members). */
export async function checkParticipants(
  db: Executor, scope: FamilyScope, ids: readonly string[], field: string, membersOnly: boolean,
): Promise<void> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return;
  const rows = await db.select({ id: familyParticipants.id }).from(familyParticipants).where(and(
    eq(familyParticipants.collaborationId, scope.collaborationId), eq(familyParticipants.familyId, scope.familyId),
    inArray(familyParticipants.id, unique), isNull(familyParticipants.removedAt),
    membersOnly ? inArray(familyParticipants.role, [...MEMBER_ROLES]) : undefined,
  ));
  if (rows.length !== unique.length) throw invalidField(field);
}

/**
 * A goal an agreement or evaluation points at: a live goal of this family that the asker may see
 * (another member's private goal is refused exactly like an id that does not exist). Returns its life domain.
 */
export async function goalOfFamily(db: Executor, scope: FamilyScope, goalId: string, field = 'goalId'): Promise<{ lifeDomainId: string | null; status: string }> {
  const [goal] = await db.select({ lifeDomainId: planItems.lifeDomainId, status: planItems.status }).from(planItems).where(and(
    eq(planItems.collaborationId, scope.collaborationId), eq(planItems.familyId, scope.familyId), eq(planItems.id, goalId),
    eq(planItems.kind, 'goal'), isNull(planItems.deletedAt), topicWhere(scope, itemTopic),
  ));
  if (!goal) throw invalidField(field);
  return goal;
}

/**
 * Whether an item is private is its author's call (coaches may set it too): a family member who
 * hid someone else's item would lose it from sight themselves. Visible but not allowed: 403.
 */
export function checkPrivacyChange(
  scope: FamilyScope, item: { authorParticipantId: string | null; isPrivate: boolean; onBehalfOfParticipantId?: string | null }, wanted: boolean | undefined,
): void {
  if (wanted === undefined || wanted === item.isPrivate) return;
  if (scope.participantRole !== 'coach' && item.authorParticipantId !== scope.participantId) throw forbidden();
  checkPrivateAllowed(scope, wanted, item.onBehalfOfParticipantId ?? null);
}

/**
 * Private is for a family member's own items, or one a coach writes down for them: it keeps them
 * from the rest of the family. A coach's own notes the family always reads (transparency).
 */
export function checkPrivateAllowed(scope: FamilyScope, isPrivate: boolean | undefined, onBehalfOf: string | null): void {
  if (!isPrivate) return;
  // The network and outside professionals who add to the plan add for the family to read.
  if (scope.reach !== 'full' || (scope.participantRole === 'coach' && !onBehalfOf)) throw invalidField('isPrivate', 'privateIsForFamily');
}
