export const ROLES = ['admin', 'coordinator', 'coach', 'referrer'] as const;
export type Role = (typeof ROLES)[number];

export const PARTICIPANT_ROLES = [
  'parent', 'young_person', 'child', 'network_member', 'outside_professional', 'coach',
] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

export const ORGANISATION_KINDS = [
  'clb', 'caw', 'ocmw', 'ckg', 'cgg', 'kind_en_gezin', 'vaph', 'jac', 'huis_van_het_kind', 'local_government', 'other',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];
