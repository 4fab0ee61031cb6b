import { z } from 'zod';
import { OptionalText, Timestamp, Uuid } from './common.ts';

/* Own-strength reflection (Gilsing): /api/v1/families/{id}/reflections. */

export const OWN_STRENGTH_DIMENSIONS = ['competence', 'motivation', 'social'] as const;
export type OwnStrengthDimension = (typeof OWN_STRENGTH_DIMENSIONS)[number];

/** 1 = hardly, 2 = a little, 3 = partly, 4 = mostly, 5 = strongly; the screen words them plainly. */
const Scale = z.number().int().min(1).max(5);

export const ReflectionInput = z.object({
  /** A family member, or null for the whole family. */
  subjectParticipantId: Uuid.nullable().optional(),
  reflectedOn: z.iso.date(),
  competence: Scale,
  competenceNote: OptionalText(500),
  motivation: Scale,
  motivationNote: OptionalText(500),
  social: Scale,
  socialNote: OptionalText(500),
  note: OptionalText(2000),
  withFamily: z.boolean().default(false),
  presentParticipantIds: z.array(Uuid).max(30).default([]),
});
export type ReflectionInput = z.input<typeof ReflectionInput>;

export const Reflection = z.object({
  id: Uuid,
  subjectParticipantId: Uuid.nullable(),
  subjectName: z.string().nullable(),
  reflectedOn: z.iso.date(),
  competence: z.number().int(),
  competenceNote: z.string().nullable(),
  motivation: z.number().int(),
  motivationNote: z.string().nullable(),
  social: z.number().int(),
  socialNote: z.string().nullable(),
  note: z.string().nullable(),
  withFamily: z.boolean(),
  presentNames: z.array(z.string()),
  authorParticipantId: Uuid.nullable(),
  authorName: z.string().nullable(),
  createdAt: Timestamp,
  version: z.number().int(),
});
export type Reflection = z.infer<typeof Reflection>;

export const ReflectionQuery = z.object({ subjectParticipantId: z.union([Uuid, z.literal('family')]).optional() });
