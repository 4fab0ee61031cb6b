import { CollaborationParams } from '../../../shared/schemas/common.ts';
import { LegalHoldInput, RetentionFile, RetentionFileParams, RetentionOverview } from '../../../shared/schemas/retention.ts';
import { requireActor } from '../../access/policy.ts';
import { requireManaging } from '../../access/registration-scope.ts';
import { audit } from '../../audit/audit.ts';
import { requireIfMatch, setEtag } from '../../http/etag.ts';
import type { App, FeatureDeps } from '../../http/route-types.ts';
import { retentionOverview, setLegalHold } from './service.ts';

const tags = ['retention'];

export function retentionRoutes(app: App, { db, clock }: FeatureDeps) {
  app.get('/collaborations/:collaborationId/retention', {
    schema: { tags, summary: 'Closed files the retention job erases within 30 days ("Wordt binnenkort gewist"), with their legal holds (coordinators, admins)', params: CollaborationParams, response: { 200: RetentionOverview } },
  }, async (req) => {
    const actor = requireActor(req.ctx.actor);
    const role = requireManaging(actor, req.params.collaborationId);
    return db.transaction(async (tx) => {
      const overview = await retentionOverview(tx, req.params.collaborationId, clock());
      await audit(tx, req.ctx, { action: 'read', entityType: 'retention_overview', collaborationId: req.params.collaborationId, role });
      return overview;
    });
  });

  app.put('/collaborations/:collaborationId/retention/:familyId/hold', {
    schema: { tags, summary: 'Put a closed file on legal hold with a reason: it is not erased while held (If-Match)', params: RetentionFileParams, body: LegalHoldInput, response: { 200: RetentionFile } },
  }, async (req, reply) => {
    const actor = requireActor(req.ctx.actor);
    const role = requireManaging(actor, req.params.collaborationId);
    const expected = requireIfMatch(req);
    const file = await db.transaction((tx) => setLegalHold(tx, req.ctx, role, req.params.collaborationId, req.params.familyId, expected, req.body.reason, clock()));
    setEtag(reply, file.version);
    return file;
  });

  app.delete('/collaborations/:collaborationId/retention/:familyId/hold', {
    schema: { tags, summary: 'Lift a legal hold: the file is erased at the end of its term again (If-Match)', params: RetentionFileParams, response: { 200: RetentionFile } },
  }, async (req, reply) => {
    const actor = requireActor(req.ctx.actor);
    const role = requireManaging(actor, req.params.collaborationId);
    const expected = requireIfMatch(req);
    const file = await db.transaction((tx) => setLegalHold(tx, req.ctx, role, req.params.collaborationId, req.params.familyId, expected, null, clock()));
    setEtag(reply, file.version);
    return file;
  });
}
