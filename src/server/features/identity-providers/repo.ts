import { and, asc, eq, inArray } from 'drizzle-orm';
import type { IdentityProvider } from '../../../shared/schemas/identity-providers.ts';
import type { Executor } from '../../db/connection.ts';
import { identityProviderDomains as domains, identityProviders as providers } from '../../db/schema/index.ts';

export type ProviderRow = typeof providers.$inferSelect;

/** Where providers send people back after signing in; one address for every provider. */
export const redirectUriOf = (publicUrl: string) => `${publicUrl}/api/v1/auth/sso/callback`;

/** The fields that leave the server: never the client secret, only whether one is stored. */
export const presentProvider = (r: ProviderRow, domainList: string[], publicUrl: string): IdentityProvider => ({
  id: r.id,
  name: r.name,
  issuer: r.issuer,
  clientId: r.clientId,
  clientSecretSet: r.clientSecretEncrypted.length > 0,
  domains: [...domainList].sort(),
  active: r.active,
  redirectUri: redirectUriOf(publicUrl),
  version: r.version,
});

export async function domainsOf(db: Executor, collaborationId: string, providerIds: string[]): Promise<Map<string, string[]>> {
  const byProvider = new Map<string, string[]>(providerIds.map((id) => [id, []]));
  if (providerIds.length === 0) return byProvider;
  const rows = await db.select().from(domains)
    .where(and(eq(domains.collaborationId, collaborationId), inArray(domains.providerId, providerIds)));
  for (const r of rows) byProvider.get(r.providerId)?.push(r.domain);
  return byProvider;
}

/** A collaboration has a handful of providers at most: no paging. */
export async function listProviders(db: Executor, collaborationId: string, publicUrl: string): Promise<IdentityProvider[]> {
  const rows = await db.select().from(providers).where(eq(providers.collaborationId, collaborationId)).orderBy(asc(providers.name), asc(providers.id));
  const byProvider = await domainsOf(db, collaborationId, rows.map((r) => r.id));
  return rows.map((r) => presentProvider(r, byProvider.get(r.id) ?? [], publicUrl));
}

export async function findProvider(db: Executor, collaborationId: string, id: string, forUpdate = false): Promise<ProviderRow | null> {
  const query = db.select().from(providers).where(and(eq(providers.collaborationId, collaborationId), eq(providers.id, id)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

/** The active provider that serves an email address's domain, if any (the sign-in page asks this). */
export async function providerForEmail(db: Executor, email: string): Promise<ProviderRow | null> {
  const domain = email.trim().toLowerCase().split('@').pop() ?? '';
  if (!domain) return null;
  const [row] = await db.select({ provider: providers }).from(domains)
    .innerJoin(providers, and(eq(providers.collaborationId, domains.collaborationId), eq(providers.id, domains.providerId)))
    .where(and(eq(domains.domain, domain), eq(providers.active, true)));
  return row?.provider ?? null;
}
