import { and, eq, inArray } from 'drizzle-orm';
import { ROLES, type Role } from '../../shared/roles.ts';
import type { Executor } from '../db/connection.ts';
import { collaborations } from '../db/schema/index.ts';
import { forbidden, notFound } from '../http/errors.ts';
import type { Actor } from './actor.ts';
import { membershipIn } from './policy.ts';

/*
 * Who may use emergency access (break-glass), and who reviews its uses. What the emergency reach
 * then reads is decided in family-scope.ts, like every other reach.
 */

/**
 * The collaborations in which the actor may open a file they are not on, with the role they open
 * it in: coordinators always; coaches where the collaboration allows it. Nowhere at all: 403, the
 * same for every family id, so the answer tells nothing about which families exist.
 */
export async function breakGlassRoles(db: Executor, actor: Actor): Promise<Map<string, 'coordinator' | 'coach'>> {
  const roles = new Map<string, 'coordinator' | 'coach'>();
  const coachIn = actor.memberships.filter((m) => m.roles.includes('coach') && !m.roles.includes('coordinator')).map((m) => m.collaborationId);
  const allowing = coachIn.length === 0 ? [] : await db.select({ id: collaborations.id }).from(collaborations)
    .where(and(inArray(collaborations.id, coachIn), eq(collaborations.breakGlassCoaches, true)));
  for (const m of actor.memberships) if (m.roles.includes('coordinator')) roles.set(m.collaborationId, 'coordinator');
  for (const c of allowing) roles.set(c.id, 'coach');
  if (roles.size === 0) throw forbidden();
  return roles;
}

/** The roles that review uses of emergency access: the collaboration's admins, and its DPO where that role exists. */
export const REVIEWER_ROLES: readonly Role[] = ROLES.filter((r) => r === 'admin' || (r as string) === 'dpo');

/** Reviewing needs a reviewer role in the collaboration (403); not a member: 404 as for a collaboration that does not exist. */
export function requireBreakGlassReviewer(actor: Actor, collaborationId: string): Role {
  const membership = membershipIn(actor, collaborationId);
  if (!membership) throw notFound();
  const role = REVIEWER_ROLES.find((r) => membership.roles.includes(r));
  if (!role) throw forbidden();
  return role;
}

/** Nobody judges their own use: 403. */
export function refuseOwnReview(actor: Actor, grantUserId: string): void {
  if (grantUserId === actor.userId) throw forbidden();
}
