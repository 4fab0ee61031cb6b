import { and, eq, exists, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Role } from '../../shared/roles.ts';
import { registrationCoaches, registrations } from '../db/schema/index.ts';
import { forbidden, notFound } from '../http/errors.ts';
import type { Actor } from './actor.ts';
import { membershipIn } from './policy.ts';

/**
 * Who may see which registration, as one SQL condition that every registration query puts in its
 * WHERE (queue, detail, changes, the referrer's own list):
 * - coordinators and admins of a collaboration: all its registrations;
 * - coaches: the ones assigned to them, in a collaboration where they are coach;
 * - referrers: the ones they registered themselves (signed in), wherever they went;
 * - nobody else, and nothing of another collaboration: such a registration answers 404, exactly
 *   like a random id. Platform administrators do not see registrations (they hold family data).
 */
const MANAGING: readonly Role[] = ['coordinator', 'admin'];

const collaborationsWhere = (actor: Actor, roles: readonly Role[]) =>
  actor.memberships.filter((m) => m.roles.some((r) => roles.includes(r))).map((m) => m.collaborationId);

export function visibleRegistrationsWhere(actor: Actor): SQL {
  const managed = collaborationsWhere(actor, MANAGING);
  const coached = collaborationsWhere(actor, ['coach']);
  const assigned = exists(
    sql`(select 1 from ${registrationCoaches} rc where rc.collaboration_id = ${registrations.collaborationId}
      and rc.registration_id = ${registrations.id} and rc.user_id = ${actor.userId})`,
  );
  return or(
    managed.length > 0 ? inArray(registrations.collaborationId, managed) : undefined,
    coached.length > 0 ? and(inArray(registrations.collaborationId, coached), assigned) : undefined,
    eq(registrations.referrerUserId, actor.userId),
  )!;
}

/**
 * The scope within one collaboration's queue. Its coordinators and admins see all of it, so their
 * queue needs no condition beyond the collaboration: the OR of the general scope would keep
 * PostgreSQL from reading the queue's index in order.
 */
export function queueRegistrationsWhere(actor: Actor, collaborationId: string): SQL | undefined {
  return collaborationsWhere(actor, MANAGING).includes(collaborationId) ? undefined : visibleRegistrationsWhere(actor);
}

/**
 * For the queue of one collaboration: coordinators, admins and coaches may ask (and get their part);
 * a referrer follows only the status of their own (`/registrations/mine`): 403; a non-member: 404.
 */
export function registrationQueueRole(actor: Actor, collaborationId: string): string {
  const membership = membershipIn(actor, collaborationId);
  if (!membership) throw notFound();
  const role = (['admin', 'coordinator', 'coach'] as const).find((r) => membership.roles.includes(r));
  if (!role) throw forbidden();
  return role;
}

/** Coordinators and admins run the queue (assign, forward, figures). Returns the role acted in. */
export function managingRole(actor: Actor, collaborationId: string): string | null {
  const membership = membershipIn(actor, collaborationId);
  return MANAGING.find((r) => membership?.roles.includes(r)) ?? null;
}

/** For a collaboration-wide view (figures, coach options): not a member → 404, member without the role → 403. */
export function requireManaging(actor: Actor, collaborationId: string): string {
  if (!membershipIn(actor, collaborationId)) throw notFound();
  const role = managingRole(actor, collaborationId);
  if (!role) throw forbidden();
  return role;
}

/**
 * What the actor may do with one registration they can see: 'manage' (coordinator/admin), 'work'
 * (an assigned coach: first contact and outcome), or 'view' (a referrer following their own).
 */
export function registrationRole(actor: Actor, reg: { collaborationId: string }, assignedUserIds: string[]): { role: string; may: 'manage' | 'work' | 'view' } {
  const managing = managingRole(actor, reg.collaborationId);
  if (managing) return { role: managing, may: 'manage' };
  const membership = membershipIn(actor, reg.collaborationId);
  if (membership?.roles.includes('coach') && assignedUserIds.includes(actor.userId)) return { role: 'coach', may: 'work' };
  return { role: 'referrer', may: 'view' };
}
