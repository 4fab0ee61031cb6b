import { randomUUID } from 'node:crypto';
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { IdentityProviderCreate, IdentityProviderPatch } from '../../../shared/schemas/identity-providers.ts';
import type { Config } from '../../config.ts';
import type { Tx } from '../../db/connection.ts';
import { identityProviderDomains as domains, identityProviders as providers } from '../../db/schema/index.ts';
import { audit } from '../../audit/audit.ts';
import type { RequestContext } from '../../http/context.ts';
import { AppError, notFound, sqlState } from '../../http/errors.ts';
import { assertVersion } from '../../http/etag.ts';
import { domainsOf, findProvider, presentProvider } from './repo.ts';
import { sealClientSecret, type SecretConfig } from './secret.ts';

export type ProviderConfig = SecretConfig & Pick<Config, 'publicUrl'>;

/** Plain http is for trying a provider on this machine; production speaks only https to providers. */
function assertIssuerAllowed(config: ProviderConfig, issuer: string | undefined) {
  if (issuer && config.NODE_ENV === 'production' && !issuer.startsWith('https://')) {
    throw new AppError(422, 'validation_failed', [{ field: 'issuer', code: 'httpsRequired', message: '' }]);
  }
}

/** A domain belongs to one provider only, over all collaborations: 409 naming each one already taken. */
async function assertDomainsFree(tx: Tx, list: string[], providerId: string) {
  const taken = await tx.select({ domain: domains.domain }).from(domains)
    .where(and(inArray(domains.domain, list), ne(domains.providerId, providerId)));
  if (taken.length === 0) return;
  const names = new Set(taken.map((t) => t.domain));
  const details = list.flatMap((d, i) => (names.has(d) ? [{ field: `domains.${i}`, code: 'domainTaken', message: '' }] : []));
  throw new AppError(409, 'domain_taken', details);
}

async function replaceDomains(tx: Tx, collaborationId: string, providerId: string, list: string[]) {
  await assertDomainsFree(tx, list, providerId);
  await tx.delete(domains).where(and(eq(domains.collaborationId, collaborationId), eq(domains.providerId, providerId)));
  try {
    // A savepoint, so that a domain taken by a parallel save turns into a clear 409 and not a failed transaction.
    await tx.transaction((sp) => sp.insert(domains).values(list.map((domain) => ({ domain, collaborationId, providerId }))));
  } catch (err) {
    if (sqlState(err) === '23505') throw new AppError(409, 'domain_taken');
    throw err;
  }
}

export async function createProvider(tx: Tx, config: ProviderConfig, ctx: RequestContext, collaborationId: string, body: IdentityProviderCreate, role: string) {
  assertIssuerAllowed(config, body.issuer);
  const id = randomUUID();
  const [row] = await tx.insert(providers).values({
    collaborationId, id, name: body.name, issuer: body.issuer, clientId: body.clientId,
    clientSecretEncrypted: sealClientSecret(config, id, body.clientSecret),
  }).returning();
  await replaceDomains(tx, collaborationId, id, body.domains);
  await audit(tx, ctx, { action: 'create', entityType: 'identity_provider', entityId: id, collaborationId, role });
  return presentProvider(row!, body.domains, config.publicUrl);
}

export async function updateProvider(
  tx: Tx, config: ProviderConfig, ctx: RequestContext, collaborationId: string, id: string, expectedVersion: number, patch: IdentityProviderPatch, role: string,
) {
  const current = await findProvider(tx, collaborationId, id, true);
  if (!current) throw notFound();
  assertVersion(current.version, expectedVersion);
  assertIssuerAllowed(config, patch.issuer);
  const [row] = await tx.update(providers).set({
    name: patch.name ?? current.name,
    issuer: patch.issuer ?? current.issuer,
    clientId: patch.clientId ?? current.clientId,
    clientSecretEncrypted: patch.clientSecret ? sealClientSecret(config, id, patch.clientSecret) : current.clientSecretEncrypted,
    active: patch.active ?? current.active,
    version: sql`${providers.version} + 1`,
    updatedAt: new Date(),
  }).where(and(eq(providers.collaborationId, collaborationId), eq(providers.id, id))).returning();
  if (patch.domains) await replaceDomains(tx, collaborationId, id, patch.domains);
  const reason = patch.clientSecret ? 'client_secret_replaced' : patch.active === false ? 'deactivated' : patch.active === true && !current.active ? 'reactivated' : null;
  await audit(tx, ctx, { action: 'update', entityType: 'identity_provider', entityId: id, collaborationId, role, reason });
  const list = (await domainsOf(tx, collaborationId, [id])).get(id) ?? [];
  return presentProvider(row!, list, config.publicUrl);
}
