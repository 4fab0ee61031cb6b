import { Caseload, CaseloadQuery } from '../../../shared/schemas/caseload.ts';
import { CollaborationParams } from '../../../shared/schemas/common.ts';
import { requireActor } from '../../access/policy.ts';
import { requireManaging } from '../../access/registration-scope.ts';
import { audit } from '../../audit/audit.ts';
import type { App, FeatureDeps } from '../../http/route-types.ts';
import { loadCaseload } from './service.ts';

export function caseloadRoutes(app: App, { db }: FeatureDeps) {
  app.get('/collaborations/:collaborationId/caseload', {
    schema: { tags: ['caseload'], summary: 'Caseload per coach and per partner organisation: families now, hours on contact moments per month (coordinators)', params: CollaborationParams, querystring: CaseloadQuery, response: { 200: Caseload } },
  }, async (req) => {
    const actor = requireActor(req.ctx.actor);
    const role = requireManaging(actor, req.params.collaborationId);
    return db.transaction(async (tx) => {
      const result = await loadCaseload(tx, req.params.collaborationId, req.query.from, req.query.to);
      await audit(tx, req.ctx, { action: 'read', entityType: 'caseload', collaborationId: req.params.collaborationId, role });
      return result;
    });
  });
}
