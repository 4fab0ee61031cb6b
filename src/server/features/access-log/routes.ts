import { Readable } from 'node:stream';
import { AccessLogVerification, CollaborationAccessLogEntry, CollaborationAccessLogFilter, CollaborationAccessLogQuery } from '../../../shared/schemas/access-log.ts';
import { CollaborationParams, page } from '../../../shared/schemas/common.ts';
import { authorizeAccessLogReview, requireActor, requirePlatformAdmin } from '../../access/policy.ts';
import { audit } from '../../audit/audit.ts';
import { verifyAccessLog } from '../../audit/verify.ts';
import type { App, FeatureDeps } from '../../http/route-types.ts';
import { describeFilter, listCollaborationAccessLog } from './collaboration-log.ts';
import { accessLogCsv, lastLogId } from './export-csv.ts';

const tags = ['platform'];

export function accessLogRoutes(app: App, { db, clock }: FeatureDeps) {
  app.post('/platform/access-log/verification', {
    schema: { tags, summary: 'Walk every access-log chain and checkpoint; report the first row that does not fit (platform administrators)', response: { 200: AccessLogVerification } },
  }, async (req) => {
    requirePlatformAdmin(requireActor(req.ctx.actor));
    const result = await verifyAccessLog(db);
    await audit(db, req.ctx, { action: 'read', entityType: 'access_log_verification', role: 'platform_admin', outcome: result.ok ? 'success' : 'failed' });
    return { ...result, checkedAt: clock().toISOString() };
  });

  app.get('/collaborations/:collaborationId/access-log', {
    schema: {
      tags: ['access-log'], summary: "The collaboration's access log, newest first, filtered by person, family, action, outcome and days (the DPO)",
      params: CollaborationParams, querystring: CollaborationAccessLogQuery, response: { 200: page(CollaborationAccessLogEntry) },
    },
  }, async (req) => {
    const { collaborationId } = req.params;
    const role = authorizeAccessLogReview(requireActor(req.ctx.actor), collaborationId);
    return db.transaction(async (tx) => {
      const result = await listCollaborationAccessLog(tx, collaborationId, req.query);
      // Logged after the page is read, so the page shows what happened before this look.
      await audit(tx, req.ctx, { action: 'read', entityType: 'collaboration_access_log', collaborationId, role, reason: describeFilter(req.query) });
      return result;
    });
  });

  app.get('/collaborations/:collaborationId/access-log.csv', {
    schema: {
      tags: ['access-log'], summary: "The collaboration's access log as CSV with the same filters, streamed in batches; the export is itself logged (the DPO)",
      params: CollaborationParams, querystring: CollaborationAccessLogFilter,
    },
  }, async (req, reply) => {
    const { collaborationId } = req.params;
    const role = authorizeAccessLogReview(requireActor(req.ctx.actor), collaborationId);
    // The export is logged before the first byte leaves, and holds the rows written before it.
    const upTo = await db.transaction(async (tx) => {
      const last = await lastLogId(tx);
      await audit(tx, req.ctx, { action: 'export', entityType: 'collaboration_access_log', collaborationId, role, reason: describeFilter(req.query) });
      return last;
    });
    return reply.type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="inzagelog-${clock().toISOString().slice(0, 10)}.csv"`)
      .send(Readable.from(accessLogCsv(db, collaborationId, req.query, upTo)));
  });
}
