import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateApiKey, hashApiKey, hashToken } from './api-key-token.ts';

describe('generateApiKey', () => {
  it('returns hub_ + 32 random bytes base64url, its 12-character prefix and its SHA-256', () => {
    const { key, prefix, hash } = generateApiKey();
    expect(key).toMatch(/^hub_[A-Za-z0-9_-]{43}$/);
    expect(prefix).toBe(key.slice(0, 12));
    expect(hash).toBe(createHash('sha256').update(key).digest('hex'));
    expect(hashApiKey(key)).toBe(hash);
    expect(generateApiKey().key).not.toBe(key);
  });
});

describe('hashToken', () => {
  it('is the SHA-256 hex of the token', () => {
    expect(hashToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
