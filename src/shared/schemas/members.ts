import { z } from 'zod';
import { ROLES } from '../roles.ts';
import { Email, Name, Uuid } from './common.ts';

export const Member = z
  .object({
    userId: Uuid,
    email: z.string(),
    name: z.string(),
    roles: z.array(z.enum(ROLES)),
    partnerOrganisationId: Uuid.nullable(),
    active: z.boolean(),
    /** False until the person set a password through their invitation link. */
    invitationAccepted: z.boolean(),
    version: z.number().int(),
  })
  .meta({ id: 'Member' });
export type Member = z.infer<typeof Member>;

const Roles = z.array(z.enum(ROLES)).min(1).max(ROLES.length);

export const MemberInvite = z.object({
  email: Email,
  name: Name,
  roles: Roles,
  partnerOrganisationId: Uuid.nullable().optional(),
});
export type MemberInvite = z.infer<typeof MemberInvite>;

export const MemberPatch = z
  .object({ roles: Roles, partnerOrganisationId: Uuid.nullable(), active: z.boolean() })
  .partial();
export type MemberPatch = z.infer<typeof MemberPatch>;

export const MemberParams = z.object({ collaborationId: Uuid, userId: Uuid });
