import { z } from 'zod';
import { BREAK_GLASS_MAX_HOURS } from '../break-glass-constants.ts';
import { MAX_RETENTION_YEARS } from '../retention-constants.ts';
import { LOCALES } from '../locales.ts';
import { PICTOGRAM_KEYS } from '../pictograms.ts';
import { customMessage } from '../field-messages.ts';
import { Email, Name, OptionalText, Uuid } from './common.ts';

export const PostcodeEntry = z.object({
  postcode: z.string().trim().regex(/^[1-9][0-9]{3}$/),
  municipality: z.string().trim().min(1).max(80),
});
export type PostcodeEntry = z.infer<typeof PostcodeEntry>;

export const LifeDomain = z.object({
  id: Uuid,
  labelNl: z.string(),
  labelEn: z.string(),
  pictogram: z.enum(PICTOGRAM_KEYS),
  position: z.number().int(),
});
export type LifeDomain = z.infer<typeof LifeDomain>;

export const LifeDomainInput = z.object({
  id: Uuid.optional(),
  labelNl: z.string().trim().min(1).max(60),
  labelEn: z.string().trim().min(1).max(60),
  pictogram: z.enum(PICTOGRAM_KEYS),
});
export type LifeDomainInput = z.infer<typeof LifeDomainInput>;

export const CollaborationSummary = z.object({ id: Uuid, name: z.string(), postcodeCount: z.number().int() });
export type CollaborationSummary = z.infer<typeof CollaborationSummary>;

export const CollaborationSettings = z
  .object({
    id: Uuid,
    name: z.string(),
    contactEmail: z.string().nullable(),
    contactPhone: z.string().nullable(),
    firstContactTargetDays: z.number().int(),
    warningThresholdDays: z.number().int(),
    /** Months until the next evaluation round is proposed. */
    evaluationIntervalMonths: z.number().int(),
    /** How long one use of emergency access lasts, in hours. */
    breakGlassHours: z.number().int(),
    /** Whether coaches may use emergency access for files they are not on (coordinators always may). */
    breakGlassCoaches: z.boolean(),
    /** Years a closed family file is kept after its closure; then it is erased. */
    retentionYears: z.number().int(),
    languages: z.array(z.enum(LOCALES)),
    postcodes: z.array(PostcodeEntry),
    lifeDomains: z.array(LifeDomain),
    version: z.number().int(),
  })
  .meta({ id: 'CollaborationSettings' });
export type CollaborationSettings = z.infer<typeof CollaborationSettings>;

const settingsFields = {
  name: Name,
  contactEmail: Email.nullable().optional(),
  contactPhone: OptionalText(40),
  firstContactTargetDays: z.number().int().min(1).max(365),
  warningThresholdDays: z.number().int().min(1).max(365),
  evaluationIntervalMonths: z.number().int().min(1).max(24),
  breakGlassHours: z.number().int().min(1).max(BREAK_GLASS_MAX_HOURS),
  breakGlassCoaches: z.boolean(),
  retentionYears: z.number().int().min(1).max(MAX_RETENTION_YEARS),
  languages: z.array(z.enum(LOCALES)).min(1),
  postcodes: z.array(PostcodeEntry).max(400),
  lifeDomains: z.array(LifeDomainInput).min(1).max(40),
};

/** Partial update of the settings; lists (postcodes, life domains) are replaced as a whole. */
export const CollaborationSettingsPatch = z
  .object(settingsFields)
  .partial()
  .refine(
    (s) => s.firstContactTargetDays === undefined || s.warningThresholdDays === undefined || s.warningThresholdDays <= s.firstContactTargetDays,
    { path: ['warningThresholdDays'], ...customMessage('warningBeforeTarget') },
  );
export type CollaborationSettingsPatch = z.infer<typeof CollaborationSettingsPatch>;

export const CollaborationCreate = z.object({
  name: Name,
  contactEmail: Email.nullable().optional(),
  firstAdmin: z.object({ email: Email, name: Name }).optional(),
});
export type CollaborationCreate = z.infer<typeof CollaborationCreate>;
