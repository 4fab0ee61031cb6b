import { describe, expect, it } from 'vitest';
import type { Me } from '../../shared/schemas/auth.ts';
import { canCoordinate, canManage, currentCollaborationId, isCoachIn, isReferrer, rolesIn, sectionsFor, sortRoles } from './permissions.ts';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';

function me(platformAdmin = false): Me {
  return {
    user: { id: '33333333-3333-4333-8333-333333333333', email: 'an@example.be', name: 'An', locale: 'nl-BE', platformAdmin, governmentAnalyst: false },
    memberships: [
      { collaborationId: A, collaborationName: 'Regio A', roles: ['coach', 'admin'], partnerOrganisationId: null },
      { collaborationId: B, collaborationName: 'Regio B', roles: ['coach'], partnerOrganisationId: null },
    ],
    secondFactor: { enrolled: true, required: true, enrolBy: null },
    csrfToken: 'x',
  };
}

describe('permissions', () => {
  it('lets admins manage only their own collaboration', () => {
    expect(canManage(me(), A)).toBe(true);
    expect(canManage(me(), B)).toBe(false);
    expect(sectionsFor(me(), B)).toEqual(['registrations', 'socialMap', 'team']);
    expect(sectionsFor(me(), A)).toEqual(['registrations', 'dashboard', 'figures', 'caseload', 'retention', 'socialMap', 'team', 'settings', 'partners', 'people', 'templates', 'identityProviders', 'breakGlass']);
  });

  it('gives the DPO the review of emergency access and no family work', () => {
    const dpo: Me = { ...me(), memberships: [{ collaborationId: A, collaborationName: 'Regio A', roles: ['dpo'], partnerOrganisationId: null }] };
    expect(sectionsFor(dpo, A)).toEqual(['accessLog', 'breakGlass']);
    expect(sectionsFor(dpo, B)).toEqual([]);
  });

  it('shows coaches only the registrations, coordinators also the figures', () => {
    const coordinator: Me = { ...me(), memberships: [{ collaborationId: A, collaborationName: 'Regio A', roles: ['coordinator'], partnerOrganisationId: null }] };
    expect(canCoordinate(coordinator, A)).toBe(true);
    expect(canCoordinate(me(), B)).toBe(false);
    expect(isCoachIn(me(), B)).toBe(true);
    expect(sectionsFor(coordinator, A)).toEqual(['registrations', 'dashboard', 'figures', 'caseload', 'retention', 'socialMap', 'team']);
    expect(isReferrer(coordinator)).toBe(false);
  });

  it('lets a platform administrator manage any collaboration', () => {
    const elsewhere = 'ffffffff-ffff-4fff-8fff-ffffffffffff';
    expect(canManage(me(true), elsewhere)).toBe(true);
    // ...but not its registrations: they hold family data.
    expect(sectionsFor(me(true), elsewhere)).toEqual(['settings', 'partners', 'people', 'templates', 'identityProviders']);
  });

  it('knows the roles per collaboration, most powerful first', () => {
    expect(rolesIn(me(), A)).toEqual(['coach', 'admin']);
    expect(sortRoles(rolesIn(me(), A))).toEqual(['admin', 'coach']);
    expect(rolesIn(me(), 'unknown')).toEqual([]);
  });

  it('picks the collaboration in the address, then the remembered one, then the first', () => {
    expect(currentCollaborationId(me(), B, A)).toBe(B);
    expect(currentCollaborationId(me(), undefined, B)).toBe(B);
    expect(currentCollaborationId(me(), undefined, 'gone')).toBe(A);
    expect(currentCollaborationId({ ...me(), memberships: [] }, undefined, null)).toBeNull();
  });
});
