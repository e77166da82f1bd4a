import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { freePort } from './helpers/redis-server.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function start(env: Record<string, string>) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'core/src/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HUB_DATA_DIR: mkdtempSync(join(tmpdir(), 'hub-start-')), HUB_LOG_LEVEL: 'error', ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
}

describe('start-up refuses to run misconfigured, and says why', () => {
  it('exits 2 naming the bad variable and what is expected', () => {
    const result = start({ PORT: 'eighty', HUB_RETRY_SCHEDULE: '0,soon' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('PORT: PORT must be a whole number');
    expect(result.stderr).toContain('HUB_RETRY_SCHEDULE: HUB_RETRY_SCHEDULE must be comma-separated delays such as 0,1m,5m,15m');
  });

  it('exits 1 fast when Redis does not answer, saying how to start one', async () => {
    const result = start({ REDIS_URL: `redis://127.0.0.1:${await freePort()}`, PORT: '0' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Cannot reach Redis at redis://127.0.0.1:');
    expect(result.stderr).toContain('redis-server');
  });

  it('exits 1 when a configured plugin cannot be loaded', () => {
    const result = start({ HUB_PLUGINS: '@hub/plugin-generic-http,@hub/plugin-does-not-exist', PORT: '0' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("Cannot load plugin '@hub/plugin-does-not-exist'");
  });
});
