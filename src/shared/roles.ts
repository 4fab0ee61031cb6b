/** `dpo`: the collaboration's data protection officer; reads its access log, never a family's file. */
export const ROLES = ['admin', 'coordinator', 'coach', 'referrer', 'dpo'] as const;
export type Role = (typeof ROLES)[number];

export const PARTICIPANT_ROLES = [
  'parent', 'young_person', 'child', 'housemate', 'network_member', 'outside_professional', 'coach',
] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

/** The participants who are the family itself (ring 1): parents, children, young people, others living in. */
export const MEMBER_ROLES = ['parent', 'young_person', 'child', 'housemate'] as const satisfies readonly ParticipantRole[];
export type MemberRole = (typeof MEMBER_ROLES)[number];

export const ORGANISATION_KINDS = [
  'clb', 'caw', 'ocmw', 'ckg', 'cgg', 'kind_en_gezin', 'vaph', 'jac', 'huis_van_het_kind', 'local_government', 'other',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];
