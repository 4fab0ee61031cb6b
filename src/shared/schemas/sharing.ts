import { z } from 'zod';
import { customMessage } from '../field-messages.ts';
import { PARTICIPANT_ROLES } from '../roles.ts';
import { Email, Name, OptionalText, Timestamp, Uuid } from './common.ts';
import { Agreement } from './plan.ts';
import { LifeDomain } from './collaborations.ts';

/*
 * The family in charge: who is invited, who sees what (consent grants), who looked (the access
 * log of the family's file) and what a coach knew before (prior involvement).
 * Resources under /api/v1/families/{id}: /invitations, /consents, /access-log, /prior-involvements;
 * and /api/v1/portal for the signed-in person's own families.
 */

export const CONSENT_LEVELS = ['read', 'contribute'] as const;
export type ConsentLevel = (typeof CONSENT_LEVELS)[number];

/**
 * Item kinds a single-item grant can name. A person of the network (`network_person`) and their
 * contact details (`network_contact`) are shared apart: knowing who helps is not knowing their number.
 */
export const SHAREABLE_ITEM_TYPES = ['question', 'strength', 'worry', 'goal', 'agreement', 'contact_moment', 'service', 'network_person', 'network_contact', 'reflection'] as const;
export type ShareableItemType = (typeof SHAREABLE_ITEM_TYPES)[number];

export const ConsentParams = z.object({ id: Uuid, consentId: Uuid });

export const ConsentGrant = z.object({
  id: Uuid,
  participantId: Uuid,
  participantName: z.string(),
  lifeDomainId: Uuid.nullable(),
  itemType: z.enum(SHAREABLE_ITEM_TYPES).nullable(),
  itemId: Uuid.nullable(),
  level: z.enum(CONSENT_LEVELS),
  /** `proposed` by a coach: not in effect until a parent (or the young person it is about) approves. */
  status: z.enum(['proposed', 'active']),
  validUntil: Timestamp.nullable(),
  grantedByName: z.string().nullable(),
  /** The coach recorded this decision for this family member. */
  onBehalfOfName: z.string().nullable(),
  approvedByName: z.string().nullable(),
  approvedAt: Timestamp.nullable(),
  /** Who must approve: a parent, or the young person (12+) the item is about. */
  decidedBy: z.enum(['parent', 'young_person']),
  /** Whether the asker may approve this proposal. */
  canApprove: z.boolean(),
  createdAt: Timestamp,
  version: z.number().int(),
});
export type ConsentGrant = z.infer<typeof ConsentGrant>;

/** One person the family can share with (network, outside professionals, children). */
export const SharingPerson = z.object({
  participantId: Uuid,
  displayName: z.string(),
  role: z.enum(PARTICIPANT_ROLES),
  ring: z.number().int(),
  relation: z.string().nullable(),
  hasAccount: z.boolean(),
});
export type SharingPerson = z.infer<typeof SharingPerson>;

/** A single item that can be shared on its own. */
export const ShareableItem = z.object({
  itemType: z.enum(SHAREABLE_ITEM_TYPES),
  id: Uuid,
  label: z.string(),
  lifeDomainId: Uuid.nullable(),
  /** The young person (12+) this item is about: they decide about sharing it, not their parents. */
  aboutYoungPersonId: Uuid.nullable(),
});
export type ShareableItem = z.infer<typeof ShareableItem>;

export const SharingOverview = z.object({
  people: z.array(SharingPerson),
  lifeDomains: z.array(LifeDomain),
  items: z.array(ShareableItem),
  /** Grants in effect or waiting for approval; revoked and expired ones are history. */
  grants: z.array(ConsentGrant),
  /** The asker decides (parent, young person) or may only propose (coach). */
  mayDecide: z.boolean(),
});
export type SharingOverview = z.infer<typeof SharingOverview>;

export const ConsentInput = z
  .object({
    participantId: Uuid,
    lifeDomainId: Uuid.nullable().optional(),
    itemType: z.enum(SHAREABLE_ITEM_TYPES).nullable().optional(),
    itemId: Uuid.nullable().optional(),
    level: z.enum(CONSENT_LEVELS).default('read'),
    validUntil: z.iso.date().nullable().optional(),
    /** A coach recording a decision the family member made (in a conversation, on paper). */
    onBehalfOfParticipantId: Uuid.nullable().optional(),
  })
  .refine((b) => (b.lifeDomainId ? !b.itemId && !b.itemType : Boolean(b.itemId && b.itemType)), {
    path: ['lifeDomainId'], ...customMessage('oneTopic'),
  });
