import { mkdtempSync } from 'node:fs';
import type { Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import type { Clock } from '../../src/clock.ts';
import { loadConfig, type HubConfig } from '../../src/config/load-config.ts';
import { closeHub, createHub, startHubWorkers } from '../../src/create-hub.ts';
import type { Hub } from '../../src/hub.ts';
import { createApp } from '../../src/http/create-app.ts';
import { silentLogger } from '../../src/observability/logger.ts';

export const ADMIN_EMAIL = 'owner@example.com';
export const ADMIN_PASSWORD = 'correct horse battery staple';

export interface TestHub {
  readonly hub: Hub;
  readonly baseUrl: string;
  readonly dataDir: string;
  readonly config: HubConfig;
  /** Stop the server and close the store and Redis (data stays in dataDir). */
  stop(): Promise<void>;
}

/** A unique queue prefix per test run, so tests never flush or share Redis keys. */
export function uniquePrefix(label: string): string {
  return `test-${label}-${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
}

/**
 * Start a real hub (real SQLite under a temp dir, real Redis, real HTTP on loopback, port 0).
 * Pass `dataDir` to restart on the data of an earlier hub.
 */
export async function startTestHub(
  options: { env?: Record<string, string>; dataDir?: string; clock?: Clock; resolveHost?: (host: string) => Promise<string[]>; workers?: boolean; random?: () => number } = {},
): Promise<TestHub> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'hub-test-'));
  const config = loadConfig({
    HUB_DATA_DIR: dataDir,
    HUB_ADMIN_EMAIL: ADMIN_EMAIL,
    HUB_ADMIN_PASSWORD: ADMIN_PASSWORD,
    HUB_QUEUE_PREFIX: uniquePrefix('hub'),
    HUB_SECRET_KEY: 'a'.repeat(64),
    HUB_DASHBOARD_DIR: join(dataDir, 'no-dashboard'),
    PORT: '0',
    ...options.env,
  });
  const hub = await createHub({
    config,
    logger: silentLogger(),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.resolveHost ? { resolveHost: options.resolveHost } : {}),
    ...(options.random ? { random: options.random } : {}),
    print: () => {},
  });
  const workers = options.workers ? startHubWorkers(hub) : undefined;
  const app = createApp(hub);
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    hub,
    config,
    dataDir,
    baseUrl: `http://127.0.0.1:${port}`,
    stop: async () => {
      (server as HttpServer).closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await workers?.close();
      await closeHub(hub);
    },
  };
}
