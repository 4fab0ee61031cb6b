import type { FastifyReply, FastifyRequest } from 'fastify';
import { IdParams, page } from '../../../shared/schemas/common.ts';
import {
  SocialMapCollaborationQuery, SocialMapEntry, SocialMapImport, SocialMapImportResult, SocialMapInput, SocialMapPatch, SocialMapQuery, WaitingTimeInput,
} from '../../../shared/schemas/social-map.ts';
import { requireActor } from '../../access/policy.ts';
import { requireIfMatch, setEtag } from '../../http/etag.ts';
import { idempotentCreate } from '../../http/idempotency.ts';
import type { App, FeatureDeps } from '../../http/route-types.ts';
import { exportCsv, importCsv } from './csv-io.ts';
import { archiveEntry, authorizeSocialMap, createEntry, listEntries, loadEntry, staleBefore, updateEntry } from './service.ts';

const tags = ['social-map'];

export function socialMapRoutes(app: App, { db, clock, config }: FeatureDeps) {
  const staleLimit = () => staleBefore(clock(), config.SOCIAL_MAP_STALE_MONTHS);

  app.get('/social-map', { schema: { tags, summary: 'Search the social map: Dutch full text (prefixes of stems), life domain, postcode', querystring: SocialMapQuery, response: { 200: page(SocialMapEntry) } } }, async (req) => {
    authorizeSocialMap(requireActor(req.ctx.actor), req.query.collaborationId);
    return listEntries(db, req.query, staleLimit());
  });

  app.post('/social-map', { schema: { tags, summary: 'Add an organisation\'s service to the social map', body: SocialMapInput, response: { 201: SocialMapEntry } } }, async (req, reply) => {
    const actor = requireActor(req.ctx.actor);
    const created = await idempotentCreate(db, req, async (tx) => {
      const id = await createEntry(tx, req.ctx, actor, req.body, clock());
      return { status: 201, body: await loadEntry(tx, actor, id, staleLimit()) };
    });
    setEtag(reply, created.body.version);
    return reply.code(201).send(created.body);
  });

  app.get('/social-map/export', { schema: { tags, summary: 'The social map as CSV (; separated)', querystring: SocialMapCollaborationQuery } }, async (req, reply) => {
    const actor = requireActor(req.ctx.actor);
    const csv = await db.transaction((tx) => exportCsv(tx, req.ctx, actor, req.query.collaborationId));
    return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="sociale-kaart.csv"').send(`\uFEFF${csv}`);
  });

  app.post('/social-map/import', { schema: { tags, summary: 'Import a CSV: rows with a known id update, others are added; all or nothing (422 with the lines)', body: SocialMapImport, response: { 200: SocialMapImportResult } } }, async (req) => {
    const actor = requireActor(req.ctx.actor);
    return db.transaction((tx) => importCsv(tx, req.ctx, actor, req.body.collaborationId, req.body.csv, clock()));
  });

  app.get('/social-map/:id', { schema: { tags, summary: 'One entry', params: IdParams, response: { 200: SocialMapEntry } } }, async (req, reply) => {
    const entry = await loadEntry(db, requireActor(req.ctx.actor), req.params.id, staleLimit());
    setEtag(reply, entry.version);
    return entry;
  });

  /** A change to an entry (If-Match), answered with the entry as it is now. */
  const save = async (req: FastifyRequest & { params: { id: string } }, reply: FastifyReply, body: Parameters<typeof updateEntry>[5]) => {
    const expected = requireIfMatch(req);
    const actor = requireActor(req.ctx.actor);
    const entry = await db.transaction(async (tx) => {
      await updateEntry(tx, req.ctx, actor, req.params.id, expected, body, clock(), staleLimit());
      return loadEntry(tx, actor, req.params.id, staleLimit());
    });
    setEtag(reply, entry.version);
    return entry;
  };

  app.patch('/social-map/:id', { schema: { tags, summary: 'Change an entry (If-Match); a new waiting time counts as confirmed now', params: IdParams, body: SocialMapPatch, response: { 200: SocialMapEntry } } },
    async (req, reply) => save(req, reply, req.body));

  app.put('/social-map/:id/waiting-time', { schema: { tags, summary: 'Confirm or correct the current waiting time (If-Match): stamped with now and who confirmed it', params: IdParams, body: WaitingTimeInput, response: { 200: SocialMapEntry } } },
    async (req, reply) => save(req, reply, req.body));

  app.delete('/social-map/:id', { schema: { tags, summary: 'Take an entry off the map (families\' links keep pointing at it)', params: IdParams } }, async (req, reply) => {
    const expected = requireIfMatch(req);
    const actor = requireActor(req.ctx.actor);
    await db.transaction((tx) => archiveEntry(tx, req.ctx, actor, req.params.id, expected, staleLimit()));
    return reply.code(204).send();
  });
}
