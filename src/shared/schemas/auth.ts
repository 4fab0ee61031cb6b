import { z } from 'zod';
import { ROLES } from '../roles.ts';
import { customMessage } from '../field-messages.ts';
import { Email, LocaleSchema, Uuid } from './common.ts';

export const LoginBody = z.object({ email: Email, password: z.string().min(1).max(200) });
export type LoginBody = z.infer<typeof LoginBody>;

export const Password = z.string().min(10).max(200);

export const PasswordResetRequestBody = z.object({ email: Email });

export const SetPasswordBody = z
  .object({ token: z.string().min(20).max(200), password: Password, passwordRepeat: z.string() })
  .refine((b) => b.password === b.passwordRepeat, { path: ['passwordRepeat'], ...customMessage('passwordsDiffer') });
export type SetPasswordBody = z.infer<typeof SetPasswordBody>;

export const TokenInfo = z.object({
  purpose: z.enum(['invitation', 'password_reset']),
  email: z.string(),
  name: z.string(),
});
export type TokenInfo = z.infer<typeof TokenInfo>;

export const MembershipSummary = z.object({
  collaborationId: Uuid,
  collaborationName: z.string(),
  roles: z.array(z.enum(ROLES)),
  partnerOrganisationId: Uuid.nullable(),
});
export type MembershipSummary = z.infer<typeof MembershipSummary>;

export const Me = z
  .object({
    user: z.object({
      id: Uuid,
      email: z.string(),
      name: z.string(),
      locale: LocaleSchema,
      platformAdmin: z.boolean(),
      /** Reads the government figures (all collaborations, suppressed aggregates only). */
      governmentAnalyst: z.boolean(),
    }),
    memberships: z.array(MembershipSummary),
    /** Without a factor but required: `enrolBy` is when work stops until one is set up. */
    secondFactor: z.object({ enrolled: z.boolean(), required: z.boolean(), enrolBy: z.iso.datetime({ offset: true }).nullable() }),
    csrfToken: z.string(),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof Me>;

export const MePatch = z.object({ locale: LocaleSchema });

/** The answer to a right password when the second factor is still to come: only that step is open. */
export const SecondStepNeeded = z
  .object({ secondFactorStep: z.enum(['verify', 'enrol']), csrfToken: z.string() })
  .meta({ id: 'SecondStepNeeded' });
export type SecondStepNeeded = z.infer<typeof SecondStepNeeded>;
export const SignInResult = z.union([Me, SecondStepNeeded]);
export type SignInResult = z.infer<typeof SignInResult>;
