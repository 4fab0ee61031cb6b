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
    csrfToken: z.string(),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof Me>;

export const MePatch = z.object({ locale: LocaleSchema });
