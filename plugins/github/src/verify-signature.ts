import type { VerifyResult } from '@hub/plugin-sdk';
import { createHmac, timingSafeEqual } from 'node:crypto';

const SIGNATURE = /^sha256=([0-9a-fA-F]{64})$/;

/**
 * Check GitHub's `X-Hub-Signature-256` (`sha256=<hex HMAC-SHA256(secret, raw body)>`) on the
 * exact bytes received, before anything parses them: lengths first, then a constant-time compare.
 *
 * @example
 * verifyGithubSignature("It's a Secret to Everybody", Buffer.from('Hello, World!'),
 *   'sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17'); // { ok: true }
 */
export function verifyGithubSignature(secret: string, body: Uint8Array, header: string | undefined): VerifyResult {
  if (secret === '') return { ok: false, reason: 'no webhook secret is configured for this source' };
  if (header === undefined || header.trim() === '') return { ok: false, reason: 'missing X-Hub-Signature-256 header' };
  const hex = SIGNATURE.exec(header.trim())?.[1];
  if (hex === undefined) return { ok: false, reason: 'malformed X-Hub-Signature-256 header (expected sha256=<64 hex digits>)' };
  const given = Buffer.from(hex, 'hex');
  const expected = createHmac('sha256', secret).update(body).digest();
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, reason: 'X-Hub-Signature-256 does not match the body (wrong secret, or the body was altered)' };
  }
  return { ok: true };
}
