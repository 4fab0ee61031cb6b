import { HandoverParams } from '../../../shared/schemas/closure.ts';
import { FamilyParams } from '../../../shared/schemas/families.ts';
import { auditRole, handoverReceiverScope, requireReader } from '../../access/family-scope.ts';
import { audit } from '../../audit/audit.ts';
import type { App, FeatureDeps } from '../../http/route-types.ts';
import { pdfFileName } from '../../pdf/render.ts';
import { conflict, notFound } from '../../http/errors.ts';
import { listHandovers, requireFamilyOrCoach } from '../closure/handovers.ts';
import { inFamily } from '../families/scope.ts';
import { brusselsDate } from '../registrations/timing.ts';
import { fileBundle } from './bundle.ts';
import { handoverDocument } from './handover.ts';
import { loadFhirSource } from './source.ts';

export const FHIR_JSON = 'application/fhir+json; charset=utf-8';

/**
 * The family's file as FHIR R4, to take to another system: a collection Bundle of everything the
 * asker may see (the same scope as every other door, without private items), logged as an export.
 */
export function fhirExportRoutes(app: App, { db, clock, config }: FeatureDeps) {
  app.get('/families/:id/fhir', {
    schema: { tags: ['fhir'], summary: 'The family file as a FHIR R4 Bundle (collection) of what I may see; items marked private are never in it', params: FamilyParams },
  }, async (req, reply) => {
    const now = clock();
    return inFamily(db, req, async (tx, scope, actor) => {
      requireReader(scope);
      const source = await loadFhirSource(tx, actor, scope, now);
      const bundle = fileBundle(source, now, config.publicUrl);
      await audit(tx, req.ctx, { collaborationId: scope.collaborationId, familyId: scope.familyId, entityId: scope.familyId, role: auditRole(scope), action: 'export', entityType: 'family_fhir' });
      const name = pdfFileName(`gezinsplan ${source.file.family.displayName}`, brusselsDate(now)).replace(/\.pdf$/, '.fhir.json');
      return reply.type(FHIR_JSON).header('content-disposition', `attachment; filename="${name}"`).header('cache-control', 'no-store').send(JSON.stringify(bundle));
    });
  });

  app.get('/families/:id/handovers/:handoverId/fhir', {
    schema: { tags: ['fhir'], summary: 'A warm handover as a FHIR R4 document: the note and exactly what the family chose to pass on (family and coaches)', params: HandoverParams },
  }, async (req, reply) => {
    const now = clock();
    return inFamily(db, req, async (tx, scope, actor) => {
      requireFamilyOrCoach(scope);
      const [handover] = await listHandovers(tx, scope, req.params.handoverId);
      if (!handover) throw notFound();
      if (handover.status !== 'approved' || !handover.participantId) throw conflict();
      const receiver = await loadFhirSource(tx, actor, handoverReceiverScope(scope, handover.participantId), now);
      const me = receiver.file.plan.participants.find((p) => p.id === scope.participantId);
      const document = handoverDocument(receiver, handover, me ? { display: me.displayName } : undefined, now, config.publicUrl);
      await audit(tx, req.ctx, { collaborationId: scope.collaborationId, familyId: scope.familyId, entityId: handover.id, role: auditRole(scope), action: 'export', entityType: 'handover_fhir' });
      const name = pdfFileName(`overdracht ${handover.service}`, brusselsDate(now)).replace(/\.pdf$/, '.fhir.json');
      return reply.type(FHIR_JSON).header('content-disposition', `attachment; filename="${name}"`).header('cache-control', 'no-store').send(JSON.stringify(document));
    });
  });
}
