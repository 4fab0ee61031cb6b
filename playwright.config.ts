import { defineConfig, devices } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;
const dataDir = `.tmp/e2e-data-${Date.now()}`;

/**
 * Browser tests on Debian's Chromium (no browser download), against the real server on a fresh
 * embedded database with the demo data, once at phone width and once at desktop width.
 */
const chromium = {
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  },
};

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // The longest journeys (the whole plan, sharing) take about a minute on a loaded 2-core machine.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ?? '.tmp/playwright.json' }]],
  use: { baseURL, trace: 'retain-on-failure', locale: 'nl-BE' },
  projects: [
    { name: 'phone', use: { ...devices['Pixel 7'], viewport: { width: 390, height: 844 }, ...chromium } },
    { name: 'desktop', use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 }, ...chromium } },
  ],
  webServer: {
    command: 'tsx scripts/build-web.ts && tsx src/server/main.ts',
    url: `${baseURL}/api/v1/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      NODE_ENV: 'test',
      JOBS_POLL_MS: '200',
      AUDIT_SEAL_EVERY_S: '1',
      LOG_LEVEL: 'warn',
      // The throttle counts per client address; every e2e sign-in comes from 127.0.0.1.
      LOGIN_MAX_FAILURES: '50',
      // Malika signs in by link in several journeys, on phone and desktop, within one window.
      SIGN_IN_LINKS_PER_WINDOW: '50',
    },
  },
});
