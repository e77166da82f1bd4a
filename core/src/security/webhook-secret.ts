import { createHash, randomBytes } from 'node:crypto';

const PREFIX = 'whsec_';
const MIN_KEY_BYTES = 24;
const MAX_KEY_BYTES = 64;
const STRICT_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export type ParsedWebhookSecret = { ok: true; key: Buffer } | { ok: false; reason: string };

/**
 * A new signing secret: `whsec_` and the base64 of 32 random bytes, the form Svix and the
 * Standard Webhooks libraries expect.
 */
export function generateWebhookSecret(): string {
  return PREFIX + randomBytes(32).toString('base64');
}

/**
 * Checks a secret supplied by a user (`whsec_<base64 of 24-64 bytes>`) and returns the decoded
 * key used for the Standard Webhooks signature. Reasons never repeat the value, since it is a
 * secret and reasons end up in API answers and logs.
 *
 * @example
 * const parsed = parseWebhookSecret(input.secret);
 * if (!parsed.ok) throw new ValidationError(`secret: ${parsed.reason}`);
 */
export function parseWebhookSecret(secret: string): ParsedWebhookSecret {
  if (!secret.startsWith(PREFIX)) return { ok: false, reason: `a webhook secret must start with ${PREFIX}` };
  const encoded = secret.slice(PREFIX.length);
  // Buffer.from(..., 'base64') silently skips bad characters, so the form is checked first.
  if (encoded === '' || !STRICT_BASE64.test(encoded)) {
    return { ok: false, reason: `after ${PREFIX} a webhook secret must be standard base64 (A-Z a-z 0-9 + / with = padding)` };
  }
  const key = Buffer.from(encoded, 'base64');
  if (key.length < MIN_KEY_BYTES || key.length > MAX_KEY_BYTES) {
    return { ok: false, reason: `a webhook secret must encode ${MIN_KEY_BYTES} to ${MAX_KEY_BYTES} bytes, this one encodes ${key.length}` };
  }
  return { ok: true, key };
}

/**
 * A short, stable identifier of a secret that is safe to show and log (`sha256:` and the first
 * 16 hex digits of its SHA-256), so users can tell which secret is active during rotation.
 */
export function secretFingerprint(secret: string): string {
  return `sha256:${createHash('sha256').update(secret, 'utf8').digest('hex').slice(0, 16)}`;
}
