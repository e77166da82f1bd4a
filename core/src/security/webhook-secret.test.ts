import { describe, expect, it } from 'vitest';
import { generateWebhookSecret, parseWebhookSecret, secretFingerprint } from './webhook-secret.ts';

describe('generateWebhookSecret', () => {
  it('makes whsec_ + base64 of 32 random bytes that parseWebhookSecret accepts', () => {
    const secret = generateWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const parsed = parseWebhookSecret(secret);
    expect(parsed.ok && parsed.key.length).toBe(32);
    expect(generateWebhookSecret()).not.toBe(secret);
  });
});

describe('parseWebhookSecret', () => {
  it('accepts the Standard Webhooks example secret (24 bytes) and 64-byte secrets', () => {
    const example = parseWebhookSecret('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw');
    expect(example.ok && example.key.length).toBe(24);
    const long = parseWebhookSecret(`whsec_${Buffer.alloc(64, 7).toString('base64')}`);
    expect(long.ok && long.key.length).toBe(64);
  });

  it.each([
    ['MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'must start with whsec_'],
    ['whsec_', 'standard base64'],
    ['whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaS!', 'standard base64'],
    ['whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaS', 'standard base64'],
    ['whsec_MfKQ9r8G-KYqrTwjUPD8ILPZIo2LaLaSw', 'standard base64'],
    [`whsec_${Buffer.alloc(23).toString('base64')}`, 'this one encodes 23'],
    [`whsec_${Buffer.alloc(65).toString('base64')}`, 'this one encodes 65'],
  ])('refuses %s with a reason that does not repeat it', (secret, reason) => {
    const parsed = parseWebhookSecret(secret);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.reason).toContain(reason);
    const body = secret.slice('whsec_'.length);
    if (body.length > 0) expect(parsed.reason).not.toContain(body);
  });
});

describe('secretFingerprint', () => {
  it('is sha256: and 16 hex digits, stable, and different per secret', () => {
    const fingerprint = secretFingerprint('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw');
    expect(fingerprint).toMatch(/^sha256:[0-9a-f]{16}$/);
    expect(secretFingerprint('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw')).toBe(fingerprint);
    expect(secretFingerprint(generateWebhookSecret())).not.toBe(fingerprint);
    expect(fingerprint).not.toContain('MfKQ9r8G');
  });
});
