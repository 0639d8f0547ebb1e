import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

/**
 * Drives the real product in Debian's Chromium: `npm run demo` (web + worker + embedded
 * PostgreSQL + the local TikTok simulator) on port 3100 with a fresh data folder per run.
 */
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;
const dataDir = process.env.E2E_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'tiksavr-e2e-'));
process.env.E2E_DATA_DIR = dataDir; // workers re-evaluate this file: keep one folder per run

export default defineConfig({
  testDir: './tests',
  // After the web server is up, before any spec: signs up the instance's first account (its admin).
  globalSetup: './tests/support/global-admin-setup.ts',
  outputDir: './test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['html', { open: 'never', outputFolder: './playwright-report' }]],
  use: {
    baseURL,
    browserName: 'chromium',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
      ],
    },
  },
  webServer: {
    command: 'node scripts/start.ts --demo',
    cwd: '..',
    url: `${baseURL}/api/trpc/health.check`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 30_000 },
    env: {
      PORT: String(port),
      DATA_DIR: dataDir,
      PUBLIC_URL: baseURL,
      SIM_PORT: process.env.E2E_SIM_PORT ?? '3199',
      // info: start.ts waits for the worker's "[worker] ready" line, an info-level log.
      LOG_LEVEL: 'info',
      // Every spec signs up its own people from 127.0.0.1: far more than a person's 10 a minute.
      AUTH_ATTEMPTS_PER_MINUTE: '1000',
    },
  },
});
