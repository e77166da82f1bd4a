import { describe, expect, it } from 'vitest';
import { DEFAULT_PLUGINS, loadConfig } from './load-config.ts';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const emptyDir = () => mkdtempSync(join(tmpdir(), 'hub-config-'));

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const config = loadConfig({}, emptyDir());
    expect(config.port).toBe(8080);
    expect(config.host).toBe('127.0.0.1');
    expect(config.redisUrl).toBe('redis://127.0.0.1:6379');
    expect(config.retrySchedule).toEqual([0, 60_000, 300_000, 900_000]);
    expect(config.plugins).toEqual(DEFAULT_PLUGINS);
    expect(config.rateLimitPerSecond).toBe(10);
    expect(config.allowPrivateTargets).toEqual([]);
  });

  it('names every wrong variable and what is expected', () => {
    expect(() => loadConfig({ PORT: 'eighty', REDIS_URL: 'localhost:6379', HUB_RETRY_SCHEDULE: '0,1x' }, emptyDir())).toThrow(
      /PORT: PORT must be a whole number[\s\S]*REDIS_URL: REDIS_URL must look like redis:\/\/host:6379[\s\S]*HUB_RETRY_SCHEDULE: HUB_RETRY_SCHEDULE must be comma-separated delays/,
    );
  });

  it('rejects a bad CIDR in HUB_ALLOW_PRIVATE_TARGETS', () => {
    expect(() => loadConfig({ HUB_ALLOW_PRIVATE_TARGETS: '127.0.0.0/8,nope' }, emptyDir())).toThrow(/'nope' is not a CIDR/);
  });

  it('parses a custom retry schedule with units', () => {
    expect(loadConfig({ HUB_RETRY_SCHEDULE: '0,250ms,2s,1h' }, emptyDir()).retrySchedule).toEqual([0, 250, 2000, 3_600_000]);
  });

  it('reads plugins from HUB_PLUGINS before hub.config.json', () => {
    const dir = emptyDir();
    writeFileSync(join(dir, 'hub.config.json'), JSON.stringify({ plugins: ['@hub/plugin-discord'] }));
    expect(loadConfig({}, dir).plugins).toEqual(['@hub/plugin-discord']);
    expect(loadConfig({ HUB_PLUGINS: 'a, b' }, dir).plugins).toEqual(['a', 'b']);
  });

  it('refuses an unknown key in hub.config.json', () => {
    const dir = emptyDir();
    writeFileSync(join(dir, 'hub.config.json'), JSON.stringify({ plugin: [] }));
    expect(() => loadConfig({}, dir)).toThrow(/Invalid hub config file/);
  });
});
