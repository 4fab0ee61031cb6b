import { z } from 'zod';
import { CollaborationParams, PageQuery, page } from '../../../shared/schemas/common.ts';
import { Member, MemberInvite, MemberParams, MemberPatch } from '../../../shared/schemas/members.ts';
import { audit } from '../../audit/audit.ts';
import { authorizeCollaboration, requireActor } from '../../access/policy.ts';
import { notFound } from '../../http/errors.ts';
import { requireIfMatch, setEtag } from '../../http/etag.ts';
import { idempotentCreate } from '../../http/idempotency.ts';
import type { App, FeatureDeps } from '../../http/route-types.ts';
import { findMember, listMembers } from './repo.ts';
import { inviteMember, resendInvitation, updateMember } from './service.ts';

const tags = ['people'];
const base = '/collaborations/:collaborationId/members';

export function memberRoutes(app: App, { db, config }: FeatureDeps) {
  app.get(base, {
    schema: { tags, summary: 'People of the collaboration', params: CollaborationParams, querystring: PageQuery, response: { 200: page(Member) } },
  }, async (req) => {
    const { collaborationId } = req.params;
    const role = authorizeCollaboration(requireActor(req.ctx.actor), collaborationId, 'manage');
    return db.transaction(async (tx) => {
      const result = await listMembers(tx, collaborationId, req.query.cursor, req.query.limit);
      await audit(tx, req.ctx, { action: 'read', entityType: 'membership_list', collaborationId, role });
      return result;
    });
  });

  app.post(base, {
    schema: { tags, summary: 'Invite a person by email', params: CollaborationParams, body: MemberInvite, response: { 201: Member } },
  }, async (req, reply) => {
    const { collaborationId } = req.params;
    const role = authorizeCollaboration(requireActor(req.ctx.actor), collaborationId, 'manage');
    const created = await idempotentCreate(db, req, async (tx) => ({
      status: 201,
      body: await inviteMember(tx, req.ctx, config, collaborationId, req.body, role),
    }));
    setEtag(reply, created.body.version);
    return reply.code(created.status).send(created.body);
  });

  app.get(`${base}/:userId`, {
    schema: { tags, summary: 'One person of the collaboration', params: MemberParams, response: { 200: Member } },
  }, async (req, reply) => {
    const { collaborationId, userId } = req.params;
    const role = authorizeCollaboration(requireActor(req.ctx.actor), collaborationId, 'manage');
    const member = await db.transaction(async (tx) => {
      const found = await findMember(tx, collaborationId, userId);
      if (!found) throw notFound();
      await audit(tx, req.ctx, { action: 'read', entityType: 'membership', entityId: userId, collaborationId, role });
      return found;
    });
    setEtag(reply, member.version);
    return member;
  });

  app.patch(`${base}/:userId`, {
    schema: { tags, summary: 'Change roles, organisation, or (de)activate', params: MemberParams, body: MemberPatch, response: { 200: Member } },
  }, async (req, reply) => {
    const { collaborationId, userId } = req.params;
    const role = authorizeCollaboration(requireActor(req.ctx.actor), collaborationId, 'manage');
    const expected = requireIfMatch(req);
    const member = await db.transaction((tx) => updateMember(tx, req.ctx, collaborationId, userId, expected, req.body, role));
    setEtag(reply, member.version);
    return member;
  });

  app.post(`${base}/:userId/invitation`, {
    schema: { tags, summary: 'Send the invitation again', params: MemberParams, response: { 202: z.object({}) } },
  }, async (req, reply) => {
    const { collaborationId, userId } = req.params;
    const role = authorizeCollaboration(requireActor(req.ctx.actor), collaborationId, 'manage');
    await db.transaction((tx) => resendInvitation(tx, req.ctx, config, collaborationId, userId, role));
    return reply.code(202).send({});
  });
}
