import { CollaborationParams, page } from '../../../shared/schemas/common.ts';
import { CollaborationCreate, CollaborationSettings, CollaborationSettingsPatch, CollaborationSummary } from '../../../shared/schemas/collaborations.ts';
import { authorizeCollaboration, requireActor, requirePlatformAdmin } from '../../access/policy.ts';
import { notFound } from '../../http/errors.ts';
import { requireIfMatch, setEtag } from '../../http/etag.ts';
import { idempotentCreate } from '../../http/idempotency.ts';
import type { App, FeatureDeps } from '../../http/route-types.ts';
import { listCollaborations, loadSettings } from './repo.ts';
import { createCollaboration, updateSettings } from './service.ts';

const tags = ['collaborations'];

export function collaborationRoutes(app: App, { db, config }: FeatureDeps) {
  app.get('/collaborations', {
    schema: { tags, summary: 'Collaborations I belong to (all, for platform administrators)', response: { 200: page(CollaborationSummary) } },
  }, async (req) => {
    const actor = requireActor(req.ctx.actor);
    const items = await listCollaborations(db, actor.platformAdmin ? 'all' : actor.memberships.map((m) => m.collaborationId));
    return { items, nextCursor: null };
  });

  app.post('/collaborations', {
    schema: { tags, summary: 'Create a collaboration (platform administrators)', body: CollaborationCreate, response: { 201: CollaborationSettings } },
  }, async (req, reply) => {
    requirePlatformAdmin(requireActor(req.ctx.actor));
    const created = await idempotentCreate(db, req, async (tx) => ({ status: 201, body: await createCollaboration(tx, req.ctx, config, req.body) }));
    setEtag(reply, created.body.version);
    return reply.code(created.status).send(created.body);
  });

  app.get('/collaborations/:collaborationId/settings', {
    schema: { tags, summary: 'Settings, postcodes and life domains', params: CollaborationParams, response: { 200: CollaborationSettings } },
  }, async (req, reply) => {
    authorizeCollaboration(requireActor(req.ctx.actor), req.params.collaborationId, 'read');
    const settings = await loadSettings(db, req.params.collaborationId);
    if (!settings) throw notFound();
    setEtag(reply, settings.version);
    return settings;
  });

  app.patch('/collaborations/:collaborationId/settings', {
    schema: { tags, summary: 'Change settings; lists are replaced whole', params: CollaborationParams, body: CollaborationSettingsPatch, response: { 200: CollaborationSettings } },
  }, async (req, reply) => {
    const { collaborationId } = req.params;
    const role = authorizeCollaboration(requireActor(req.ctx.actor), collaborationId, 'manage');
    const expected = requireIfMatch(req);
    const settings = await db.transaction((tx) => updateSettings(tx, req.ctx, collaborationId, expected, req.body, role));
    setEtag(reply, settings.version);
    return settings;
  });
}
