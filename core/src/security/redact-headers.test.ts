import { describe, expect, it } from 'vitest';
import { redactHeaders } from './redact-headers.ts';

describe('redactHeaders', () => {
  it('hides signatures, credentials and cookies and keeps the rest', () => {
    const redacted = redactHeaders({
      'Content-Type': 'application/json',
      'X-Webhook-Id': 'evt_1',
      'X-Webhook-Timestamp': '1614265330',
      'X-Webhook-Signature': 't=1614265330,v1=abc',
      'webhook-signature': 'v1,abc=',
      Authorization: 'Bearer token-value',
      'Proxy-Authorization': 'Basic xyz',
      Cookie: 'session=1',
      'set-cookie': 'session=2',
      'X-Api-Key': 'hub_key',
      'X-Auth-Token': 'tok',
      'X-Hub-Signature-256': 'sha256=abc',
    });
    expect(redacted).toEqual({
      'Content-Type': 'application/json',
      'X-Webhook-Id': 'evt_1',
      'X-Webhook-Timestamp': '1614265330',
      'X-Webhook-Signature': '[redacted]',
      'webhook-signature': '[redacted]',
      Authorization: '[redacted]',
      'Proxy-Authorization': '[redacted]',
      Cookie: '[redacted]',
      'set-cookie': '[redacted]',
      'X-Api-Key': '[redacted]',
      'X-Auth-Token': '[redacted]',
      'X-Hub-Signature-256': '[redacted]',
    });
  });

  it('does not change its input', () => {
    const headers = { authorization: 'Bearer x' };
    redactHeaders(headers);
    expect(headers.authorization).toBe('Bearer x');
  });
});
