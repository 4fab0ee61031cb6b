import { z } from 'zod';
import { ROLES } from '../roles.ts';
import { Timestamp, Uuid } from './common.ts';

export const TotpCode = z.string().trim().regex(/^\d{6}$/);
export const RecoveryCode = z.string().trim().min(10).max(20);

export const SecondFactorStatus = z
  .object({
    /** What this session still has to do: give the code ('verify'), link an app ('enrol'), or nothing. */
    step: z.enum(['verify', 'enrol']).nullable(),
    required: z.boolean(),
    /** Without a factor yet: from this moment work waits until one is set up. */
    enrolBy: Timestamp.nullable(),
    factors: z.array(z.object({ id: Uuid, kind: z.enum(['totp']), confirmedAt: Timestamp, lastUsedAt: Timestamp.nullable() })),
    recoveryCodesLeft: z.number().int(),
    csrfToken: z.string(),
  })
  .meta({ id: 'SecondFactorStatus' });
export type SecondFactorStatus = z.infer<typeof SecondFactorStatus>;

export const SecondStepBody = z
  .object({ code: TotpCode.optional(), recoveryCode: RecoveryCode.optional() })
  .refine((b) => (b.code === undefined) !== (b.recoveryCode === undefined), { path: ['code'], message: 'Give a code or a recovery code' });
export type SecondStepBody = z.infer<typeof SecondStepBody>;

export const TotpEnrolment = z.object({
  factorId: Uuid,
  /** Base32, for typing into an app that cannot scan. */
  secret: z.string(),
  otpauthUri: z.string(),
  qrSvg: z.string(),
});
export type TotpEnrolment = z.infer<typeof TotpEnrolment>;

export const TotpConfirmBody = z.object({ factorId: Uuid, code: TotpCode });
export type TotpConfirmBody = z.infer<typeof TotpConfirmBody>;
export const RecoveryCodesBody = z.object({ code: TotpCode });
export type RecoveryCodesBody = z.infer<typeof RecoveryCodesBody>;

export const RecoveryCodes = z.object({ recoveryCodes: z.array(z.string()), csrfToken: z.string() });
export type RecoveryCodes = z.infer<typeof RecoveryCodes>;

export const RolePolicy = z.object({ role: z.enum(ROLES), required: z.boolean(), graceDays: z.number().int().min(0).max(90) });
export const SecondFactorPolicy = z.object({ roles: z.array(RolePolicy), version: z.number().int() }).meta({ id: 'SecondFactorPolicy' });
export type SecondFactorPolicy = z.infer<typeof SecondFactorPolicy>;
export const SecondFactorPolicyPut = z.object({
  roles: z.array(RolePolicy).length(ROLES.length).refine((r) => new Set(r.map((x) => x.role)).size === ROLES.length, { message: 'Each role once' }),
});
export type SecondFactorPolicyPut = z.infer<typeof SecondFactorPolicyPut>;

export const PLATFORM_POLICY_ROLES = ['platform_admin', 'government_analyst'] as const;
export const PlatformRolePolicy = z.object({ role: z.enum(PLATFORM_POLICY_ROLES), required: z.boolean(), graceDays: z.number().int().min(0).max(90) });
export const PlatformSecondFactorPolicy = z.object({ roles: z.array(PlatformRolePolicy), version: z.number().int() }).meta({ id: 'PlatformSecondFactorPolicy' });
export type PlatformSecondFactorPolicy = z.infer<typeof PlatformSecondFactorPolicy>;
export const PlatformSecondFactorPolicyPut = z.object({
  roles: z.array(PlatformRolePolicy).length(PLATFORM_POLICY_ROLES.length)
    .refine((r) => new Set(r.map((x) => x.role)).size === PLATFORM_POLICY_ROLES.length, { message: 'Each role once' }),
});
