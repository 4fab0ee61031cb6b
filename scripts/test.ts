import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/**
 * `npm test`: every suite this machine can run, then one closing line with the totals.
 * - unit and API tests on the embedded PGlite;
 * - the same tests on PostgreSQL when TEST_DATABASE_URL is set (CI sets it);
 * - the browser tests when Chromium is installed (required in CI).
 */
const tmp = join(process.cwd(), '.tmp');
mkdirSync(tmp, { recursive: true });
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const totals = { passed: 0, failed: 0, skipped: 0 };
let exitCode = 0;

function run(label: string, command: string, args: string[], env: Record<string, string | undefined>) {
  console.log(`\n=== ${label} ===`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) exitCode = 1;
}

function vitest(label: string, databaseUrl: string | undefined) {
  const report = join(tmp, `vitest-${label}.json`);
  rmSync(report, { force: true });
  run(`vitest on ${label}`, 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], {
    TEST_DATABASE_URL: databaseUrl,
  });
  if (!existsSync(report)) return void (totals.failed += 1);
  const r = JSON.parse(readFileSync(report, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
  totals.passed += r.numPassedTests;
  totals.failed += r.numFailedTests;
  totals.skipped += r.numPendingTests + r.numTodoTests;
}

vitest('pglite', undefined);
if (process.env.TEST_DATABASE_URL) vitest('postgres', process.env.TEST_DATABASE_URL);
else console.log('\nPostgreSQL suite not run: set TEST_DATABASE_URL=postgres://user@host:5432/db to run it too.');

if (existsSync(chromium)) {
  const report = join(tmp, 'playwright.json');
  rmSync(report, { force: true });
  run('browser tests (Playwright, Chromium)', 'npm', ['run', '--silent', 'test:e2e'], { PLAYWRIGHT_JSON_OUTPUT_NAME: report });
  if (existsSync(report)) {
    const s = (JSON.parse(readFileSync(report, 'utf8')) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } }).stats;
    totals.passed += s.expected + s.flaky;
    totals.failed += s.unexpected;
    totals.skipped += s.skipped;
  } else totals.failed += 1;
} else if (process.env.CI) {
  console.log(`\nChromium is missing at ${chromium}: the browser tests cannot run.`);
  exitCode = 1;
  totals.failed += 1;
} else {
  console.log(`\nBrowser tests not run: no Chromium at ${chromium} (Debian: apt-get install chromium).`);
}

console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 ? 1 : exitCode);
