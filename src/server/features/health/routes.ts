import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { App, FeatureDeps } from '../../http/route-types.ts';

const Health = z.object({ status: z.enum(['ok', 'unavailable']), database: z.enum(['ok', 'unavailable']) });

export function healthRoutes(app: App, { db }: FeatureDeps) {
  app.get('/health', {
    schema: { tags: ['operations'], summary: 'Is the server up and the database reachable?', response: { 200: Health, 503: Health } },
    config: { public: true },
  }, async (req, reply) => {
    try {
      await db.execute(sql`select 1`);
      return { status: 'ok' as const, database: 'ok' as const };
    } catch (err) {
      req.log.error({ err }, 'health check: database unavailable');
      return reply.code(503).send({ status: 'unavailable', database: 'unavailable' });
    }
  });
}
