import { CollaborationParams } from '../../../shared/schemas/common.ts';
import { FamilyParams } from '../../../shared/schemas/families.ts';
import { z } from 'zod';
import {
  Advice, AdviceInput, TeamCase, TeamCaseDraft, TeamCaseInput, TeamCaseParams, TeamMeeting, TeamMeetingInput, TeamMeetingParams, TeamMeetingPatch,
} from '../../../shared/schemas/team-cases.ts';
import { requireInCircle } from '../../access/family-scope.ts';
import { requireActor } from '../../access/policy.ts';
import { audit } from '../../audit/audit.ts';
import { forbidden } from '../../http/errors.ts';
import { requireIfMatch, setEtag } from '../../http/etag.ts';
import { idempotentCreate } from '../../http/idempotency.ts';
import type { App, FeatureDeps } from '../../http/route-types.ts';
import { inFamily } from '../families/scope.ts';
import { draftSummary } from './anonymise.ts';
import { addAdvice, createCase, createMeeting, listMeetings, loadCase, loadMeeting, requireTeam, updateMeeting } from './service.ts';

const tags = ['team-cases'];

export function teamCaseRoutes(app: App, { db, clock }: FeatureDeps) {
  app.get('/collaborations/:collaborationId/team-meetings', { schema: { tags, summary: 'The team\'s meetings, newest first, with their anonymised cases', params: CollaborationParams, response: { 200: z.object({ items: z.array(TeamMeeting) }) } } },
    async (req) => ({ items: await listMeetings(db, requireActor(req.ctx.actor), req.params.collaborationId) }));

  app.post('/collaborations/:collaborationId/team-meetings', { schema: { tags, summary: 'Prepare a team meeting (coordinator)', params: CollaborationParams, body: TeamMeetingInput, response: { 201: TeamMeeting } } }, async (req, reply) => {
    const actor = requireActor(req.ctx.actor);
    const created = await idempotentCreate(db, req, async (tx) => ({ status: 201, body: await createMeeting(tx, req.ctx, actor, req.params.collaborationId, req.body) }));
    setEtag(reply, created.body.version);
    return reply.code(201).send(created.body);
  });

  app.get('/team-meetings/:meetingId', { schema: { tags, summary: 'One team meeting: agenda of cases, notes, follow-up', params: TeamMeetingParams, response: { 200: TeamMeeting } } }, async (req, reply) => {
    const meeting = await loadMeeting(db, requireActor(req.ctx.actor), req.params.meetingId);
    setEtag(reply, meeting.version);
    return meeting;
  });

  app.patch('/team-meetings/:meetingId', { schema: { tags, summary: 'Change a team meeting\'s date, notes or follow-up (coordinator)', params: TeamMeetingParams, body: TeamMeetingPatch, response: { 200: TeamMeeting } } }, async (req, reply) => {
    const expected = requireIfMatch(req);
    const actor = requireActor(req.ctx.actor);
    const meeting = await db.transaction((tx) => updateMeeting(tx, req.ctx, actor, req.params.meetingId, expected, req.body));
    setEtag(reply, meeting.version);
    return meeting;
  });

  app.post('/families/:id/team-case-draft', { schema: { tags, summary: 'An anonymised summary of the family for the team (its coach)', params: FamilyParams, response: { 200: TeamCaseDraft } } },
    async (req) => inFamily(db, req, async (tx, scope, actor) => {
      const inCircle = requireInCircle(scope);
      requireTeam(actor, scope.collaborationId);
      if (inCircle.participantRole !== 'coach') throw forbidden();
      await audit(tx, req.ctx, { action: 'read', entityType: 'team_case_draft', collaborationId: scope.collaborationId, familyId: scope.familyId, role: 'coach' });
      return { summary: await draftSummary(tx, scope, req.ctx.locale, clock()) };
    }));

  app.post('/team-cases', { schema: { tags, summary: 'Bring a family to the team as an anonymised case (422 lists names and places to remove)', body: TeamCaseInput, response: { 201: TeamCase } } }, async (req, reply) => {
    const actor = requireActor(req.ctx.actor);
    const created = await idempotentCreate(db, req, async (tx) => ({ status: 201, body: await createCase(tx, req.ctx, actor, req.body) }));
    return reply.code(201).send(created.body);
  });

  app.get('/team-cases/:caseId', { schema: { tags, summary: 'One anonymised case with the team\'s advice', params: TeamCaseParams, response: { 200: TeamCase } } },
    async (req) => db.transaction((tx) => loadCase(tx, req.ctx, requireActor(req.ctx.actor), req.params.caseId)));

  app.post('/team-cases/:caseId/advice', { schema: { tags, summary: 'Add advice to a case (team members)', params: TeamCaseParams, body: AdviceInput, response: { 201: Advice } } }, async (req, reply) => {
    const actor = requireActor(req.ctx.actor);
    const created = await idempotentCreate(db, req, async (tx) => ({ status: 201, body: await addAdvice(tx, req.ctx, actor, req.params.caseId, req.body.text) }));
    return reply.code(201).send(created.body);
  });
}
