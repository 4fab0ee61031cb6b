import { z } from 'zod';
import { Email, Name, OptionalText, Timestamp, Uuid } from './common.ts';

export const REFERRER_TYPES = [
  'clb', 'caw', 'huis_van_het_kind', 'kind_en_gezin', 'ocmw', 'ocj', 'crisis_youth_care', 'gp', 'school', 'other', 'family_itself',
] as const;
export type ReferrerType = (typeof REFERRER_TYPES)[number];

export const REGISTRATION_REASONS = ['waiting_bridging', 'question_unclear', 'many_helpers', 'other'] as const;
export type RegistrationReason = (typeof REGISTRATION_REASONS)[number];

export const REGISTRATION_STATUSES = ['new', 'first_contact', 'trajectory_started', 'consultation_answered', 'not_started', 'forwarded'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

export const FIRST_CONTACT_METHODS = ['phone', 'home_visit', 'elsewhere'] as const;

/** Where a registration stands against the first-contact promise. */
export const TIMINGS = ['on_track', 'warning', 'overdue', 'done'] as const;
export type Timing = (typeof TIMINGS)[number];

/** Families speak many languages; the list is what the registration form offers. */
export const FAMILY_LANGUAGES = ['nl', 'fr', 'en', 'ar', 'tr', 'pl', 'ro', 'bg', 'ru', 'uk', 'so', 'ti', 'ps', 'fa', 'es', 'other'] as const;

const Postcode = z.string().trim().regex(/^[1-9][0-9]{3}$/);
const thisYear = new Date().getFullYear();

export const ChildInput = z.object({
  firstName: z.string().trim().min(1).max(60),
  birthYear: z.number().int().min(thisYear - 25).max(thisYear),
});

export const RegistrationCreate = z.object({
  kind: z.enum(['family', 'consultation']),
  /** Chosen by the person registering when the postcode is not in any working area. */
  collaborationId: Uuid.optional(),
  referrer: z.object({
    type: z.enum(REFERRER_TYPES),
    name: Name,
    organisation: OptionalText(120),
    /** The receipt goes here. */
    email: Email,
    phone: OptionalText(40),
  }),
  family: z.object({
    name: Name,
    email: Email.nullable().optional(),
    phone: OptionalText(40),
    language: z.enum(FAMILY_LANGUAGES),
  }),
  postcode: Postcode,
  municipality: z.string().trim().min(1).max(80),
  children: z.array(ChildInput).max(15),
  reasons: z.array(z.enum(REGISTRATION_REASONS)).min(1).max(REGISTRATION_REASONS.length),
  /** The question in the family's own words. */
  question: z.string().trim().min(1).max(4000),
  helpersInvolved: OptionalText(2000),
  networkInvolved: OptionalText(2000),
  urgent: z.boolean(),
  /** The family knows of and agrees to the registration: without it nothing is stored. */
  familyConsent: z.literal(true),
});
export type RegistrationCreate = z.infer<typeof RegistrationCreate>;

export const CollaborationContact = z.object({
  id: Uuid,
  name: z.string(),
  contactEmail: z.string().nullable(),
  contactPhone: z.string().nullable(),
});
export type CollaborationContact = z.infer<typeof CollaborationContact>;

export const PostcodeRouting = z.object({
  postcode: z.string(),
  /** Usually one; a postcode shared by municipalities in two working areas gives two. */
  matches: z.array(CollaborationContact.extend({ municipality: z.string() })),
});
export type PostcodeRouting = z.infer<typeof PostcodeRouting>;

export const RegistrationReceipt = z.object({
  id: Uuid,
  kind: z.enum(['family', 'consultation']),
  receivedAt: Timestamp,
  firstContactDueBy: Timestamp,
  collaboration: CollaborationContact,
});
export type RegistrationReceipt = z.infer<typeof RegistrationReceipt>;

export const AssignedCoach = z.object({ userId: Uuid, name: z.string() });

export const RegistrationSummary = z.object({
  id: Uuid,
  collaborationId: Uuid,
  kind: z.enum(['family', 'consultation']),
  status: z.enum(REGISTRATION_STATUSES),
  receivedAt: Timestamp,
  daysSince: z.number().int(),
  firstContactDueBy: Timestamp,
  timing: z.enum(TIMINGS),
  referrerType: z.enum(REFERRER_TYPES),
  referrerName: z.string(),
  familyName: z.string(),
  postcode: z.string(),
  municipality: z.string(),
  urgent: z.boolean(),
  coaches: z.array(AssignedCoach),
  firstContactAt: Timestamp.nullable(),
  version: z.number().int(),
});
export type RegistrationSummary = z.infer<typeof RegistrationSummary>;

export const Registration = RegistrationSummary.extend({
  referrerOrganisation: z.string().nullable(),
  referrerEmail: z.string().nullable(),
  referrerPhone: z.string().nullable(),
  familyEmail: z.string().nullable(),
  familyPhone: z.string().nullable(),
  familyLanguage: z.string(),
  children: z.array(z.object({ firstName: z.string(), birthYear: z.number().int() })),
  reasons: z.array(z.enum(REGISTRATION_REASONS)),
  question: z.string(),
  helpersInvolved: z.string().nullable(),
  networkInvolved: z.string().nullable(),
  firstContactMethod: z.enum(FIRST_CONTACT_METHODS).nullable(),
  closedReason: z.string().nullable(),
  warmReferralTo: z.string().nullable(),
  familyId: Uuid.nullable(),
  forwardedFrom: z.string().nullable(),
}).meta({ id: 'Registration' });
export type Registration = z.infer<typeof Registration>;

/** What a referrer sees of their own registrations: the status, nothing of the family's file. */
export const ReferrerRegistration = z.object({
  id: Uuid,
  collaborationName: z.string(),
  kind: z.enum(['family', 'consultation']),
  familyName: z.string(),
  receivedAt: Timestamp,
  status: z.enum(['received', 'first_contact', 'trajectory_started', 'trajectory_closed', 'consultation_answered', 'not_started']),
});
export type ReferrerRegistration = z.infer<typeof ReferrerRegistration>;

export const RegistrationListQuery = z.object({
  collaborationId: Uuid,
  status: z.enum(REGISTRATION_STATUSES).optional(),
  coachId: Uuid.optional(),
  referrerType: z.enum(REFERRER_TYPES).optional(),
  /** Open ones only (new or first contact), the coordinator's default view. */
  open: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const AssignCoaches = z.object({ coachIds: z.array(Uuid).min(1).max(2) });
export const FirstContact = z.object({
  date: z.iso.date(),
  method: z.enum(FIRST_CONTACT_METHODS),
});
export const RegistrationOutcome = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('trajectory_started') }),
  z.object({ outcome: z.literal('consultation_answered'), note: OptionalText(2000) }),
  z.object({ outcome: z.literal('not_started'), reason: z.string().trim().min(1).max(2000), warmReferralTo: OptionalText(200) }),
]);
export type RegistrationOutcome = z.infer<typeof RegistrationOutcome>;
export const ForwardRegistration = z.object({ collaborationId: Uuid });

export const CoachOption = z.object({ userId: Uuid, name: z.string(), partnerOrganisationName: z.string().nullable(), openFamilies: z.number().int() });
export type CoachOption = z.infer<typeof CoachOption>;

export const RegistrationStatsQuery = z.object({ collaborationId: Uuid, from: z.iso.date(), to: z.iso.date() });
export const RegistrationStats = z.object({
  from: z.iso.date(),
  to: z.iso.date(),
  registrationsThisMonth: z.number().int(),
  registrationsInPeriod: z.number().int(),
  consultationsInPeriod: z.number().int(),
  /** Of the family registrations received in the period; null when there are none. */
  firstContactWithin14DaysShare: z.number().nullable(),
  firstContactWithin30DaysShare: z.number().nullable(),
  medianDaysToFirstContact: z.number().nullable(),
  openPastWarning: z.number().int(),
  openOverdue: z.number().int(),
});
export type RegistrationStats = z.infer<typeof RegistrationStats>;
