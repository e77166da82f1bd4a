import { createHmac, timingSafeEqual } from 'node:crypto';
import type { PayloadSigner } from '@hub/plugin-sdk';
import type { Clock } from '../clock.ts';
import { parseWebhookSecret } from './webhook-secret.ts';

export interface SignWebhookPayloadInput {
  /** Active `whsec_` secrets, the current one first; one signature each during rotation. */
  readonly secrets: readonly string[];
  /** The `webhook-id`: the event id, stable across retries so receivers can deduplicate. */
  readonly messageId: string;
  /** The exact bytes sent. */
  readonly body: string;
  readonly timestampSeconds: number;
}

interface SigningKey {
  /** Stripe-style key: the secret string as written. */
  readonly text: string;
  /** Standard Webhooks key: the decoded bytes after `whsec_`. */
  readonly bytes: Buffer;
}

/**
 * The signature headers of one delivery (DESIGN §7): `X-Webhook-Timestamp` and
 * `X-Webhook-Signature: t=<ts>,v1=<hex>[,v1=<hex>...]` (HMAC-SHA256 of `<ts>.<body>` keyed with
 * the whole secret string, as Stripe does), and the Standard Webhooks trio `webhook-id`,
 * `webhook-timestamp`, `webhook-signature: v1,<base64> [v1,<base64>...]`.
 *
 * @example
 * signWebhookPayload({ secrets: [secret], messageId: event.id, body, timestampSeconds: 1614265330 });
 */
export function signWebhookPayload(input: SignWebhookPayloadInput): Record<string, string> {
  return signWithKeys(toSigningKeys(input.secrets), input);
}

/** The SDK signer for one webhook, bound to its secrets and the hub's clock. */
export function createPayloadSigner(secrets: readonly string[], clock: Clock): PayloadSigner {
  const keys = toSigningKeys(secrets);
  return {
    sign: ({ messageId, body, timestampSeconds }) =>
      signWithKeys(keys, { messageId, body, timestampSeconds: timestampSeconds ?? Math.floor(clock.now().getTime() / 1000) }),
  };
}

export type StripeStyleVerification = { ok: true; timestampSeconds: number } | { ok: false; reason: string };

export interface VerifyStripeStyleInput {
  readonly secret: string;
  /** The `X-Webhook-Signature` value. */
  readonly header: string;
  readonly body: string;
  readonly nowSeconds: number;
  /** Older (or newer) timestamps are refused, against replays. @defaultValue 300 */
  readonly toleranceSeconds?: number;
}

/**
 * Verifies `X-Webhook-Signature` the way a receiver would: any `v1` may match (rotation), the
 * comparison is timing-safe and the timestamp must be within the tolerance.
 */
export function verifyStripeStyleSignature(input: VerifyStripeStyleInput): StripeStyleVerification {
  let timestamp: string | undefined;
  const candidates: string[] = [];
  for (const item of input.header.split(',')) {
    const separator = item.indexOf('=');
    if (separator === -1) continue;
    const name = item.slice(0, separator).trim();
    const value = item.slice(separator + 1).trim();
    if (name === 't') timestamp = value;
    else if (name === 'v1') candidates.push(value);
  }
  if (timestamp === undefined || !/^\d+$/.test(timestamp)) return { ok: false, reason: 'the signature header has no valid t= timestamp' };
  if (candidates.length === 0) return { ok: false, reason: 'the signature header has no v1= signature' };
  const timestampSeconds = Number(timestamp);
  if (Math.abs(input.nowSeconds - timestampSeconds) > (input.toleranceSeconds ?? 300)) {
    return { ok: false, reason: 'the timestamp is outside the tolerance' };
  }
  const expected = Buffer.from(stripeStyleHex(input.secret, timestamp, input.body), 'hex');
  const matches = candidates.some((candidate) => {
    const given = Buffer.from(candidate, 'hex');
    // Length first: timingSafeEqual throws on different lengths.
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  return matches ? { ok: true, timestampSeconds } : { ok: false, reason: 'no signature matches' };
}

function toSigningKeys(secrets: readonly string[]): SigningKey[] {
  if (secrets.length === 0) throw new Error('at least one webhook secret is needed to sign');
  return secrets.map((text, index) => {
    const parsed = parseWebhookSecret(text);
    if (!parsed.ok) throw new Error(`webhook secret #${index + 1} cannot sign: ${parsed.reason}`);
    return { text, bytes: parsed.key };
  });
}

function signWithKeys(keys: readonly SigningKey[], input: Omit<SignWebhookPayloadInput, 'secrets'>): Record<string, string> {
  if (!Number.isSafeInteger(input.timestampSeconds) || input.timestampSeconds < 0) {
    throw new Error('timestampSeconds must be a whole, non-negative number of seconds');
  }
  const ts = String(input.timestampSeconds);
  const stripeStyle = keys.map((key) => `v1=${stripeStyleHex(key.text, ts, input.body)}`);
  const standard = keys.map(
    (key) => `v1,${createHmac('sha256', key.bytes).update(`${input.messageId}.${ts}.${input.body}`, 'utf8').digest('base64')}`,
  );
  return {
    'X-Webhook-Timestamp': ts,
    'X-Webhook-Signature': [`t=${ts}`, ...stripeStyle].join(','),
    'webhook-id': input.messageId,
    'webhook-timestamp': ts,
    'webhook-signature': standard.join(' '),
  };
}

function stripeStyleHex(secret: string, timestamp: string, body: string): string {
  return createHmac('sha256', Buffer.from(secret, 'utf8')).update(`${timestamp}.${body}`, 'utf8').digest('hex');
}
