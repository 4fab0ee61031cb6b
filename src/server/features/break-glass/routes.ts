import { z } from 'zod';
import { BreakGlassGrant, BreakGlassGrantParams, BreakGlassListQuery, BreakGlassOpen, BreakGlassReview } from '../../../shared/schemas/break-glass.ts';
import { CollaborationParams } from '../../../shared/schemas/common.ts';
import { FamilyParams } from '../../../shared/schemas/families.ts';
import { requireBreakGlassReviewer } from '../../access/break-glass.ts';
import { requireActor } from '../../access/policy.ts';
import { audit } from '../../audit/audit.ts';
import { requireIfMatch, setEtag } from '../../http/etag.ts';
import { idempotentCreate } from '../../http/idempotency.ts';
import type { App, FeatureDeps } from '../../http/route-types.ts';
import { listGrants } from './repo.ts';
import { endBreakGlass, openBreakGlass, reviewBreakGlass } from './service.ts';

const tags = ['break-glass'];

/** Emergency access (break-glass): open a file one is not on, end it, and the reviewers' list. */
export function breakGlassRoutes(app: App, { db, clock, config }: FeatureDeps) {
  app.post('/families/:id/break-glass', {
    schema: {
      tags, summary: 'Emergency access: read this family\'s file for the collaboration\'s set hours, with a reason (coordinators; coaches where allowed). Never extended: a new use is a new grant',
      params: FamilyParams, body: BreakGlassOpen, response: { 201: BreakGlassGrant },
    },
  }, async (req, reply) => {
    const actor = requireActor(req.ctx.actor);
    const created = await idempotentCreate(db, req, async (tx) => ({
      status: 201, body: await openBreakGlass(tx, req.ctx, actor, req.params.id, req.body, clock(), config.publicUrl),
    }));
    setEtag(reply, created.body.version);
    return reply.code(created.status).send(created.body);
  });

  app.post('/families/:id/break-glass/end', {
    schema: { tags, summary: 'End my running emergency access to this family now', params: FamilyParams, response: { 204: z.null() } },
  }, async (req, reply) => {
    const actor = requireActor(req.ctx.actor);
    await db.transaction((tx) => endBreakGlass(tx, req.ctx, actor, req.params.id, clock()));
    return reply.code(204).send(null);
  });

  app.get('/collaborations/:collaborationId/break-glass', {
    schema: { tags, summary: 'Every use of emergency access in the collaboration, newest first (admins, DPO)', params: CollaborationParams, querystring: BreakGlassListQuery, response: { 200: z.object({ items: z.array(BreakGlassGrant) }) } },
  }, async (req) => {
    const actor = requireActor(req.ctx.actor);
    const role = requireBreakGlassReviewer(actor, req.params.collaborationId);
    return db.transaction(async (tx) => {
      const items = await listGrants(tx, req.params.collaborationId, { status: req.query.status }, role !== 'dpo');
      await audit(tx, req.ctx, { action: 'read', entityType: 'break_glass_list', collaborationId: req.params.collaborationId, role });
      return { items };
    });
  });

  app.put('/collaborations/:collaborationId/break-glass/:grantId/review', {
    schema: { tags, summary: 'Judge one use: justified or not, with a note (admins, DPO; not one\'s own use; If-Match)', params: BreakGlassGrantParams, body: BreakGlassReview, response: { 200: BreakGlassGrant } },
  }, async (req, reply) => {
    const actor = requireActor(req.ctx.actor);
    const role = requireBreakGlassReviewer(actor, req.params.collaborationId);
    const expected = requireIfMatch(req);
    const grant = await db.transaction((tx) => reviewBreakGlass(tx, req.ctx, actor, req.params.collaborationId, req.params.grantId, expected, req.body, role, clock()));
    setEtag(reply, grant.version);
    return grant;
  });
}
