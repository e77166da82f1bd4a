import { createHmac } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { manualClock } from '../clock.ts';
import { createPayloadSigner, signWebhookPayload, verifyStripeStyleSignature } from './signing.ts';
import { generateWebhookSecret } from './webhook-secret.ts';

// DESIGN §11.
const VECTOR = {
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  messageId: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
  timestampSeconds: 1614265330,
  body: '{"test": 2432232314}',
  signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
};

describe('signWebhookPayload', () => {
  it('matches the Standard Webhooks reference vector exactly', () => {
    const headers = signWebhookPayload({ ...VECTOR, secrets: [VECTOR.secret] });
    expect(headers['webhook-signature']).toBe(VECTOR.signature);
    expect(headers['webhook-id']).toBe(VECTOR.messageId);
    expect(headers['webhook-timestamp']).toBe('1614265330');
  });

  it('signs X-Webhook-Signature with the whole secret string as the key, Stripe style', () => {
    const headers = signWebhookPayload({ ...VECTOR, secrets: [VECTOR.secret] });
    const expected = createHmac('sha256', VECTOR.secret).update(`1614265330.${VECTOR.body}`).digest('hex');
    expect(headers['X-Webhook-Timestamp']).toBe('1614265330');
    expect(headers['X-Webhook-Signature']).toBe(`t=1614265330,v1=${expected}`);
  });

  it('verifies with the real standardwebhooks library', () => {
    const secret = generateWebhookSecret();
    const body = JSON.stringify({ event: 'order.created', data: { id: 42, note: 'ünïcödé ✓' } });
    const headers = signWebhookPayload({ secrets: [secret], messageId: 'evt_1', body, timestampSeconds: Math.floor(Date.now() / 1000) });
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
    expect(() => new Webhook(secret).verify(`${body} `, headers)).toThrow();
    expect(() => new Webhook(generateWebhookSecret()).verify(body, headers)).toThrow();
  });

  it('signs once per active secret during rotation, and receivers holding either secret verify', () => {
    const [current, previous] = [generateWebhookSecret(), generateWebhookSecret()];
    const now = Math.floor(Date.now() / 1000);
    const body = '{"event":"ping"}';
    const headers = signWebhookPayload({ secrets: [current, previous], messageId: 'evt_2', body, timestampSeconds: now });
    expect(headers['webhook-signature']?.split(' ')).toHaveLength(2);
    expect(headers['X-Webhook-Signature']?.match(/v1=/g)).toHaveLength(2);
    for (const secret of [current, previous]) {
      expect(() => new Webhook(secret).verify(body, headers)).not.toThrow();
      expect(verifyStripeStyleSignature({ secret, header: headers['X-Webhook-Signature'] ?? '', body, nowSeconds: now }).ok).toBe(true);
    }
  });

  it('refuses to sign with no secret or a malformed one, without echoing it', () => {
    expect(() => signWebhookPayload({ ...VECTOR, secrets: [] })).toThrow('at least one');
    expect(() => signWebhookPayload({ ...VECTOR, secrets: ['whsec_not*base64*secret'] })).toThrow(/secret #1/);
    expect(() => signWebhookPayload({ ...VECTOR, secrets: ['whsec_not*base64*secret'] })).not.toThrow(/not\*base64/);
  });
});

describe('verifyStripeStyleSignature', () => {
  const secret = VECTOR.secret;
  const body = VECTOR.body;
  const header = signWebhookPayload({ ...VECTOR, secrets: [secret] })['X-Webhook-Signature'] ?? '';

  it('accepts a valid signature within the tolerance', () => {
    expect(verifyStripeStyleSignature({ secret, header, body, nowSeconds: VECTOR.timestampSeconds + 299 })).toEqual({
      ok: true,
      timestampSeconds: VECTOR.timestampSeconds,
    });
  });

  it('refuses a changed body, another secret, an old timestamp and garbage', () => {
    const now = VECTOR.timestampSeconds;
    expect(verifyStripeStyleSignature({ secret, header, body: `${body} `, nowSeconds: now })).toEqual({ ok: false, reason: 'no signature matches' });
    expect(verifyStripeStyleSignature({ secret: generateWebhookSecret(), header, body, nowSeconds: now }).ok).toBe(false);
    expect(verifyStripeStyleSignature({ secret, header, body, nowSeconds: now + 301 })).toEqual({ ok: false, reason: 'the timestamp is outside the tolerance' });
    expect(verifyStripeStyleSignature({ secret, header: 'v1=abcd', body, nowSeconds: now }).ok).toBe(false);
    expect(verifyStripeStyleSignature({ secret, header: `t=${now}`, body, nowSeconds: now }).ok).toBe(false);
    expect(verifyStripeStyleSignature({ secret, header: `t=${now},v1=zz`, body, nowSeconds: now }).ok).toBe(false);
  });

  it('refuses a signature for the same body under another timestamp', () => {
    const replayed = header.replace(`t=${VECTOR.timestampSeconds}`, `t=${VECTOR.timestampSeconds + 10}`);
    expect(verifyStripeStyleSignature({ secret, header: replayed, body, nowSeconds: VECTOR.timestampSeconds }).ok).toBe(false);
  });
});

describe('createPayloadSigner', () => {
  it('implements the SDK PayloadSigner with the hub clock, or the timestamp given', () => {
    const clock = manualClock(new Date('2021-02-25T15:02:10.900Z'));
    const signer = createPayloadSigner([VECTOR.secret], clock);
    const fromClock = signer.sign({ messageId: VECTOR.messageId, body: VECTOR.body });
    expect(fromClock['webhook-timestamp']).toBe('1614265330');
    expect(fromClock['webhook-signature']).toBe(VECTOR.signature);
    const given = signer.sign({ messageId: VECTOR.messageId, body: VECTOR.body, timestampSeconds: 1700000000 });
    expect(given['X-Webhook-Timestamp']).toBe('1700000000');
  });

  it('checks the secrets when created, not at the first delivery', () => {
    expect(() => createPayloadSigner(['nope'], manualClock())).toThrow(/must start with whsec_/);
  });
});
