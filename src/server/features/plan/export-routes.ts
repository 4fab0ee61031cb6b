import { FamilyParams } from '../../../shared/schemas/families.ts';
import { translator } from '../../i18n/translate.ts';
import { ExportQuery } from '../../../shared/schemas/plan.ts';
import { auditRole, requireReader } from '../../access/family-scope.ts';
import { audit } from '../../audit/audit.ts';
import type { App, FeatureDeps } from '../../http/route-types.ts';
import { pdfFileName, renderPdf, sendPdf } from '../../pdf/render.ts';
import { inFamily } from '../families/scope.ts';
import { brusselsDate } from '../registrations/timing.ts';
import { networkBlocks } from '../network/network-document.ts';
import { planDocument } from './plan-document.ts';
import { loadPlan } from './plan-read.ts';
import { fileDocument, loadNetworkAndServices, loadWholeFile } from '../sharing/file-export.ts';

/**
 * The family's file to take along: JSON with everything the asker may see, or the plan as a PDF
 * in plain language. Both go through the same scope as the screens, and both are logged.
 */
export function exportRoutes(app: App, { db, clock }: FeatureDeps) {
  app.get('/families/:id/export', {
    schema: { tags: ['plan'], summary: 'Export: JSON (everything I may see of the file, for the family also who may see what and who looked) or PDF (the plan, or with contents=file the whole file)', params: FamilyParams, querystring: ExportQuery },
  }, async (req, reply) => {
    const now = clock();
    const today = brusselsDate(now);
    return inFamily(db, req, async (tx, scope, actor) => {
      requireReader(scope);
      const plan = await loadPlan(tx, scope, now);
      const logged = { collaborationId: scope.collaborationId, familyId: scope.familyId, entityId: scope.familyId, role: auditRole(scope) };
      const locale = req.query.locale ?? req.ctx.locale;
      if (req.query.format === 'pdf' && req.query.contents === 'plan') {
        const { network, services } = await loadNetworkAndServices(tx, scope);
        const document = planDocument(plan, locale, today);
        const names = new Map(plan.participants.map((p) => [p.id, p.displayName]));
        const pdf = await renderPdf({ ...document, blocks: [...document.blocks, ...networkBlocks(network, services, names, locale)], createdAt: now });
        await audit(tx, req.ctx, { ...logged, action: 'print', entityType: 'plan_pdf' });
        return sendPdf(reply, pdf, pdfFileName(translator(locale)('pdf.plan.fileName', { name: plan.displayName }), today));
      }
      const body = await loadWholeFile(tx, actor, scope, plan, now);
      if (req.query.format === 'pdf') {
        const pdf = await renderPdf({ ...fileDocument(body, locale, today), createdAt: now });
        await audit(tx, req.ctx, { ...logged, action: 'print', entityType: 'file_pdf' });
        return sendPdf(reply, pdf, pdfFileName(translator(locale)('pdf.file.fileName', { name: plan.displayName }), today));
      }
      await audit(tx, req.ctx, { ...logged, action: 'export', entityType: 'family_export' });
      const name = pdfFileName(`gezinsplan ${plan.displayName}`, today).replace(/\.pdf$/, '.json');
      return reply.header('content-disposition', `attachment; filename="${name}"`).header('cache-control', 'no-store').send(body);
    });
  });
}
