import { readdirSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';

/**
 * Builds the web app when it is missing or older than its sources, so `npm start` always serves the
 * current code without a separate build step, and a second start does not rebuild.
 */
const root = process.cwd();
const output = join(root, 'dist/web/index.html');
const sources = ['src/web', 'src/shared', 'vite.config.ts', 'package-lock.json'];

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path)
    .filter((name) => name !== 'node_modules')
    .reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stat.mtimeMs);
}

const force = process.argv.includes('--force');
const stale = force || !existsSync(output) || sources.some((s) => existsSync(s) && newestMtime(s) > statSync(output).mtimeMs);
if (stale) {
  const started = Date.now();
  await build({ logLevel: 'warn' });
  console.log(`web app built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} else {
  console.log('web app is up to date');
}
