import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { CollaborationParams, IdParams, page } from '../../../shared/schemas/common.ts';
import {
  AssignCoaches, CoachOption, FirstContact, ForwardRegistration, ReferrerRegistration, Registration, RegistrationCreate,
  RegistrationListQuery, RegistrationOutcome, RegistrationReceipt, RegistrationStats, RegistrationStatsQuery, RegistrationSummary,
} from '../../../shared/schemas/registrations.ts';
import { requireActor } from '../../access/policy.ts';
import { registrationQueueRole, registrationRole, requireManaging } from '../../access/registration-scope.ts';
import { audit } from '../../audit/audit.ts';
import { AppError, forbidden, notFound } from '../../http/errors.ts';
import { isThrottled, recordFailure as countAttempt } from '../auth/throttle.ts';
import { requireIfMatch, setEtag } from '../../http/etag.ts';
import { idempotentCreate } from '../../http/idempotency.ts';
import type { App, FeatureDeps } from '../../http/route-types.ts';
import { coachesOf, findVisibleRegistration, listOwnRegistrations, listRegistrations, presentRegistration } from './repo.ts';
import { assignCoaches, createRegistration, forwardRegistration, recordFirstContact, recordOutcome } from './service.ts';
import { coachOptions, registrationStats } from './stats.ts';

const tags = ['registrations'];

