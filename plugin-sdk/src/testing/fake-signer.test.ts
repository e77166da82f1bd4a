import { describe, expect, it } from 'vitest';
import { createFakeSigner } from './fake-signer.ts';

describe('createFakeSigner', () => {
  it('produces the Standard Webhooks reference signature (DESIGN §11)', () => {
    const signer = createFakeSigner();
    const headers = signer.sign({ messageId: 'msg_p5jXN8AQM9LWM0D4loKWxJek', body: '{"test": 2432232314}', timestampSeconds: 1614265330 });
    expect(headers['webhook-signature']).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
    expect(headers['X-Webhook-Signature']).toMatch(/^t=1614265330,v1=[0-9a-f]{64}$/);
    expect(signer.calls).toHaveLength(1);
  });

  it('is deterministic for a given clock', () => {
    const now = () => new Date('2026-01-01T00:00:00Z');
    const a = createFakeSigner({ now }).sign({ messageId: 'm', body: 'b' });
    const b = createFakeSigner({ now }).sign({ messageId: 'm', body: 'b' });
    expect(a).toEqual(b);
    expect(a['webhook-timestamp']).toBe('1767225600');
  });
});
