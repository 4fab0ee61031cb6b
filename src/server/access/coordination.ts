import type { ParticipantRole } from '../../shared/roles.ts';
import type { Executor } from '../db/connection.ts';
import { forbidden } from '../http/errors.ts';
import { requireInCircle, type FamilyScope } from './family-scope.ts';

type CircleScope = FamilyScope & { participantId: string; participantRole: ParticipantRole };

/**
 * Who may coordinate a family's trajectory (its regie): plan round tables and invite people to
 * them, manage who is in a conversation, change the plan's structure. The family's parents always
 * (the family is in charge) and its coaches. Someone in the circle without it: 403.
 */
export async function mayCoordinate(_db: Executor, scope: FamilyScope): Promise<boolean> {
  if (scope.reach === 'metadata' || !scope.participantRole) return false;
  return scope.participantRole === 'coach' || scope.participantRole === 'parent';
}

export async function requireCoordinator(db: Executor, scope: FamilyScope): Promise<CircleScope> {
  const inCircle = requireInCircle(scope);
  if (!(await mayCoordinate(db, scope))) throw forbidden();
  return inCircle;
}
