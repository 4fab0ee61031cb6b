import { Closure, ClosureInput, ClosureOverview, Handover, HandoverApproval, HandoverInput, HandoverParams, ReopenInput } from '../../../shared/schemas/closure.ts';
import { FamilyParams } from '../../../shared/schemas/families.ts';
import { audit } from '../../audit/audit.ts';
import { requireIfMatch, setEtag } from '../../http/etag.ts';
import type { App, FeatureDeps } from '../../http/route-types.ts';
import { createInFamily, inFamily } from '../families/scope.ts';
import { approveHandover, createHandover } from './handovers.ts';
import { closeTrajectory, loadClosureOverview, reopenTrajectory } from './service.ts';

const tags = ['closure'];

export function closureRoutes(app: App, { db, clock, config }: FeatureDeps) {
  app.get('/families/:id/closure', { schema: { tags, summary: 'Whether the trajectory is closed, every closure and warm handover', params: FamilyParams, response: { 200: ClosureOverview } } },
    async (req) => inFamily(db, req, async (tx, scope) => {
      const overview = await loadClosureOverview(tx, scope);
      await audit(tx, req.ctx, { action: 'read', entityType: 'closure', collaborationId: scope.collaborationId, familyId: scope.familyId, role: scope.participantRole });
      return overview;
    }));

  app.post('/families/:id/closure', { schema: { tags, summary: 'Close the trajectory (coach): reason, closing conversation, summary, warm handover', params: FamilyParams, body: ClosureInput, response: { 201: Closure } } }, async (req, reply) => {
    const created = await createInFamily(db, req, (tx, scope) => closeTrajectory(tx, req.ctx, scope, req.body, clock()));
    setEtag(reply, created.body.version);
    return reply.code(201).send(created.body);
  });

  app.post('/families/:id/closure/reopen', { schema: { tags, summary: 'Reopen a closed trajectory (coach, If-Match: the closure\'s version); the closure stays in the history', params: FamilyParams, body: ReopenInput, response: { 200: Closure } } }, async (req, reply) => {
    const expected = requireIfMatch(req);
    const closure = await inFamily(db, req, (tx, scope) => reopenTrajectory(tx, req.ctx, scope, expected, req.body, clock()));
    setEtag(reply, closure.version);
    return closure;
  });

  app.post('/families/:id/handovers', { schema: { tags, summary: 'Propose a warm handover to a service of the social map (coach)', params: FamilyParams, body: HandoverInput, response: { 201: Handover } } }, async (req, reply) => {
    const created = await createInFamily(db, req, (tx, scope) => createHandover(tx, req.ctx, scope, req.body));
    setEtag(reply, created.body.version);
    return reply.code(201).send(created.body);
  });

  app.post('/families/:id/handovers/:handoverId/approve', { schema: { tags, summary: 'The family approves the handover note and chooses what the service may read', params: HandoverParams, body: HandoverApproval, response: { 200: Handover } } }, async (req, reply) => {
    const expected = requireIfMatch(req);
    const handover = await inFamily(db, req, (tx, scope) => approveHandover(tx, req.ctx, scope, req.params.handoverId, expected, req.body, config.publicUrl, clock()));
    setEtag(reply, handover.version);
    return handover;
  });
}