export function registrationRoutes(app: App, { db, clock, config }: FeatureDeps) {
  // The public form is open to anyone: one address may send this many per hour (a whole office behind NAT fits).
  const publicLimit = { maxFailures: config.REGISTRATIONS_PER_HOUR, windowMinutes: 60 };
  app.post('/registrations', {
    config: { public: true },
    schema: {
      tags, summary: 'Register a family or ask a consultation question (public; linked to the referrer when signed in)',
      body: RegistrationCreate, response: { 201: RegistrationReceipt },
    },
  }, async (req, reply) => {
    const throttleKey = `registration:${req.ctx.clientAddress}`;
    if (!req.ctx.actor && await isThrottled(db, [throttleKey], publicLimit)) throw new AppError(429, 'too_many_registrations');
    // Public, but a signed-in person's registration is linked to them: then the CSRF token is needed too.
    if (req.ctx.actor) {
      const header = req.headers['x-csrf-token'];
      const token = req.ctx.csrfToken ?? '';
      if (typeof header !== 'string' || header.length !== token.length || !timingSafeEqual(Buffer.from(header), Buffer.from(token))) {
        throw new AppError(403, 'csrf_failed');
      }
    }
    const created = await idempotentCreate(db, req, async (tx) => {
      // Counted only when stored: a replayed Idempotency-Key or refused input does not count.
      const body = await createRegistration(tx, req.ctx, req.body, clock());
      if (!req.ctx.actor) await countAttempt(tx, [throttleKey], publicLimit);
      return { status: 201, body };
    });
    return reply.code(created.status).send(created.body);
  });

  app.get('/registrations', {
    schema: { tags, summary: 'The queue of a collaboration, first due first, in the asker\'s scope', querystring: RegistrationListQuery, response: { 200: page(RegistrationSummary) } },
  }, async (req) => {
    const actor = requireActor(req.ctx.actor);
    const { collaborationId } = req.query;
    const role = registrationQueueRole(actor, collaborationId);
    return db.transaction(async (tx) => {
      const result = await listRegistrations(tx, actor, req.query, clock());
      await audit(tx, req.ctx, { action: 'read', entityType: 'registration_list', collaborationId, role });
      return result;
    });
  });

  app.get('/registrations/mine', {
    schema: { tags, summary: 'The status of the registrations I made myself', response: { 200: z.object({ items: z.array(ReferrerRegistration) }) } },
  }, async (req) => {
    const actor = requireActor(req.ctx.actor);
    return db.transaction(async (tx) => {
      const items = await listOwnRegistrations(tx, actor.userId);
      await audit(tx, req.ctx, { action: 'read', entityType: 'registration_own_list', role: 'referrer' });
      return { items };
    });
  });

  app.get('/registrations/stats', {
    schema: { tags, summary: 'Figures for the coordinator\'s dashboard', querystring: RegistrationStatsQuery, response: { 200: RegistrationStats } },
  }, async (req) => {
    const { collaborationId, from, to } = req.query;
    const role = requireManaging(requireActor(req.ctx.actor), collaborationId);
    return db.transaction(async (tx) => {
      const stats = await registrationStats(tx, collaborationId, from, to, clock());
      await audit(tx, req.ctx, { action: 'read', entityType: 'registration_stats', collaborationId, role });
      return stats;
    });
  });

  app.get('/collaborations/:collaborationId/coach-options', {
    schema: { tags, summary: 'Coaches to assign, with their current number of open families', params: CollaborationParams, response: { 200: z.object({ items: z.array(CoachOption) }) } },
  }, async (req) => {
    const { collaborationId } = req.params;
    requireManaging(requireActor(req.ctx.actor), collaborationId);
    return { items: await coachOptions(db, collaborationId) };
  });

  app.get('/registrations/:id', {
    schema: { tags, summary: 'One registration', params: IdParams, response: { 200: Registration } },
  }, async (req, reply) => {
    const actor = requireActor(req.ctx.actor);
    const registration = await db.transaction(async (tx) => {
      const row = await findVisibleRegistration(tx, actor, req.params.id);
      if (!row) throw notFound();
      const coaches = (await coachesOf(tx, [row.reg.id])).get(row.reg.id) ?? [];
      const { role, may } = registrationRole(actor, row.reg, coaches.map((c) => c.userId));
      // A referrer follows the status only (GET /registrations/mine), not what the family told.
      if (may === 'view') throw forbidden();
      await audit(tx, req.ctx, { action: 'read', entityType: 'registration', entityId: row.reg.id, collaborationId: row.reg.collaborationId, role });
      return presentRegistration(row, coaches, clock());
    });
    setEtag(reply, registration.version);
    return registration;
  });

  app.put('/registrations/:id/coaches', {
    schema: { tags, summary: 'Assign one or two coaches (coordinators)', params: IdParams, body: AssignCoaches, response: { 200: Registration } },
  }, async (req, reply) => {
    const actor = requireActor(req.ctx.actor);
    const expected = requireIfMatch(req);
    const reg = await db.transaction((tx) => assignCoaches(tx, req.ctx, actor, req.params.id, expected, req.body.coachIds, clock()));
    setEtag(reply, reg.version);
    return reg;
  });

  app.post('/registrations/:id/first-contact', {
    schema: { tags, summary: 'Record the first contact with the family', params: IdParams, body: FirstContact, response: { 200: Registration } },
  }, async (req, reply) => {
    const actor = requireActor(req.ctx.actor);
    const expected = requireIfMatch(req);
    const reg = await db.transaction((tx) => recordFirstContact(tx, req.ctx, actor, req.params.id, expected, req.body, clock()));
    setEtag(reply, reg.version);
    return reg;
  });

  app.post('/registrations/:id/outcome', {
    schema: { tags, summary: 'Start a trajectory (makes the family file), answer a consultation, or record not starting', params: IdParams, body: RegistrationOutcome, response: { 200: Registration } },
  }, async (req, reply) => {
    const actor = requireActor(req.ctx.actor);
    const expected = requireIfMatch(req);
    const reg = await db.transaction((tx) => recordOutcome(tx, req.ctx, actor, req.params.id, expected, req.body, clock()));
    setEtag(reply, reg.version);
    return reg;
  });

  app.post('/registrations/:id/forward', {
    schema: { tags, summary: 'Forward to another collaboration, keeping the date (coordinators)', params: IdParams, body: ForwardRegistration, response: { 200: Registration } },
  }, async (req, reply) => {
    const actor = requireActor(req.ctx.actor);
    const expected = requireIfMatch(req);
    const reg = await db.transaction((tx) => forwardRegistration(tx, req.ctx, actor, req.params.id, expected, req.body.collaborationId, clock(), config.publicUrl));
    setEtag(reply, reg.version);
    return reg;
  });
}
