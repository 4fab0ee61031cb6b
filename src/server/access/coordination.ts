import { and, eq, isNull } from 'drizzle-orm';
import type { ParticipantRole } from '../../shared/roles.ts';
import type { Executor } from '../db/connection.ts';
import { leadPeriods } from '../db/schema/index.ts';
import { forbidden } from '../http/errors.ts';
import { requireInCircle, type FamilyScope } from './family-scope.ts';

type CircleScope = FamilyScope & { participantId: string; participantRole: ParticipantRole };

/** The family members who hold the lead now (open lead periods); none: the lead is with the coaches. */
export async function leadHolderIds(db: Executor, scope: Pick<FamilyScope, 'collaborationId' | 'familyId'>): Promise<string[]> {
  const rows = await db.select({ id: leadPeriods.participantId }).from(leadPeriods).where(and(
    eq(leadPeriods.collaborationId, scope.collaborationId), eq(leadPeriods.familyId, scope.familyId), isNull(leadPeriods.endedAt),
  ));
  return rows.map((r) => r.id);
}

/**
 * Who may coordinate a family's trajectory (its regie): plan round tables and invite people to
 * them, invite people into the circle, manage who is in a conversation, change the plan's
 * structure. While the lead is with the coaches (the default): the family's parents (the family is
 * in charge) and its coaches. Once the lead is handed to family members (`lead_periods`): those
 * holders and the parents, and no longer the coaches — they keep read access and their own notes.
 * Nobody coordinates a closed trajectory. Someone in the circle without it: 403.
 */
export async function mayCoordinate(db: Executor, scope: FamilyScope): Promise<boolean> {
  if (scope.reach === 'metadata' || !scope.participantRole || !scope.participantId || scope.closed) return false;
  const holders = await leadHolderIds(db, scope);
  if (holders.length > 0) return scope.participantRole === 'parent' || holders.includes(scope.participantId);
  return scope.participantRole === 'coach' || scope.participantRole === 'parent';
}

export async function requireCoordinator(db: Executor, scope: FamilyScope): Promise<CircleScope> {
  const inCircle = requireInCircle(scope);
  if (!(await mayCoordinate(db, scope))) throw forbidden();
  return inCircle;
}

/**
 * A coach while the lead is with the family does not coordinate: 403 for a change that is the
 * coordinator's (inviting people, the plan's order). Everyone else keeps the rule of that change.
 */
export async function refuseCoachWithoutLead(db: Executor, scope: FamilyScope): Promise<void> {
  if (scope.participantRole === 'coach' && !(await mayCoordinate(db, scope))) throw forbidden();
}
