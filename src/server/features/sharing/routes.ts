import { z } from 'zod';
import { FamilyParams } from '../../../shared/schemas/families.ts';
import {
  AccessLogEntry, AccessLogQuery, ConsentApproval, ConsentGrant, ConsentInput, ConsentParams, Invitation, InvitationInput, Portal,
  PriorInvolvement, PriorInvolvementInput, PriorInvolvementParams, RecordsDecision, SharingOverview,
} from '../../../shared/schemas/sharing.ts';
import { page } from '../../../shared/schemas/common.ts';
import { requireInCircle, type FamilyScope } from '../../access/family-scope.ts';
import { requireActor } from '../../access/policy.ts';
import { audit } from '../../audit/audit.ts';
import { forbidden } from '../../http/errors.ts';
import { requireIfMatch, setEtag } from '../../http/etag.ts';
import type { App, FeatureDeps } from '../../http/route-types.ts';
import { createInFamily, inFamily, readInFamily } from '../families/scope.ts';
import { listFamilyAccessLog } from './access-log.ts';
import { loadSharingOverview } from './consents-repo.ts';
import { approveConsent, createConsent, revokeConsent } from './consents-service.ts';
import { invite } from './invitations.ts';
import { loadPortal } from './portal.ts';
import { declarePriorInvolvement, decideRecords, listPriorInvolvements } from './prior-involvements.ts';

const tags = ['sharing'];

/** Sharing, the access log and prior involvement are the family's own business: its members and coaches. */
function requireFamilyOrCoach(scope: FamilyScope): FamilyScope {
  requireInCircle(scope);
  if (scope.reach !== 'full') throw forbidden();
  return scope;
}

export function sharingRoutes(app: App, { db, clock, config }: FeatureDeps) {
  app.get('/portal', { schema: { tags, summary: 'My families: what is asked of me, whom to call, what waits for my yes', response: { 200: Portal } } }, async (req) => {
    const actor = requireActor(req.ctx.actor);
    return { families: await db.transaction((tx) => loadPortal(tx, req.ctx, actor, clock())) };
  });

  app.get('/families/:id/consents', { schema: { tags, summary: 'Who sees what: people, topics and the grants in effect or proposed', params: FamilyParams, response: { 200: SharingOverview } } },
    async (req) => readInFamily(db, req, 'consent_list', (tx, scope) => loadSharingOverview(tx, requireFamilyOrCoach(scope))));

  app.post('/families/:id/consents', { schema: { tags, summary: 'Share a life domain or one item with one person (a coach proposes)', params: FamilyParams, body: ConsentInput, response: { 201: ConsentGrant } } }, async (req, reply) => {
    const created = await createInFamily(db, req, (tx, scope) => createConsent(tx, req.ctx, scope, req.body, clock()));
    setEtag(reply, created.body.version);
    return reply.code(201).send(created.body);
  });

  app.post('/families/:id/consents/:consentId/approve', { schema: { tags, summary: 'Approve a proposal to share', params: ConsentParams, body: ConsentApproval, response: { 200: ConsentGrant } } }, async (req, reply) => {
    const expected = requireIfMatch(req);
    const grant = await inFamily(db, req, (tx, scope) => approveConsent(tx, req.ctx, requireFamilyOrCoach(scope), req.params.consentId, expected, req.body));
    setEtag(reply, grant.version);
    return grant;
  });

  app.delete('/families/:id/consents/:consentId', { schema: { tags, summary: 'Stop sharing (or decline a proposal): in effect on the next request', params: ConsentParams } }, async (req, reply) => {
    const expected = requireIfMatch(req);
    await inFamily(db, req, (tx, scope) => revokeConsent(tx, req.ctx, requireFamilyOrCoach(scope), req.params.consentId, expected));
    return reply.code(204).send();
  });

  app.post('/families/:id/invitations', { schema: { tags, summary: 'Invite someone into the family\'s circle by mail', params: FamilyParams, body: InvitationInput, response: { 201: Invitation } } }, async (req, reply) => {
    const created = await createInFamily(db, req, (tx, scope) => invite(tx, req.ctx, scope, req.body, config.publicUrl));
    return reply.code(201).send(created.body);
  });

  app.get('/families/:id/access-log', { schema: { tags, summary: 'Who looked at our file: every read and change, newest first', params: FamilyParams, querystring: AccessLogQuery, response: { 200: page(AccessLogEntry) } } },
    async (req) => inFamily(db, req, async (tx, scope, actor) => {
      const result = await listFamilyAccessLog(tx, actor, requireFamilyOrCoach(scope), req.query);
      // Logged after the list is read, so the list shows what others did before this look.
      await audit(tx, req.ctx, { action: 'read', entityType: 'access_log', collaborationId: scope.collaborationId, familyId: scope.familyId, role: scope.participantRole });
      return result;
    }));

  app.get('/families/:id/prior-involvements', { schema: { tags, summary: 'What coaches knew of the family before, from their own organisation', params: FamilyParams, response: { 200: z.object({ items: z.array(PriorInvolvement) }) } } },
    async (req) => ({ items: await readInFamily(db, req, 'prior_involvement_list', (tx, scope) => listPriorInvolvements(tx, requireFamilyOrCoach(scope))) }));

  app.post('/families/:id/prior-involvements', { schema: { tags, summary: 'A coach declares prior involvement', params: FamilyParams, body: PriorInvolvementInput, response: { 201: PriorInvolvement } } }, async (req, reply) => {
    const created = await createInFamily(db, req, (tx, scope) => declarePriorInvolvement(tx, req.ctx, scope, req.body));
    setEtag(reply, created.body.version);
    return reply.code(201).send(created.body);
  });

  app.post('/families/:id/prior-involvements/:priorId/decision', { schema: { tags, summary: 'A parent decides whether those records may enter the file', params: PriorInvolvementParams, body: RecordsDecision, response: { 200: PriorInvolvement } } }, async (req, reply) => {
    const expected = requireIfMatch(req);
    const decided = await inFamily(db, req, (tx, scope) => decideRecords(tx, req.ctx, requireFamilyOrCoach(scope), req.params.priorId, expected, req.body));
    setEtag(reply, decided.version);
    return decided;
  });
}
