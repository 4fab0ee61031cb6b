import { sql } from 'drizzle-orm';
import {
  boolean, check, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uuid,
} from 'drizzle-orm/pg-core';
import { collaborations } from './tenants.ts';

const now = () => timestamp({ withTimezone: true }).notNull().defaultNow();

/**
 * An OpenID Connect identity provider a collaboration connected (a partner organisation's Entra ID,
 * Google Workspace, Keycloak, …). Its staff sign in there; see features/sso/.
 */
export const identityProviders = pgTable(
  'identity_providers',
  {
    collaborationId: uuid().notNull().references(() => collaborations.id, { onDelete: 'cascade' }),
    id: uuid().notNull().defaultRandom(),
    name: text().notNull(),
    issuer: text().notNull(),
    clientId: text().notNull(),
    /** AES-256-GCM with the SECOND_FACTOR_KEY, bound to this row's id (features/identity-providers/secret.ts). */
    clientSecretEncrypted: text().notNull(),
    active: boolean().notNull().default(true),
    version: integer().notNull().default(1),
    createdAt: now(),
    updatedAt: now(),
  },
  (t) => [primaryKey({ columns: [t.collaborationId, t.id] })],
);

/**
 * The email domains a provider serves. The domain is the whole key: the sign-in page finds the one
 * provider for a typed address, so a domain can belong to one provider, in one collaboration, only.
 */
export const identityProviderDomains = pgTable(
  'identity_provider_domains',
  {
    domain: text().primaryKey(),
    collaborationId: uuid().notNull(),
    providerId: uuid().notNull(),
  },
  (t) => [
    foreignKey({
      name: 'identity_provider_domains_provider_fk',
      columns: [t.collaborationId, t.providerId],
      foreignColumns: [identityProviders.collaborationId, identityProviders.id],
    }).onDelete('cascade'),
    index('identity_provider_domains_provider').on(t.collaborationId, t.providerId),
    check('identity_provider_domains_lowercase', sql`${t.domain} = lower(${t.domain})`),
  ],
);

/**
 * A sign-in that went to a provider and has not come back yet: state, nonce and PKCE verifier stay on
 * the server, and the browser that started it holds a cookie whose hash is `browserHash`, so a
 * callback link opened in another browser (login CSRF) finds nothing. Used once, valid minutes.
 */
export const ssoSignIns = pgTable(
  'sso_sign_ins',
  {
    stateHash: text().primaryKey(),
    collaborationId: uuid().notNull(),
    providerId: uuid().notNull(),
    browserHash: text().notNull(),
    nonce: text().notNull(),
    codeVerifier: text().notNull(),
    createdAt: now(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    foreignKey({
      name: 'sso_sign_ins_provider_fk',
      columns: [t.collaborationId, t.providerId],
      foreignColumns: [identityProviders.collaborationId, identityProviders.id],
    }).onDelete('cascade'),
    index('sso_sign_ins_expires').on(t.expiresAt),
  ],
);
