import type * as R4 from 'fhir/r4';
import { z } from 'zod';
import { Uuid } from '../../../shared/schemas/common.ts';
import type { Actor } from '../../access/actor.ts';
import { auditRole, loadFamilyScope, requireReader } from '../../access/family-scope.ts';
import { requireActor } from '../../access/policy.ts';
import { audit } from '../../audit/audit.ts';
import type { Tx } from '../../db/connection.ts';
import { notFound } from '../../http/errors.ts';
import type { App, FeatureDeps } from '../../http/route-types.ts';
import type { RequestContext } from '../../http/context.ts';
import { listFamilies } from '../families/repo.ts';
import { fhirBase, fileResources } from './bundle.ts';
import { capabilityStatement, isReadType } from './capability.ts';
import { FHIR_JSON } from './routes.ts';
import { loadFhirSource } from './source.ts';

const TypeParams = z.object({ type: z.string().max(40) });
const ReadParams = z.object({ type: z.string().max(40), id: z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/) });
const SearchQuery = z.object({ family: Uuid, _id: z.string().max(64).optional(), _format: z.string().max(40).optional() });

/** Types whose id is the family's own: Group, CarePlan and CareTeam of one family share its id. */
const FAMILY_ID_TYPES = new Set(['Group', 'CarePlan', 'CareTeam']);
/** Families tried when a resource is read by id alone: the asker's files, at most this many. */
const MAX_FAMILIES_SCANNED = 200;

/** The family's resources the asker may see (404 when the family is out of sight), with the read logged. */
async function familyResources(tx: Tx, ctx: RequestContext, actor: Actor, familyId: string, now: Date, action: 'read' | 'search', type: string) {
  const scope = requireReader(await loadFamilyScope(tx, actor, familyId));
  const resources = fileResources(await loadFhirSource(tx, actor, scope, now), now);
  await audit(tx, ctx, { collaborationId: scope.collaborationId, familyId: scope.familyId, entityId: scope.familyId, role: auditRole(scope), action, entityType: `fhir_${type}` });
  return resources;
}

/**
 * FHIR R4 read API for partner systems under /fhir/R4: the CapabilityStatement, read by id and search
 * by family. Each answer is built from the family file's scoped reads, exactly as the export; errors
 * are OperationOutcomes (see the error handler).
 */
export function fhirReadRoutes(app: App, { db, clock, config }: FeatureDeps) {
  const base = fhirBase(config.publicUrl);
  const tags = ['fhir'];
  const send = <T>(reply: { type(t: string): { header(k: string, v: string): { send(b: string): T } } }, body: R4.FhirResource) =>
    reply.type(FHIR_JSON).header('cache-control', 'no-store').send(JSON.stringify(body));

  app.get('/metadata', { schema: { tags, summary: 'CapabilityStatement: what this FHIR server offers' }, config: { public: true } },
    async (_req, reply) => send(reply, capabilityStatement(base, clock().toISOString())));

  app.get('/:type', { schema: { tags, summary: 'Search the resources of one type in one family file (family=<id> required)', params: TypeParams, querystring: SearchQuery } }, async (req, reply) => {
    if (!isReadType(req.params.type)) throw notFound();
    const type = req.params.type;
    const actor = requireActor(req.ctx.actor);
    const now = clock();
    const matches = await db.transaction(async (tx) => (await familyResources(tx, req.ctx, actor, req.query.family, now, 'search', type))
      .filter((r) => r.resourceType === type && (req.query._id === undefined || r.id === req.query._id)));
    const bundle: R4.Bundle = {
      resourceType: 'Bundle', type: 'searchset', total: matches.length, timestamp: now.toISOString(),
      link: [{ relation: 'self', url: `${base}/${type}?family=${req.query.family}${req.query._id ? `&_id=${encodeURIComponent(req.query._id)}` : ''}` }],
      entry: matches.map((resource) => ({ fullUrl: `${base}/${type}/${resource.id}`, resource, search: { mode: 'match' } })),
    };
    return send(reply, bundle);
  });

  app.get('/:type/:id', { schema: { tags, summary: 'Read one resource of a family file the asker may see', params: ReadParams } }, async (req, reply) => {
    if (!isReadType(req.params.type)) throw notFound();
    const { type, id } = req.params;
    const actor = requireActor(req.ctx.actor);
    const now = clock();
    const found = await db.transaction(async (tx) => {
      const candidates = FAMILY_ID_TYPES.has(type) ? [id]
        : (await listFamilies(tx, actor, { limit: MAX_FAMILIES_SCANNED })).items.map((f) => f.id);
      for (const familyId of candidates) {
        const scope = await loadFamilyScope(tx, actor, familyId).catch(() => null);
        if (!scope || (scope.reach === 'metadata')) continue;
        const resource = fileResources(await loadFhirSource(tx, actor, requireReader(scope), now), now).find((r) => r.resourceType === type && r.id === id);
        if (resource) {
          await audit(tx, req.ctx, { collaborationId: scope.collaborationId, familyId: scope.familyId, entityId: scope.familyId, role: auditRole(scope), action: 'read', entityType: `fhir_${type}` });
          return resource;
        }
      }
      return null;
    });
    if (!found) throw notFound();
    return send(reply, found);
  });
}
