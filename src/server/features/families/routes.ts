import { and, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import {
  ContactMoment, ContactMomentInput, Family, FamilyItemParams, FamilyListQuery, FamilyParams, FamilyPatch, FamilySummary,
  ContactMomentPatch, Home, HomeInput, Member, MemberInput, MemberPatch, ParticipantOption,
} from '../../../shared/schemas/families.ts';
import { page } from '../../../shared/schemas/common.ts';
import { auditRole, requireWriter } from '../../access/family-scope.ts';
import { requireActor } from '../../access/policy.ts';
import { audit } from '../../audit/audit.ts';
import { families, planTemplates } from '../../db/schema/index.ts';
import { assertUpdated, requireIfMatch, setEtag } from '../../http/etag.ts';
import type { App, FeatureDeps } from '../../http/route-types.ts';
import { invalidField } from '../plan/checks.ts';
import { recordChange } from '../plan/history.ts';
import { listContacts, listFamilies, listHomes, listMembers, listParticipants, loadFamily } from './repo.ts';
import { inFamily, readInFamily, createInFamily } from './scope.ts';
import { createContact, createHome, createMember, deleteContact, removeMember, updateContact, updateMember } from './service.ts';

const tags = ['families'];
const items = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

export function familyRoutes(app: App, { db, clock }: FeatureDeps) {
  app.get('/families', { schema: { tags, summary: 'The families in my circle (coordinators: all of their collaboration)', querystring: FamilyListQuery, response: { 200: page(FamilySummary) } } }, async (req) => {
    const actor = requireActor(req.ctx.actor);
    return db.transaction(async (tx) => {
      const result = await listFamilies(tx, actor, req.query);
      await audit(tx, req.ctx, { action: 'read', entityType: 'family_list', collaborationId: req.query.collaborationId ?? null });
      return result;
    });
  });

  app.get('/families/:id', { schema: { tags, summary: 'One family (a coordinator outside its circle sees this record only)', params: FamilyParams, response: { 200: Family } } }, async (req, reply) => {
    const family = await inFamily(db, req, async (tx, scope, actor) => {
      await audit(tx, req.ctx, { action: 'read', entityType: 'family', entityId: scope.familyId, collaborationId: scope.collaborationId, familyId: scope.familyId, role: auditRole(scope) ?? 'coordinator' });
      return loadFamily(tx, actor, scope);
    });
    setEtag(reply, family.version);
    return family;
  });

  app.patch('/families/:id', { schema: { tags, summary: 'Rename the family or choose its plan template', params: FamilyParams, body: FamilyPatch, response: { 200: Family } } }, async (req, reply) => {
    const expected = requireIfMatch(req);
    const family = await inFamily(db, req, async (tx, scope, actor) => {
      requireWriter(scope);
      const before = await loadFamily(tx, actor, scope);
      if (req.body.planTemplateId) {
        const [template] = await tx.select({ id: planTemplates.id }).from(planTemplates)
          .where(and(eq(planTemplates.collaborationId, scope.collaborationId), eq(planTemplates.id, req.body.planTemplateId), isNull(planTemplates.archivedAt)));
        if (!template) throw invalidField('planTemplateId');
      }
      const updated = await tx.update(families).set({ ...req.body, version: sql`${families.version} + 1`, updatedAt: sql`now()` })
        .where(and(eq(families.collaborationId, scope.collaborationId), eq(families.id, scope.familyId), eq(families.version, expected))).returning({ id: families.id });
      assertUpdated(updated);
      const after = await loadFamily(tx, actor, scope);
      await recordChange(tx, req.ctx, scope, { itemType: 'member', itemId: scope.familyId, action: 'update', lifeDomainId: null, isPrivate: false, authorParticipantId: scope.participantId, before, after });
      return after;
    });
    setEtag(reply, family.version);
    return family;
  });

  app.get('/families/:id/participants', { schema: { tags, summary: 'Everyone who can be named in the plan', params: FamilyParams, response: { 200: items(ParticipantOption) } } },
    async (req) => ({ items: await readInFamily(db, req, 'participant_list', (tx, scope) => listParticipants(tx, scope)) }));

  app.get('/families/:id/members', { schema: { tags, summary: 'The family members', params: FamilyParams, response: { 200: items(Member) } } },
    async (req) => ({ items: await readInFamily(db, req, 'member_list', (tx, scope) => listMembers(tx, scope)) }));

  app.post('/families/:id/members', { schema: { tags, summary: 'Add a family member', params: FamilyParams, body: MemberInput, response: { 201: Member } } }, async (req, reply) => {
    const created = await createInFamily(db, req, (tx, scope) => createMember(tx, req.ctx, scope, req.body, clock()));
    setEtag(reply, created.body.version);
    return reply.code(201).send(created.body);
  });

  app.patch('/families/:id/members/:itemId', { schema: { tags, summary: 'Change a family member', params: FamilyItemParams, body: MemberPatch, response: { 200: Member } } }, async (req, reply) => {
    const expected = requireIfMatch(req);
    const member = await inFamily(db, req, (tx, scope) => updateMember(tx, req.ctx, scope, req.params.itemId, expected, req.body, clock()));
    setEtag(reply, member.version);
    return member;
  });

  app.delete('/families/:id/members/:itemId', { schema: { tags, summary: 'Remove a family member (kept in the history)', params: FamilyItemParams } }, async (req, reply) => {
    const expected = requireIfMatch(req);
    await inFamily(db, req, (tx, scope) => removeMember(tx, req.ctx, scope, req.params.itemId, expected));
    return reply.code(204).send();
  });

  app.get('/families/:id/homes', { schema: { tags, summary: 'The homes family members live in', params: FamilyParams, response: { 200: items(Home) } } },
    async (req) => ({ items: await readInFamily(db, req, 'home_list', (tx, scope) => listHomes(tx, scope)) }));

  app.post('/families/:id/homes', { schema: { tags, summary: 'Add a home (e.g. "bij papa")', params: FamilyParams, body: HomeInput, response: { 201: Home } } }, async (req, reply) => {
    const created = await createInFamily(db, req, (tx, scope) => createHome(tx, req.ctx, scope, req.body.label));
    return reply.code(201).send(created.body);
  });

  app.get('/families/:id/contacts', { schema: { tags, summary: 'Contact moments, newest first', params: FamilyParams, response: { 200: items(ContactMoment) } } },
    async (req) => ({ items: await readInFamily(db, req, 'contact_moment_list', (tx, scope) => listContacts(tx, scope)) }));

  app.post('/families/:id/contacts', { schema: { tags, summary: 'Record a contact moment', params: FamilyParams, body: ContactMomentInput, response: { 201: ContactMoment } } }, async (req, reply) => {
    const created = await createInFamily(db, req, (tx, scope) => createContact(tx, req.ctx, scope, req.body, clock()));
    setEtag(reply, created.body.version);
    return reply.code(201).send(created.body);
  });

  app.patch('/families/:id/contacts/:itemId', { schema: { tags, summary: 'Change a contact moment', params: FamilyItemParams, body: ContactMomentPatch, response: { 200: ContactMoment } } }, async (req, reply) => {
    const expected = requireIfMatch(req);
    const contact = await inFamily(db, req, (tx, scope) => updateContact(tx, req.ctx, scope, req.params.itemId, expected, req.body, clock()));
    setEtag(reply, contact.version);
    return contact;
  });

  app.delete('/families/:id/contacts/:itemId', { schema: { tags, summary: 'Delete a contact moment (kept in the history)', params: FamilyItemParams } }, async (req, reply) => {
    const expected = requireIfMatch(req);
    await inFamily(db, req, (tx, scope) => deleteContact(tx, req.ctx, scope, req.params.itemId, expected));
    return reply.code(204).send();
  });
}
