import { z } from 'zod';
import { FamilyItemParams, FamilyParams } from '../../../shared/schemas/families.ts';
import { ItemOrder } from '../../../shared/schemas/plan.ts';
import { Service, ServiceInput, ServicePatch, ServiceQuery } from '../../../shared/schemas/services.ts';
import { requireIfMatch, setEtag } from '../../http/etag.ts';
import type { App, FeatureDeps } from '../../http/route-types.ts';
import { createInFamily, inFamily, readInFamily } from '../families/scope.ts';
import { createService, deleteService, loadServices, reorderServices, updateService, visibleService } from './service.ts';

const tags = ['services'];
const items = z.object({ items: z.array(Service) });

export function serviceRoutes(app: App, { db }: FeatureDeps) {
  app.get('/families/:id/services', { schema: { tags, summary: 'The help overview: every service involved, in the family\'s priority order (filter per member, life domain or status)', params: FamilyParams, querystring: ServiceQuery, response: { 200: items } } },
    async (req) => ({ items: await readInFamily(db, req, 'service_list', (tx, scope) => loadServices(tx, scope, req.query)) }));

  app.get('/families/:id/waiting-list', { schema: { tags, summary: 'The help the family is waiting for: where, for whom, since when, expected, bridged by whom', params: FamilyParams, response: { 200: items } } },
    async (req) => ({ items: await readInFamily(db, req, 'waiting_list', (tx, scope) => loadServices(tx, scope, { status: 'waiting' })) }));

  app.post('/families/:id/services', { schema: { tags, summary: 'Add a service (status `waiting` puts it on the waiting list)', params: FamilyParams, body: ServiceInput, response: { 201: Service } } }, async (req, reply) => {
    const created = await createInFamily(db, req, (tx, scope) => createService(tx, req.ctx, scope, req.body));
    setEtag(reply, created.body.version);
    return reply.code(201).send(created.body);
  });

  app.put('/families/:id/services/order', { schema: { tags, summary: 'The family\'s priority order of services: all visible ids (If-Match: the plan revision; ETag: the new one)', params: FamilyParams, body: ItemOrder, response: { 200: items } } }, async (req, reply) => {
    const expected = requireIfMatch(req);
    const ordered = await inFamily(db, req, (tx, scope) => reorderServices(tx, req.ctx, scope, req.body.ids, expected));
    setEtag(reply, ordered.revision);
    return { items: ordered.items };
  });

  app.get('/families/:id/services/:itemId', { schema: { tags, summary: 'One service', params: FamilyItemParams, response: { 200: Service } } }, async (req, reply) => {
    const service = await readInFamily(db, req, 'service', (tx, scope) => visibleService(tx, scope, req.params.itemId));
    setEtag(reply, service.version);
    return service;
  });

  app.patch('/families/:id/services/:itemId', { schema: { tags, summary: 'Change a service (If-Match)', params: FamilyItemParams, body: ServicePatch, response: { 200: Service } } }, async (req, reply) => {
    const expected = requireIfMatch(req);
    const service = await inFamily(db, req, (tx, scope) => updateService(tx, req.ctx, scope, req.params.itemId, expected, req.body));
    setEtag(reply, service.version);
    return service;
  });

  app.delete('/families/:id/services/:itemId', { schema: { tags, summary: 'Remove a service (kept in the history)', params: FamilyItemParams } }, async (req, reply) => {
    const expected = requireIfMatch(req);
    await inFamily(db, req, (tx, scope) => deleteService(tx, req.ctx, scope, req.params.itemId, expected));
    return reply.code(204).send();
  });
}
