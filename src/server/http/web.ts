import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { App } from './route-types.ts';

/**
 * Serves the built web app. Hashed assets are cached for a year; index.html never, so a new
 * release is picked up at once. Unknown non-API paths fall back to index.html (see app.ts).
 */
export async function registerWeb(app: App, webRoot: string | null): Promise<void> {
  if (!webRoot) return;
  if (!existsSync(join(webRoot, 'index.html'))) {
    throw new Error(`The web app is not built in ${webRoot}. Run: npm run build`);
  }
  await app.register(fastifyStatic, {
    root: webRoot,
    wildcard: false,
    index: false,
    setHeaders(res, path) {
      res.header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
}
