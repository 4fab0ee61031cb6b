import { AccessLogVerification } from '../../../shared/schemas/access-log.ts';
import { requireActor, requirePlatformAdmin } from '../../access/policy.ts';
import { audit } from '../../audit/audit.ts';
import { verifyAccessLog } from '../../audit/verify.ts';
import type { App, FeatureDeps } from '../../http/route-types.ts';

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
}
