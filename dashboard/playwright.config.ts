import { execSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './e2e/env.ts';

/**
 * Two modes:
 * - default: the real thing. Builds the dashboard and starts core (`core/src/main.ts`) on a fixed
 *   port with a fresh data folder and queue prefix, then runs `e2e/webhooks.spec.ts`.
 *   Needs Redis on 127.0.0.1:6379 (or REDIS_URL).
 * - `HUB_E2E_MOCK=1`: builds the dashboard, serves it with `vite preview` and runs
 *   `e2e/mocked/*.spec.ts` against an in-page API stub (no core needed): a visual smoke test.
 *
 * The browser is Debian's Chromium; Playwright never downloads one.
 */
const mocked = process.env.HUB_E2E_MOCK === '1';
const port = Number(process.env.HUB_E2E_PORT ?? (mocked ? 18932 : 18931));
const baseURL = `http://127.0.0.1:${port}`;
const dashboardDir = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = join(dashboardDir, '..');

function chromiumPath(): string {
  try {
    const found = execSync('command -v chromium', { shell: '/bin/sh', stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
    return found || '/usr/bin/chromium';
  } catch {
    return '/usr/bin/chromium';
  }
}

// The config is evaluated again in every worker; keep one data folder and queue prefix per run.
process.env.HUB_E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'hub-e2e-'));
process.env.HUB_E2E_QUEUE_PREFIX ??= `e2e-${Date.now()}`;

export default defineConfig({
  testDir: './e2e',
  testMatch: mocked ? 'mocked/**/*.spec.ts' : 'webhooks.spec.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  outputDir: join(dashboardDir, 'test-results'),
  use: {
    baseURL,
    viewport: { width: 1440, height: 900 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromiumPath(),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: mocked
    ? {
        command: `npx vite build && npx vite preview --host 127.0.0.1 --port ${port} --strictPort`,
        cwd: dashboardDir,
        url: baseURL,
        timeout: 120_000,
        reuseExistingServer: false,
      }
    : {
        command: 'npm run build -w dashboard && npx tsx core/src/main.ts',
        cwd: repoRoot,
        url: `${baseURL}/healthz`,
        timeout: 180_000,
        reuseExistingServer: false,
        stdout: 'pipe',
        stderr: 'pipe',
        env: {
          PORT: String(port),
          HUB_DATA_DIR: process.env.HUB_E2E_DATA_DIR,
          HUB_ADMIN_EMAIL: ADMIN_EMAIL,
          HUB_ADMIN_PASSWORD: ADMIN_PASSWORD,
          HUB_QUEUE_PREFIX: process.env.HUB_E2E_QUEUE_PREFIX,
          HUB_ALLOW_PRIVATE_TARGETS: '127.0.0.0/8',
          HUB_LOG_LEVEL: 'warn',
        },
      },
});
