import type { Me, MembershipSummary } from '../../shared/schemas/auth.ts';
import type { Role } from '../../shared/roles.ts';
import { COLLABORATION_SECTIONS, paths, type CollaborationSection } from './paths.ts';

/*
 * What the interface offers. The server decides what is allowed; this only avoids showing
 * doors that would answer "not allowed".
 */

export function membershipIn(me: Me, collaborationId: string): MembershipSummary | undefined {
  return me.memberships.find((m) => m.collaborationId === collaborationId);
}

export function rolesIn(me: Me, collaborationId: string): Role[] {
  return membershipIn(me, collaborationId)?.roles ?? [];
}

/** Admins manage settings, partners and people; a platform administrator may do so anywhere. */
export function canManage(me: Me, collaborationId: string): boolean {
  return me.user.platformAdmin || rolesIn(me, collaborationId).includes('admin');
}

/**
 * Coordinators (and admins) follow up the registrations of their collaboration and see its figures.
 * Platform administrators do not: registrations hold family data.
 */
export function canCoordinate(me: Me, collaborationId: string): boolean {
  const roles = rolesIn(me, collaborationId);
  return roles.includes('admin') || roles.includes('coordinator');
}

/** Coaches see the registrations assigned to them. */
export function isCoachIn(me: Me, collaborationId: string): boolean {
  return rolesIn(me, collaborationId).includes('coach');
}

export function canSeeRegistrations(me: Me, collaborationId: string): boolean {
  return canCoordinate(me, collaborationId) || isCoachIn(me, collaborationId);
}

/** Coaches, coordinators and admins work with families: they get the families list. A DPO reads only the log. */
export function worksWithFamilies(me: Me): boolean {
  return me.memberships.some((m) => m.roles.some((r) => r !== 'referrer' && r !== 'dpo'));
}

/** Referrers register families and follow their own registrations (in whichever collaboration). */
export function isReferrer(me: Me): boolean {
  return me.memberships.some((m) => m.roles.includes('referrer'));
}

/** The social map is the team's shared knowledge: coaches, coordinators and admins keep it. */
export function canUseSocialMap(me: Me, collaborationId: string): boolean {
  return canCoordinate(me, collaborationId) || isCoachIn(me, collaborationId);
}

/** The DPO reads the collaboration's whole access log (and no family file). */
export function isDpoIn(me: Me, collaborationId: string): boolean {
  return rolesIn(me, collaborationId).includes('dpo');
}

/** The collaboration's admins and its DPO judge every use of emergency access. */
export function canReviewBreakGlass(me: Me, collaborationId: string): boolean {
  const roles = rolesIn(me, collaborationId);
  return roles.includes('admin') || roles.includes('dpo');
}

export function sectionsFor(me: Me, collaborationId: string): readonly CollaborationSection[] {
  const sections: CollaborationSection[] = [];
  if (canSeeRegistrations(me, collaborationId)) sections.push('registrations');
  if (canCoordinate(me, collaborationId)) sections.push('dashboard', 'figures', 'caseload', 'retention');
  if (canUseSocialMap(me, collaborationId)) sections.push('socialMap', 'team');
  if (canManage(me, collaborationId)) sections.push(...COLLABORATION_SECTIONS);
  if (isDpoIn(me, collaborationId)) sections.push('accessLog');
  if (canReviewBreakGlass(me, collaborationId)) sections.push('breakGlass');
  return sections;
}

/** The collaboration the navigation is about: the one on screen, else the last chosen, else the first. */
export function currentCollaborationId(me: Me, fromUrl: string | undefined, remembered: string | null): string | null {
  if (fromUrl) return fromUrl;
  if (remembered && membershipIn(me, remembered)) return remembered;
  return me.memberships[0]?.collaborationId ?? null;
}

/** Ordered so the most powerful role comes first, which is how people describe themselves. */
export function sortRoles(roles: readonly Role[]): Role[] {
  const order: Role[] = ['admin', 'coordinator', 'coach', 'referrer', 'dpo'];
  return order.filter((r) => roles.includes(r));
}

/** A coach's list of registrations is the queue showing only theirs. */
export function sectionLink(me: Me, section: CollaborationSection, collaborationId: string): string {
  const path = paths[section](collaborationId);
  return section === 'registrations' && !canCoordinate(me, collaborationId) ? `${path}?coachId=${me.user.id}` : path;
}

/** Government analysts (and platform administrators) read the suppressed figures of all collaborations. */
export function canReadGovernmentFigures(me: Me): boolean {
  return me.user.governmentAnalyst || me.user.platformAdmin;
}
