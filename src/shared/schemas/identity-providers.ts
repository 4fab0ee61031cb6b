import { z } from 'zod';
import { customMessage } from '../field-messages.ts';
import { Name, Uuid } from './common.ts';

const DOMAIN = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const LOOPBACK = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?(\/|$)/;

/**
 * The provider's issuer identifier, exactly as its discovery document says it (a trailing slash
 * matters). Plain http only on this machine itself, for trying out a provider; the server refuses
 * even that in production.
 */
export const IssuerUrl = z.string().trim().max(500)
  .pipe(z.url({ protocol: /^https?$/ }))
  .refine((u) => u.startsWith('https://') || LOOPBACK.test(u), customMessage('httpsRequired'));

/** An email domain such as `caw-antwerpen.be`; a leading `@` is dropped. */
export const EmailDomain = z.string().trim().toLowerCase().transform((d) => d.replace(/^@/, ''))
  .pipe(z.string().max(253).refine((d) => DOMAIN.test(d), customMessage('emailDomain')));

const Domains = z.array(EmailDomain).min(1).max(20)
  .refine((ds) => new Set(ds).size === ds.length, customMessage('domainTwice'));

export const IdentityProvider = z
  .object({
    id: Uuid,
    name: z.string(),
    issuer: z.string(),
    clientId: z.string(),
    /** The secret itself never leaves the server; this only says one is stored. */
    clientSecretSet: z.boolean(),
    domains: z.array(z.string()),
    active: z.boolean(),
    /** The address to register at the provider as redirect (callback) URI. */
    redirectUri: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'IdentityProvider' });
export type IdentityProvider = z.infer<typeof IdentityProvider>;

export const IdentityProviderList = z.object({ items: z.array(IdentityProvider), redirectUri: z.string() });
export type IdentityProviderList = z.infer<typeof IdentityProviderList>;

export const IdentityProviderCreate = z.object({
  name: Name,
  issuer: IssuerUrl,
  clientId: z.string().trim().min(1).max(300),
  clientSecret: z.string().trim().min(1).max(1000),
  domains: Domains,
});
export type IdentityProviderCreate = z.infer<typeof IdentityProviderCreate>;

/** Leave `clientSecret` out to keep the stored one. */
export const IdentityProviderPatch = IdentityProviderCreate.extend({ active: z.boolean() }).partial();
export type IdentityProviderPatch = z.infer<typeof IdentityProviderPatch>;
