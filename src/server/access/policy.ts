import type { Role } from '../../shared/roles.ts';
import { forbidden, notFound, unauthenticated } from '../http/errors.ts';
import type { Actor, ActorMembership } from './actor.ts';

/**
 * The access policy for everything that belongs to a collaboration but not to one family
 * (settings, partner organisations, people). Family data goes through family-scope.ts.
 *
 * Not a member → 404, exactly as if the collaboration did not exist. A member without the
 * needed role → 403. Platform administrators manage collaborations (never families).
 */
export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw unauthenticated();
  return actor;
}

export function membershipIn(actor: Actor, collaborationId: string): ActorMembership | undefined {
  return actor.memberships.find((m) => m.collaborationId === collaborationId);
}

export type CollaborationAction = 'read' | 'manage';

const rolesFor: Record<CollaborationAction, readonly Role[]> = {
  read: ['admin', 'coordinator', 'coach', 'referrer'],
  manage: ['admin'],
};

/** Returns the role the actor acts in (for the access log), or throws 404/403. */
export function authorizeCollaboration(actor: Actor, collaborationId: string, action: CollaborationAction): string {
  const membership = membershipIn(actor, collaborationId);
  if (membership) {
    const role = rolesFor[action].find((r) => membership.roles.includes(r));
    if (role) return role;
    if (!actor.platformAdmin) throw forbidden();
  }
  if (actor.platformAdmin) return 'platform_admin';
  throw notFound();
}

/**
 * The collaboration's whole access log is the DPO's (functionaris gegevensbescherming): it tells who
 * looked at which family, so it is not an admin right. An admin can give the role, and that change is
 * itself in the log the DPO reads. Other members → 403, and so platform administrators, who see the
 * collaboration exists but check the chains, not who read what; anyone else → 404.
 */
export function authorizeAccessLogReview(actor: Actor, collaborationId: string): 'dpo' {
  const membership = membershipIn(actor, collaborationId);
  if (membership?.roles.includes('dpo')) return 'dpo';
  if (membership || actor.platformAdmin) throw forbidden();
  throw notFound();
}

export function requirePlatformAdmin(actor: Actor): void {
  if (!actor.platformAdmin) throw forbidden();
}

/**
 * The government view (all collaborations, suppressed aggregates only): government analysts, and
 * platform administrators, who already see every collaboration's name and settings. Anyone else: 403.
 */
export function requireGovernment(actor: Actor): string {
  if (actor.governmentAnalyst) return 'government_analyst';
  if (actor.platformAdmin) return 'platform_admin';
  throw forbidden();
}
