import { Workspace } from '../../../shared/schemas/workspace.ts';
import { requireActor } from '../../access/policy.ts';
import type { App, FeatureDeps } from '../../http/route-types.ts';
import { loadWorkspace } from './service.ts';

export function workspaceRoutes(app: App, { db, clock }: FeatureDeps) {
  app.get('/me/workspace', { schema: { tags: ['workspace'], summary: 'The coach\'s home page: waiting registrations and my families, what needs attention first', response: { 200: Workspace } } },
    async (req) => {
      const actor = requireActor(req.ctx.actor);
      return db.transaction((tx) => loadWorkspace(tx, req.ctx, actor, clock()));
    });
}
