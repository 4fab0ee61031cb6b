import { z } from 'zod';
import { FamilyItemParams, FamilyParams } from '../../../shared/schemas/families.ts';
import {
  AvailabilityQuery, Network, NetworkPerson, NetworkPersonInput, NetworkPersonPatch, NetworkTie, NetworkTieInput, NetworkTiePatch,
} from '../../../shared/schemas/network.ts';
import { requireIfMatch, setEtag } from '../../http/etag.ts';
import type { App, FeatureDeps } from '../../http/route-types.ts';
import { createInFamily, inFamily, readInFamily } from '../families/scope.ts';
import { loadPeople, loadTies, whoIsAvailable } from './repo.ts';
import { createPerson, createTie, deletePerson, deleteTie, updatePerson, updateTie, visiblePerson } from './service.ts';

const tags = ['network'];

export function networkRoutes(app: App, { db }: FeatureDeps) {
  app.get('/families/:id/network', { schema: { tags, summary: 'The people around the family in three rings, and the ties between them', params: FamilyParams, response: { 200: Network } } },
    async (req) => readInFamily(db, req, 'network', async (tx, scope) => {
      const people = await loadPeople(tx, scope);
      return { people, ties: await loadTies(tx, scope, people.map((p) => p.id)) };
    }));

  app.get('/families/:id/network/availability', { schema: { tags, summary: 'Who can help with this, on this weekday, in this time window (involved people only)', params: FamilyParams, querystring: AvailabilityQuery, response: { 200: z.object({ items: z.array(NetworkPerson) }) } } },
    async (req) => ({ items: await readInFamily(db, req, 'network_availability', (tx, scope) => whoIsAvailable(tx, scope, req.query)) }));

  app.post('/families/:id/network/people', { schema: { tags, summary: 'Add a person to the network', params: FamilyParams, body: NetworkPersonInput, response: { 201: NetworkPerson } } }, async (req, reply) => {
    const created = await createInFamily(db, req, (tx, scope) => createPerson(tx, req.ctx, scope, req.body));
    setEtag(reply, created.body.version);
    return reply.code(201).send(created.body);
  });

  app.get('/families/:id/network/people/:itemId', { schema: { tags, summary: 'One person of the network', params: FamilyItemParams, response: { 200: NetworkPerson } } }, async (req, reply) => {
    const person = await readInFamily(db, req, 'network_person', (tx, scope) => visiblePerson(tx, scope, req.params.itemId));
    setEtag(reply, person.version);
    return person;
  });

  app.patch('/families/:id/network/people/:itemId', { schema: { tags, summary: 'Change a person of the network, or move them on the map (If-Match)', params: FamilyItemParams, body: NetworkPersonPatch, response: { 200: NetworkPerson } } }, async (req, reply) => {
    const expected = requireIfMatch(req);
    const person = await inFamily(db, req, (tx, scope) => updatePerson(tx, req.ctx, scope, req.params.itemId, expected, req.body));
    setEtag(reply, person.version);
    return person;
  });

  app.delete('/families/:id/network/people/:itemId', { schema: { tags, summary: 'Remove a person and their ties (kept in the history)', params: FamilyItemParams } }, async (req, reply) => {
    const expected = requireIfMatch(req);
    await inFamily(db, req, (tx, scope) => deletePerson(tx, req.ctx, scope, req.params.itemId, expected));
    return reply.code(204).send();
  });

  app.post('/families/:id/network/ties', { schema: { tags, summary: 'Draw a tie: strong, weak or stressful', params: FamilyParams, body: NetworkTieInput, response: { 201: NetworkTie } } }, async (req, reply) => {
    const created = await createInFamily(db, req, (tx, scope) => createTie(tx, req.ctx, scope, req.body));
    setEtag(reply, created.body.version);
    return reply.code(201).send(created.body);
  });

  app.patch('/families/:id/network/ties/:itemId', { schema: { tags, summary: 'Change a tie (If-Match)', params: FamilyItemParams, body: NetworkTiePatch, response: { 200: NetworkTie } } }, async (req, reply) => {
    const expected = requireIfMatch(req);
    const tie = await inFamily(db, req, (tx, scope) => updateTie(tx, req.ctx, scope, req.params.itemId, expected, req.body));
    setEtag(reply, tie.version);
    return tie;
  });

  app.delete('/families/:id/network/ties/:itemId', { schema: { tags, summary: 'Remove a tie', params: FamilyItemParams } }, async (req, reply) => {
    const expected = requireIfMatch(req);
    await inFamily(db, req, (tx, scope) => deleteTie(tx, req.ctx, scope, req.params.itemId, expected));
    return reply.code(204).send();
  });
}
