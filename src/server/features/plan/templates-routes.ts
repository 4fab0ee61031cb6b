import { z } from 'zod';
import { CollaborationParams } from '../../../shared/schemas/common.ts';
import { PlanTemplate, PlanTemplateInput, PlanTemplateParams, PlanTemplatePatch } from '../../../shared/schemas/plan.ts';
import { authorizeCollaboration, requireActor } from '../../access/policy.ts';
import { requireIfMatch, setEtag } from '../../http/etag.ts';
import { idempotentCreate } from '../../http/idempotency.ts';
import type { App, FeatureDeps } from '../../http/route-types.ts';
import { archiveTemplate, createTemplate, listTemplates, updateTemplate } from './templates.ts';

const tags = ['plan'];

/** A collaboration's plan templates: its members read them (to pick one for a family); its admins change them. */
export function planTemplateRoutes(app: App, { db }: FeatureDeps) {
  app.get('/collaborations/:collaborationId/plan-templates', {
    schema: { tags, summary: 'The plan templates in use, the default first', params: CollaborationParams, response: { 200: z.object({ items: z.array(PlanTemplate) }) } },
  }, async (req) => {
    authorizeCollaboration(requireActor(req.ctx.actor), req.params.collaborationId, 'read');
    return { items: await listTemplates(db, req.params.collaborationId) };
  });

  app.post('/collaborations/:collaborationId/plan-templates', {
    schema: { tags, summary: 'Add a plan template (admins); the first, or one marked default, becomes the default', params: CollaborationParams, body: PlanTemplateInput, response: { 201: PlanTemplate } },
  }, async (req, reply) => {
    const role = authorizeCollaboration(requireActor(req.ctx.actor), req.params.collaborationId, 'manage');
    const created = await idempotentCreate(db, req, async (tx) => ({ status: 201, body: await createTemplate(tx, req.ctx, req.params.collaborationId, req.body, role) }));
    setEtag(reply, created.body.version);
    return reply.code(201).send(created.body);
  });

  app.patch('/collaborations/:collaborationId/plan-templates/:templateId', {
    schema: { tags, summary: 'Change a plan template (admins, If-Match)', params: PlanTemplateParams, body: PlanTemplatePatch, response: { 200: PlanTemplate } },
  }, async (req, reply) => {
    const { collaborationId, templateId } = req.params;
    const role = authorizeCollaboration(requireActor(req.ctx.actor), collaborationId, 'manage');
    const expected = requireIfMatch(req);
    const template = await db.transaction((tx) => updateTemplate(tx, req.ctx, collaborationId, templateId, expected, req.body, role));
    setEtag(reply, template.version);
    return template;
  });

  app.delete('/collaborations/:collaborationId/plan-templates/:templateId', {
    schema: { tags, summary: 'Stop using a plan template (admins, If-Match); families that chose it get the default', params: PlanTemplateParams },
  }, async (req, reply) => {
    const { collaborationId, templateId } = req.params;
    const role = authorizeCollaboration(requireActor(req.ctx.actor), collaborationId, 'manage');
    const expected = requireIfMatch(req);
    await db.transaction((tx) => archiveTemplate(tx, req.ctx, collaborationId, templateId, expected, role));
    return reply.code(204).send();
  });
}
