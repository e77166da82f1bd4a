import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSecretBox, loadSecretKey } from './secret-box.ts';

const PLAINTEXT = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

describe('createSecretBox', () => {
  const box = createSecretBox(randomBytes(32));

  it('round-trips, in the v1.<iv>.<tag>.<ciphertext> format, with a fresh IV each time', () => {
    const sealed = box.seal(PLAINTEXT);
    expect(sealed).toMatch(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain('MfKQ9r8G');
    expect(box.open(sealed)).toBe(PLAINTEXT);
    expect(box.seal(PLAINTEXT)).not.toBe(sealed);
    expect(box.open(box.seal(''))).toBe('');
    expect(box.open(box.seal('ünïcödé ✓ {"url":"https://discord.com/api/webhooks/1/x"}'))).toBe('ünïcödé ✓ {"url":"https://discord.com/api/webhooks/1/x"}');
  });

  it('refuses tampered data with an error that holds neither plaintext nor ciphertext', () => {
    const sealed = box.seal(PLAINTEXT);
    const [version, iv, tag, ciphertext] = sealed.split('.') as [string, string, string, string];
    const flipped = Buffer.from(ciphertext, 'base64url');
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    const tampered = [version, iv, tag, flipped.toString('base64url')].join('.');
    expect(() => box.open(tampered)).toThrow('could not decrypt the secret');
    try {
      box.open(tampered);
    } catch (error) {
      expect((error as Error).name).toBe('SecretBoxError');
      expect(String(error)).not.toContain(PLAINTEXT);
      expect(String(error)).not.toContain(ciphertext);
      expect((error as Error).cause).toBeUndefined();
    }
  });

  it('refuses data sealed with another key, and malformed values', () => {
    const other = createSecretBox(randomBytes(32)).seal(PLAINTEXT);
    expect(() => box.open(other)).toThrow('sealed with another key or has been altered');
    expect(() => box.open('plain text')).toThrow('known format');
    expect(() => box.open('v2.a.b.c')).toThrow('known format');
    expect(() => box.open('v1.AAAA.BBBB.CCCC')).toThrow('malformed');
    expect(() => box.open('v1.!!!.@@@.###')).toThrow('malformed');
  });

  it('wants a 32-byte key', () => {
    expect(() => createSecretBox(randomBytes(16))).toThrow('32 bytes');
  });
});

describe('loadSecretKey', () => {
  let dataDir = '';
  const logs: string[] = [];
  const log = (message: string): void => void logs.push(message);

  afterEach(() => {
    if (dataDir !== '') rmSync(dataDir, { recursive: true, force: true });
    dataDir = '';
    logs.length = 0;
  });

  function tempDir(): string {
    dataDir = mkdtempSync(join(tmpdir(), 'hub-secret-key-'));
    return dataDir;
  }

  it('accepts HUB_SECRET_KEY as 64 hex characters or base64 of 32 bytes', () => {
    const key = randomBytes(32);
    expect(loadSecretKey({ env: key.toString('hex'), dataDir: '/nonexistent', log })).toEqual(key);
    expect(loadSecretKey({ env: ` ${key.toString('base64')}\n`, dataDir: '/nonexistent', log })).toEqual(key);
    expect(logs).toEqual([]);
  });

  it.each(['abc', randomBytes(31).toString('hex'), randomBytes(16).toString('base64'), `${randomBytes(32).toString('hex')}00`])(
    'throws a StartupError naming HUB_SECRET_KEY and the expected form for a bad value',
    (value) => {
      expect(() => loadSecretKey({ env: value, dataDir: '/nonexistent', log })).toThrow(
        expect.objectContaining({ name: 'StartupError', message: expect.stringMatching(/^HUB_SECRET_KEY must be 64 hex characters or the base64 of 32 bytes/) as unknown }),
      );
      try {
        loadSecretKey({ env: value, dataDir: '/nonexistent', log });
      } catch (error) {
        expect((error as Error).message).not.toContain(value);
      }
    },
  );

  it('without HUB_SECRET_KEY, creates <dataDir>/secret.key with mode 0600 and warns, then reuses it', () => {
    const dir = join(tempDir(), 'nested');
    const first = loadSecretKey({ env: undefined, dataDir: dir, log });
    const path = join(dir, 'secret.key');
    expect(first).toHaveLength(32);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readFileSync(path, 'utf8').trim()).toBe(first.toString('hex'));
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatch(/generated a development key in .*secret\.key.*HUB_SECRET_KEY/);
    expect(logs[0]).not.toContain(first.toString('hex'));

    const second = loadSecretKey({ env: '', dataDir: dir, log });
    expect(second).toEqual(first);
    expect(logs[1]).toContain('using the development key');
  });

  it('refuses a key file that does not hold a key, and warns when it is readable by others', () => {
    const dir = tempDir();
    const path = join(dir, 'secret.key');
    writeFileSync(path, 'not a key', { mode: 0o600 });
    expect(() => loadSecretKey({ env: undefined, dataDir: dir, log })).toThrow(expect.objectContaining({ name: 'StartupError' }));

    writeFileSync(path, randomBytes(32).toString('hex'));
    chmodSync(path, 0o644);
    loadSecretKey({ env: undefined, dataDir: dir, log });
    expect(logs.some((line) => line.includes('chmod 600'))).toBe(true);
  });
});
