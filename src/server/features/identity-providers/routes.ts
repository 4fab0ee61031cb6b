import { CollaborationParams, Uuid } from '../../../shared/schemas/common.ts';
import { IdentityProvider, IdentityProviderCreate, IdentityProviderList, IdentityProviderPatch } from '../../../shared/schemas/identity-providers.ts';
import { authorizeCollaboration, requireActor } from '../../access/policy.ts';
import { notFound } from '../../http/errors.ts';
import { requireIfMatch, setEtag } from '../../http/etag.ts';
import { idempotentCreate } from '../../http/idempotency.ts';
import type { App, FeatureDeps } from '../../http/route-types.ts';
import { domainsOf, findProvider, listProviders, presentProvider, redirectUriOf } from './repo.ts';
import { createProvider, updateProvider } from './service.ts';

const tags = ['identity providers'];
const base = '/collaborations/:collaborationId/identity-providers';
const ProviderParams = CollaborationParams.extend({ id: Uuid });

/**
 * The collaboration's OpenID Connect providers: admins only, since the client id and issuer are the
 * keys to its staff's sign-in. Not personal data: reads are not logged, changes are.
 */
export function identityProviderRoutes(app: App, { db, config }: FeatureDeps) {
  app.get(base, {
    schema: { tags, summary: 'Identity providers (single sign-on) of the collaboration', params: CollaborationParams, response: { 200: IdentityProviderList } },
  }, async (req) => {
    authorizeCollaboration(requireActor(req.ctx.actor), req.params.collaborationId, 'manage');
    return { items: await listProviders(db, req.params.collaborationId, config.publicUrl), redirectUri: redirectUriOf(config.publicUrl) };
  });

  app.post(base, {
    schema: { tags, summary: 'Connect an OpenID Connect identity provider', params: CollaborationParams, body: IdentityProviderCreate, response: { 201: IdentityProvider } },
  }, async (req, reply) => {
    const { collaborationId } = req.params;
    const role = authorizeCollaboration(requireActor(req.ctx.actor), collaborationId, 'manage');
    const created = await idempotentCreate(db, req, async (tx) => ({ status: 201, body: await createProvider(tx, config, req.ctx, collaborationId, req.body, role) }));
    setEtag(reply, created.body.version);
    return reply.code(created.status).send(created.body);
  });

  app.get(`${base}/:id`, {
    schema: { tags, summary: 'One identity provider', params: ProviderParams, response: { 200: IdentityProvider } },
  }, async (req, reply) => {
    const { collaborationId, id } = req.params;
    authorizeCollaboration(requireActor(req.ctx.actor), collaborationId, 'manage');
    const row = await findProvider(db, collaborationId, id);
    if (!row) throw notFound();
    setEtag(reply, row.version);
    return presentProvider(row, (await domainsOf(db, collaborationId, [id])).get(id) ?? [], config.publicUrl);
  });

  app.patch(`${base}/:id`, {
    schema: { tags, summary: 'Change, (de)activate or give a new client secret to an identity provider', params: ProviderParams, body: IdentityProviderPatch, response: { 200: IdentityProvider } },
  }, async (req, reply) => {
    const { collaborationId, id } = req.params;
    const role = authorizeCollaboration(requireActor(req.ctx.actor), collaborationId, 'manage');
    const expected = requireIfMatch(req);
    const provider = await db.transaction((tx) => updateProvider(tx, config, req.ctx, collaborationId, id, expected, req.body, role));
    setEtag(reply, provider.version);
    return provider;
  });
}
