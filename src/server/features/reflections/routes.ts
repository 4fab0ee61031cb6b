import { z } from 'zod';
import { FamilyParams } from '../../../shared/schemas/families.ts';
import { Reflection, ReflectionInput, ReflectionQuery } from '../../../shared/schemas/reflections.ts';
import { setEtag } from '../../http/etag.ts';
import type { App, FeatureDeps } from '../../http/route-types.ts';
import { createInFamily, readInFamily } from '../families/scope.ts';
import { createReflection, listReflections } from './service.ts';

const tags = ['reflections'];

export function reflectionRoutes(app: App, { db, clock }: FeatureDeps) {
  app.get('/families/:id/reflections', { schema: { tags, summary: 'Own-strength reflections (competence, motivation, social), oldest first', params: FamilyParams, querystring: ReflectionQuery, response: { 200: z.object({ items: z.array(Reflection) }) } } },
    async (req) => ({ items: await readInFamily(db, req, 'reflection_list', (tx, scope) => listReflections(tx, scope, { subject: req.query.subjectParticipantId })) }));

  app.post('/families/:id/reflections', { schema: { tags, summary: 'Record an own-strength reflection (coach), alone or with the family', params: FamilyParams, body: ReflectionInput, response: { 201: Reflection } } }, async (req, reply) => {
    const created = await createInFamily(db, req, (tx, scope) => createReflection(tx, req.ctx, scope, req.body, clock()));
    setEtag(reply, created.body.version);
    return reply.code(201).send(created.body);
  });
}
