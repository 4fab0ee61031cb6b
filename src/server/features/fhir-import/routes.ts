import { CollaborationParams } from '../../../shared/schemas/common.ts';
import { FhirImportBody, FhirImportPreview, FhirImportPreviewBody, FhirImportResult } from '../../../shared/schemas/fhir-import.ts';
import { requireActor } from '../../access/policy.ts';
import { audit } from '../../audit/audit.ts';
import type { App, FeatureDeps } from '../../http/route-types.ts';
import { parseBundle, previewOf } from './parse.ts';
import { authorizeImport, domainsByKey, importFamilyFile } from './service.ts';

const tags = ['fhir'];
// A family file with its history is a few hundred kB; a few MB leaves room without inviting abuse.
const bodyLimit = 5 * 1024 * 1024;

/**
 * A FHIR R4 Bundle into a new family file of this collaboration: first a preview of what would be
 * created and what was not understood (creates nothing), then the import with the family's consent.
 */
export function fhirImportRoutes(app: App, { db }: FeatureDeps) {
  app.post('/collaborations/:collaborationId/fhir-import/preview', {
    bodyLimit,
    schema: { tags, summary: 'What a FHIR bundle would create as a new family file, and what in it was not understood; creates nothing', params: CollaborationParams, body: FhirImportPreviewBody, response: { 200: FhirImportPreview } },
  }, async (req) => {
    const { collaborationId } = req.params;
    const role = authorizeImport(requireActor(req.ctx.actor), collaborationId);
    const file = parseBundle(req.body.bundle);
    const domains = await domainsByKey(db, collaborationId);
    const preview = previewOf(file, (key) => (key ? domains.get(key)?.label ?? null : null));
    await audit(db, req.ctx, { action: 'read', entityType: 'fhir_import_preview', entityId: null, collaborationId, role });
    return preview;
  });

  app.post('/collaborations/:collaborationId/fhir-import', {
    bodyLimit,
    schema: { tags, summary: 'Import a FHIR bundle as a new family file, with the family\'s recorded consent; 422 with the list when anything was not understood', params: CollaborationParams, body: FhirImportBody, response: { 201: FhirImportResult } },
  }, async (req, reply) => {
    const { collaborationId } = req.params;
    const actor = requireActor(req.ctx.actor);
    authorizeImport(actor, collaborationId);
    const file = parseBundle(req.body.bundle);
    const result = await db.transaction((tx) => importFamilyFile(tx, req.ctx, actor, collaborationId, file, req.body.consent));
    return reply.code(201).send(result);
  });
}
