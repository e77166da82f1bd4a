import { createHmac } from 'node:crypto';
import type { PayloadSigner } from '../signer.ts';

/** The Standard Webhooks test secret of DESIGN §11, used when none is given. */
export const TEST_SIGNING_SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

/** A `PayloadSigner` that records its calls. */
export interface FakeSigner extends PayloadSigner {
  readonly calls: { messageId: string; body: string; timestampSeconds?: number }[];
}

/**
 * A deterministic signer for tests: one fixed secret, the timestamp from `now` (or the one
 * asked for), and the same header names as core's signer, with real HMAC values so receivers
 * in tests can verify them.
 *
 * @example
 * const signer = createFakeSigner({ now: () => new Date('2021-02-22T20:22:10Z') });
 * signer.sign({ messageId: 'msg_1', body: '{}' })['webhook-signature']; // 'v1,...'
 */
export function createFakeSigner(options: { now?: () => Date; secret?: string } = {}): FakeSigner {
  const secret = options.secret ?? TEST_SIGNING_SECRET;
  const now = options.now ?? (() => new Date());
  const calls: FakeSigner['calls'] = [];
  return {
    calls,
    sign(input) {
      calls.push({ ...input });
      const ts = input.timestampSeconds ?? Math.floor(now().getTime() / 1000);
      const stripe = createHmac('sha256', secret).update(`${ts}.${input.body}`).digest('hex');
      const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
      const standard = createHmac('sha256', key).update(`${input.messageId}.${ts}.${input.body}`).digest('base64');
      return {
        'X-Webhook-Timestamp': String(ts),
        'X-Webhook-Signature': `t=${ts},v1=${stripe}`,
        'webhook-id': input.messageId,
        'webhook-timestamp': String(ts),
        'webhook-signature': `v1,${standard}`,
      };
    },
  };
}

/** Wrap a signer so that its calls are recorded. */
export function recordingSigner(inner: PayloadSigner): FakeSigner {
  const calls: FakeSigner['calls'] = [];
  return {
    calls,
    sign(input) {
      calls.push({ ...input });
      return inner.sign(input);
    },
  };
}