export type ConsentInput = z.input<typeof ConsentInput>;

/** Approving a proposal; a coach may record a family member's approval on their behalf. */
export const ConsentApproval = z.object({ onBehalfOfParticipantId: Uuid.nullable().optional() });

export const INVITABLE_ROLES = ['parent', 'young_person', 'network_member', 'outside_professional'] as const;

export const InvitationInput = z
  .object({
    /** Invite someone already in the file; or give a name and role to add them. */
    participantId: Uuid.optional(),
    displayName: Name.optional(),
    role: z.enum(INVITABLE_ROLES).optional(),
    relation: OptionalText(60),
    email: Email,
  })
  .refine((b) => Boolean(b.participantId) || Boolean(b.displayName && b.role), { path: ['displayName'], ...customMessage('required') });
export type InvitationInput = z.input<typeof InvitationInput>;

export const Invitation = z.object({
  participantId: Uuid,
  displayName: z.string(),
  email: z.string(),
  /** Already has an account (a professional of the collaboration): they sign in as usual. */
  existingAccount: z.boolean(),
});
export type Invitation = z.infer<typeof Invitation>;

export const ACCESS_LOG_ACTIONS = ['create', 'read', 'update', 'delete', 'export', 'print', 'search', 'break_glass'] as const;

export const AccessLogQuery = z.object({
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  /** `others`: leave out what the family itself did. */
  who: z.enum(['all', 'others']).default('all'),
  action: z.enum(ACCESS_LOG_ACTIONS).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});

export const AccessLogEntry = z.object({
  id: z.string(),
  occurredAt: Timestamp,
  actorName: z.string().nullable(),
  /** The role they acted in: coach, coordinator, parent, network member... */
  actorRole: z.string().nullable(),
  organisationName: z.string().nullable(),
  /** A member of the family itself (parent, young person) rather than someone outside it. */
  actorIsFamily: z.boolean(),
  isMe: z.boolean(),
  action: z.string(),
  entityType: z.string(),
  outcome: z.string(),
  /** Why, when it was given: e.g. "on behalf of" or the reason of a refusal. */
  reason: z.string().nullable(),
});
export type AccessLogEntry = z.infer<typeof AccessLogEntry>;

export const PriorInvolvementParams = z.object({ id: Uuid, priorId: Uuid });

export const PriorInvolvement = z.object({
  id: Uuid,
  coachName: z.string(),
  organisationName: z.string(),
  description: z.string(),
  declaredAt: Timestamp,
  /** Whether the coach asked to bring in records of their own organisation, and the family's answer. */
  recordsConsent: z.enum(['not_asked', 'asked', 'given', 'refused']),
  decidedByName: z.string().nullable(),
  decidedAt: Timestamp.nullable(),
  version: z.number().int(),
});
export type PriorInvolvement = z.infer<typeof PriorInvolvement>;

export const PriorInvolvementInput = z.object({
  organisationName: Name,
  description: z.string().trim().min(1).max(2000),
  askRecords: z.boolean().default(false),
});
export type PriorInvolvementInput = z.input<typeof PriorInvolvementInput>;

export const RecordsDecision = z.object({
  decision: z.enum(['given', 'refused']),
  onBehalfOfParticipantId: Uuid.nullable().optional(),
});

/** The family portal: the signed-in person's own families, in plain terms. */
export const PortalFamily = z.object({
  id: Uuid,
  displayName: z.string(),
  collaborationName: z.string(),
  status: z.enum(['registered', 'active', 'closed']),
  myParticipantId: Uuid,
  myRole: z.enum(PARTICIPANT_ROLES),
  reach: z.enum(['full', 'consented']),
  /** Open agreements I took on, soonest due first. */
  myAgreements: z.array(Agreement),
  /** Goals I may see. */
  goalCount: z.number().int(),
  /** The family's coaches, to call. */
  coaches: z.array(z.object({ name: z.string(), phone: z.string().nullable(), email: z.string().nullable() })),
  /** Proposals to share that wait for my approval. */
  pendingApprovals: z.number().int(),
  /** For the family, once the trajectory is closed: the summary it keeps, and until when it may read its file. */
  closure: z.object({ closedAt: Timestamp, summary: z.string(), readsUntil: Timestamp.nullable() }).nullable(),
});
export type PortalFamily = z.infer<typeof PortalFamily>;

export const Portal = z.object({ families: z.array(PortalFamily) });
export type Portal = z.infer<typeof Portal>;

export const MagicLinkRequest = z.object({ email: Email });
export const MagicLinkRedeem = z.object({ token: z.string().min(20).max(200) });
