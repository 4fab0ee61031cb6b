import { z } from 'zod';
import { CollaborationParams, PageQuery, Uuid, page } from '../../../shared/schemas/common.ts';
import { PartnerOrganisation, PartnerOrganisationCreate, PartnerOrganisationPatch } from '../../../shared/schemas/partners.ts';
import { authorizeCollaboration, requireActor } from '../../access/policy.ts';
import { notFound } from '../../http/errors.ts';
import { requireIfMatch, setEtag } from '../../http/etag.ts';
import { idempotentCreate } from '../../http/idempotency.ts';
import type { App, FeatureDeps } from '../../http/route-types.ts';
import { findPartner, listPartners, presentPartner } from './repo.ts';
import { createPartner, updatePartner } from './service.ts';

const tags = ['partner organisations'];
const base = '/collaborations/:collaborationId/partner-organisations';
const PartnerParams = CollaborationParams.extend({ id: Uuid });
const ListQuery = PageQuery.extend({ includeInactive: z.enum(['true', 'false']).default('false').transform((v) => v === 'true') });

/** Partner organisations are not personal data: reads are not written to the access log. */
export function partnerRoutes(app: App, { db }: FeatureDeps) {
  app.get(base, {
    schema: { tags, summary: 'Partner organisations of the collaboration', params: CollaborationParams, querystring: ListQuery, response: { 200: page(PartnerOrganisation) } },
  }, async (req) => {
    authorizeCollaboration(requireActor(req.ctx.actor), req.params.collaborationId, 'read');
    return listPartners(db, req.params.collaborationId, req.query);
  });

  app.post(base, {
    schema: { tags, summary: 'Add a partner organisation', params: CollaborationParams, body: PartnerOrganisationCreate, response: { 201: PartnerOrganisation } },
  }, async (req, reply) => {
    const { collaborationId } = req.params;
    const role = authorizeCollaboration(requireActor(req.ctx.actor), collaborationId, 'manage');
    const created = await idempotentCreate(db, req, async (tx) => ({ status: 201, body: await createPartner(tx, req.ctx, collaborationId, req.body, role) }));
    setEtag(reply, created.body.version);
    return reply.code(created.status).send(created.body);
  });

  app.get(`${base}/:id`, {
    schema: { tags, summary: 'One partner organisation', params: PartnerParams, response: { 200: PartnerOrganisation } },
  }, async (req, reply) => {
    authorizeCollaboration(requireActor(req.ctx.actor), req.params.collaborationId, 'read');
    const row = await findPartner(db, req.params.collaborationId, req.params.id);
    if (!row) throw notFound();
    setEtag(reply, row.version);
    return presentPartner(row);
  });

  app.patch(`${base}/:id`, {
    schema: { tags, summary: 'Change or (de)activate a partner organisation', params: PartnerParams, body: PartnerOrganisationPatch, response: { 200: PartnerOrganisation } },
  }, async (req, reply) => {
    const { collaborationId, id } = req.params;
    const role = authorizeCollaboration(requireActor(req.ctx.actor), collaborationId, 'manage');
    const expected = requireIfMatch(req);
    const partner = await db.transaction((tx) => updatePartner(tx, req.ctx, collaborationId, id, expected, req.body, role));
    setEtag(reply, partner.version);
    return partner;
  });
}
