import { z } from 'zod';
import { CONTACT_PLACES } from '../plan-constants.ts';
import { MEMBER_ROLES, PARTICIPANT_ROLES } from '../roles.ts';
import { Name, OptionalText, patchOf, Timestamp, Uuid } from './common.ts';

/*
 * The family file: the family, its members and homes, and its contact moments.
 * Resources live under /api/v1/families/{id}. Every change answers with the new `version`
 * (also as ETag); updates and deletes need If-Match.
 */

export const FamilyParams = z.object({ id: Uuid });
export const FamilyItemParams = z.object({ id: Uuid, itemId: Uuid });

const IsoDate = z.iso.date();
const LanguageCode = z.string().trim().min(2).max(35);

/**
 * Sent with any change to say the coach enters this on behalf of a family member (e.g. goals the
 * member dictated). Stored with the item and in its history; the plan shows it.
 */
export const OnBehalfOf = z.object({ onBehalfOfParticipantId: Uuid.nullable().optional() });

export const FamilySummary = z.object({
  id: Uuid,
  collaborationId: Uuid,
  collaborationName: z.string(),
  displayName: z.string(),
  status: z.enum(['registered', 'active', 'closed']),
  /** The actor's own place in the family: coach, parent... or null for a coordinator outside the circle. */
  myRole: z.enum(PARTICIPANT_ROLES).nullable(),
  coachNames: z.array(z.string()),
  memberCount: z.number().int(),
  updatedAt: Timestamp,
});
export type FamilySummary = z.infer<typeof FamilySummary>;

export const FamilyListQuery = z.object({
  collaborationId: Uuid.optional(),
  status: z.enum(['registered', 'active', 'closed']).optional(),
  q: z.string().trim().max(100).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const Family = FamilySummary.extend({
  planTemplateId: Uuid.nullable(),
  /**
   * How far the actor may see: 'full' (family, coaches), 'consented' (shared topics), 'metadata',
   * 'emergency' (a running emergency access: read-only, without items marked private).
   */
  reach: z.enum(['full', 'consented', 'metadata', 'emergency']),
  /** The actor's running emergency access: when it ends (read-only until then) and the reason they gave, shown on every page. */
  emergency: z.object({ grantId: Uuid, endsAt: Timestamp, reason: z.string() }).nullable(),
  /** The actor's participant id in this family, if any (to mark "me" and act on behalf). */
  myParticipantId: Uuid.nullable(),
  /** For someone the family lets "also add": the life domains they may add to (the family and coaches: all, not listed). */
  contributeLifeDomainIds: z.array(Uuid),
  version: z.number().int(),
});
export type Family = z.infer<typeof Family>;

export const FamilyPatch = z.object({
  displayName: Name.optional(),
  planTemplateId: Uuid.nullable().optional(),
});

export const Home = z.object({ id: Uuid, label: z.string(), version: z.number().int() });
export type Home = z.infer<typeof Home>;
export const HomeInput = z.object({ label: z.string().trim().min(1).max(80) });

export const MemberHome = z.object({ homeId: Uuid, arrangement: z.string().trim().max(120).nullable() });

export const Member = z.object({
  id: Uuid,
  role: z.enum(MEMBER_ROLES),
  displayName: z.string(),
  relation: z.string().nullable(),
  dateOfBirth: IsoDate.nullable(),
  birthYear: z.number().int().nullable(),
  languages: z.array(z.string()),
  importantToMe: z.string().nullable(),
  homes: z.array(MemberHome),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  /** Signed in to the family portal (an account is linked). */
  hasAccount: z.boolean(),
  version: z.number().int(),
});
export type Member = z.infer<typeof Member>;

export const MemberInput = OnBehalfOf.extend({
  role: z.enum(MEMBER_ROLES),
  displayName: Name,
  relation: OptionalText(60),
  dateOfBirth: IsoDate.nullable().optional(),
  languages: z.array(LanguageCode).max(10).default([]),
  importantToMe: OptionalText(1000),
  homes: z.array(MemberHome).max(4).default([]),
  email: z.string().trim().toLowerCase().pipe(z.email().max(254)).nullable().optional(),
  phone: OptionalText(40),
});
export type MemberInput = z.input<typeof MemberInput>;
export const MemberPatch = patchOf(MemberInput);

/** Everyone around the family who can be named in the plan: members, network, professionals, coaches. */
export const ParticipantOption = z.object({
  id: Uuid,
  displayName: z.string(),
  role: z.enum(PARTICIPANT_ROLES),
  ring: z.number().int().min(1).max(3),
  relation: z.string().nullable(),
});
export type ParticipantOption = z.infer<typeof ParticipantOption>;

/** Who wrote an item, and for whom the coach entered it. */
export const Attribution = z.object({
  authorParticipantId: Uuid.nullable(),
  authorName: z.string().nullable(),
  onBehalfOfParticipantId: Uuid.nullable(),
  onBehalfOfName: z.string().nullable(),
});

export const ContactMoment = Attribution.extend({
  id: Uuid,
  occurredOn: IsoDate,
  place: z.enum(CONTACT_PLACES),
  placeDetail: z.string().nullable(),
  presentParticipantIds: z.array(Uuid),
  summary: z.string(),
  lifeDomainId: Uuid.nullable(),
  minutesSpent: z.number().int().nullable(),
  isPrivate: z.boolean(),
  createdAt: Timestamp,
  version: z.number().int(),
});
export type ContactMoment = z.infer<typeof ContactMoment>;

export const ContactMomentInput = OnBehalfOf.extend({
  occurredOn: IsoDate,
  place: z.enum(CONTACT_PLACES),
  placeDetail: OptionalText(120),
  presentParticipantIds: z.array(Uuid).max(50).default([]),
  summary: z.string().trim().min(1).max(4000),
  lifeDomainId: Uuid.nullable().optional(),
  minutesSpent: z.number().int().min(0).max(24 * 60).nullable().optional(),
  isPrivate: z.boolean().default(false),
});
export type ContactMomentInput = z.input<typeof ContactMomentInput>;
export const ContactMomentPatch = patchOf(ContactMomentInput);
