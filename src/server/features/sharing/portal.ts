import { and, asc, eq, isNull, ne } from 'drizzle-orm';
import type { PortalFamily } from '../../../shared/schemas/sharing.ts';
import type { Actor } from '../../access/actor.ts';
import { loadFamilyScope, visibleFamiliesWhere } from '../../access/family-scope.ts';
import { audit } from '../../audit/audit.ts';
import type { Tx } from '../../db/connection.ts';
import { collaborations, families, familyParticipants, users } from '../../db/schema/index.ts';
import type { RequestContext } from '../../http/context.ts';
import { loadAgreements, loadItems, participantNames } from '../plan/content.ts';
import { pendingApprovalCount } from './consents-service.ts';
import { currentClosure } from '../closure/service.ts';

/**
 * The home page of someone in a family's circle who is not its coach: per family, what is asked of
 * them, whom to call, and what waits for their yes. Everything through the same scope as the file.
 */
const presentClosure = (c: Awaited<ReturnType<typeof currentClosure>>) => (c ? { closedAt: c.closedAt, summary: c.summary, readsUntil: c.familyReadsUntil } : null);

export async function loadPortal(tx: Tx, ctx: RequestContext, actor: Actor, now: Date): Promise<PortalFamily[]> {
  const places = await tx.select({ familyId: familyParticipants.familyId }).from(familyParticipants)
    .innerJoin(families, and(eq(families.collaborationId, familyParticipants.collaborationId), eq(families.id, familyParticipants.familyId)))
    // Only the families still in sight: after a closure, a place in the circle may have ended.
    .where(and(eq(familyParticipants.userId, actor.userId), isNull(familyParticipants.removedAt), ne(familyParticipants.role, 'coach'), visibleFamiliesWhere(actor)))
    .orderBy(asc(families.displayName));
  const result: PortalFamily[] = [];
  for (const { familyId } of places) {
    const scope = await loadFamilyScope(tx, actor, familyId);
    if (scope.reach === 'metadata' || scope.reach === 'emergency' || !scope.participantId || !scope.participantRole) continue;
    const names = await participantNames(tx, scope);
    const mine = (await loadAgreements(tx, scope, names, now, { status: 'open' }))
      .filter((a) => a.ownerParticipantId === scope.participantId)
      .sort((a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999'));
    const goals = await loadItems(tx, scope, names, { kind: 'goal' });
    const coaches = await tx.select({ name: familyParticipants.displayName, phone: familyParticipants.phone, email: users.email }).from(familyParticipants)
      .leftJoin(users, eq(users.id, familyParticipants.userId))
      .where(and(eq(familyParticipants.collaborationId, scope.collaborationId), eq(familyParticipants.familyId, familyId), eq(familyParticipants.role, 'coach'), isNull(familyParticipants.removedAt)))
      .orderBy(asc(familyParticipants.displayName));
    const [family] = await tx.select({ displayName: families.displayName, status: families.status, collaborationName: collaborations.name }).from(families)
      .innerJoin(collaborations, eq(collaborations.id, families.collaborationId))
      .where(and(eq(families.collaborationId, scope.collaborationId), eq(families.id, familyId)));
    result.push({
      id: familyId, ...family!, myParticipantId: scope.participantId, myRole: scope.participantRole, reach: scope.reach,
      myAgreements: mine, goalCount: goals.length, coaches, pendingApprovals: await pendingApprovalCount(tx, scope),
      closure: scope.reach === 'full' ? presentClosure(await currentClosure(tx, scope)) : null,
    });
    await audit(tx, ctx, { action: 'read', entityType: 'portal', collaborationId: scope.collaborationId, familyId, role: scope.participantRole });
  }
  return result;
}
