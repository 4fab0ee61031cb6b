import { FamilyParams } from '../../../shared/schemas/families.ts';
import { ExportQuery } from '../../../shared/schemas/plan.ts';
import { requireInCircle } from '../../access/family-scope.ts';
import { audit } from '../../audit/audit.ts';
import type { App, FeatureDeps } from '../../http/route-types.ts';
import { pdfFileName, renderPdf, sendPdf } from '../../pdf/render.ts';
import { listContacts, listMembers, loadFamily } from '../families/repo.ts';
import { inFamily } from '../families/scope.ts';
import { brusselsDate } from '../registrations/timing.ts';
import { networkBlocks } from '../network/network-document.ts';
import { loadPeople, loadTies } from '../network/repo.ts';
import { loadServices } from '../services/service.ts';
import { planDocument } from './plan-document.ts';
import { loadPlan } from './plan-read.ts';
import { listVersions } from './versions.ts';

/**
 * The family's file to take along: JSON with everything the asker may see, or the plan as a PDF
 * in plain language. Both go through the same scope as the screens, and both are logged.
 */
export function exportRoutes(app: App, { db, clock }: FeatureDeps) {
  app.get('/families/:id/export', {
    schema: { tags: ['plan'], summary: 'Export: JSON (everything I may see of the file) or PDF (the plan, printable, dated and versioned)', params: FamilyParams, querystring: ExportQuery },
  }, async (req, reply) => {
    const now = clock();
    const today = brusselsDate(now);
    return inFamily(db, req, async (tx, scope, actor) => {
      requireInCircle(scope);
      const plan = await loadPlan(tx, scope, now);
      const logged = { collaborationId: scope.collaborationId, familyId: scope.familyId, entityId: scope.familyId, role: scope.participantRole };
      const people = await loadPeople(tx, scope);
      const network = { people, ties: await loadTies(tx, scope, people.map((p) => p.id)) };
      const services = await loadServices(tx, scope);
      if (req.query.format === 'pdf') {
        const locale = req.query.locale ?? req.ctx.locale;
        const document = planDocument(plan, locale, today);
        const names = new Map(plan.participants.map((p) => [p.id, p.displayName]));
        const pdf = await renderPdf({ ...document, blocks: [...document.blocks, ...networkBlocks(network, services, names, locale)], createdAt: now });
        await audit(tx, req.ctx, { ...logged, action: 'print', entityType: 'plan_pdf' });
        return sendPdf(reply, pdf, pdfFileName(locale === 'en' ? `family plan ${plan.displayName}` : `gezinsplan ${plan.displayName}`, today));
      }
      await audit(tx, req.ctx, { ...logged, action: 'export', entityType: 'family_export' });
      const body = {
        exportedAt: now.toISOString(), family: await loadFamily(tx, actor, scope), members: await listMembers(tx, scope),
        contactMoments: await listContacts(tx, scope), plan, versions: await listVersions(tx, scope), network, services,
      };
      const name = pdfFileName(`gezinsplan ${plan.displayName}`, today).replace(/\.pdf$/, '.json');
      return reply.header('content-disposition', `attachment; filename="${name}"`).header('cache-control', 'no-store').send(body);
    });
  });
}
