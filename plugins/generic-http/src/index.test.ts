import { createDeliverInput, createTestSinkContext, runSinkConformance } from '@hub/plugin-sdk/testing';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import genericHttp from './index.ts';

runSinkConformance(genericHttp, { settings: {}, secrets: {}, describe, it, expect });
runSinkConformance(genericHttp, { settings: {}, secrets: { authorization: 'Bearer conformance-secret-token' }, describe, it, expect });

const url = 'https://receiver.example.com/hook';

describe('generic-http deliver', () => {
  it('POSTs the exact envelope bytes with the hub headers and signatures', async () => {
    const ctx = createTestSinkContext({ settings: {}, secrets: {}, http: [200], attempt: 3, deliveryId: 'dlv_42' });
    const input = createDeliverInput({ url, event: { id: 'evt_7', type: 'event.created', data: { title: 'Hack night' } } });

    const outcome = await genericHttp.deliver(ctx, input);

    expect(outcome).toEqual({ kind: 'ok', status: 200, responseBody: '' });
    const request = ctx.http.requests[0];
    expect(request).toMatchObject({ url, method: 'POST', body: input.body, signal: ctx.signal });
    expect(request?.headers).toMatchObject({
      'content-type': 'application/json',
      'x-webhook-event': 'event.created',
      'x-webhook-id': 'evt_7',
      'x-webhook-delivery': 'dlv_42',
      'x-webhook-attempt': '3',
      'webhook-id': 'evt_7',
    });
    expect(request?.headers?.['x-webhook-signature']).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(ctx.signer.calls).toEqual([{ messageId: 'evt_7', body: input.body }]);
  });

  it('adds static headers but never lets them replace the hub headers', async () => {
    const ctx = createTestSinkContext({
      // As if stored before validation tightened: deliver() re-checks.
      settings: { headers: { 'X-Team': 'platform', 'Content-Type': 'text/plain', 'X-Webhook-Event': 'forged' } },
      secrets: {},
      http: [204],
    });
    await genericHttp.deliver(ctx, createDeliverInput({ url }));
    const headers = ctx.http.requests[0]?.headers ?? {};
    expect(headers['x-team']).toBe('platform');
    expect(headers['content-type']).toBe('application/json');
    expect(headers['x-webhook-event']).toBe('member.created');
    expect(Object.keys(headers).filter((name) => name.toLowerCase() === 'content-type')).toEqual(['content-type']);
  });

  it('sends the write-only Authorization secret, which static headers cannot set', async () => {
    const ctx = createTestSinkContext({ settings: { headers: { Authorization: 'Basic forged' } }, secrets: { authorization: 'Bearer s3cr3t' }, http: [200] });
    await genericHttp.deliver(ctx, createDeliverInput({ url }));
    expect(ctx.http.requests[0]?.headers?.['authorization']).toBe('Bearer s3cr3t');
    expect(v.safeParse(genericHttp.settings, { headers: { Authorization: 'Bearer x' } }).success).toBe(false);
    expect(v.safeParse(genericHttp.secrets, { authorization: 'Bearer x\r\nX-Evil: 1' }).success).toBe(false);
  });

  it('fails permanently without a request when the webhook has no URL', async () => {
    const ctx = createTestSinkContext({ settings: {}, secrets: {} });
    expect(await genericHttp.deliver(ctx, createDeliverInput({ url: null }))).toMatchObject({ class: 'permanent' });
    expect(ctx.http.requests).toHaveLength(0);
  });

  it('does not follow redirects: a 3xx is a permanent failure', async () => {
    const ctx = createTestSinkContext({ settings: {}, secrets: {}, http: [{ status: 301, headers: { location: 'https://elsewhere.example' } }] });
    expect(await genericHttp.deliver(ctx, createDeliverInput({ url }))).toMatchObject({ kind: 'failed', class: 'permanent', status: 301 });
  });
});

describe('generic-http settings', () => {
  const valid = (headers: Record<string, string>) => v.safeParse(genericHttp.settings, { headers }).success;

  it('accepts ordinary static headers', () => {
    expect(valid({ 'X-Team': 'platform', 'X-Api-Version': '2' })).toBe(true);
    expect(v.safeParse(genericHttp.settings, {}).success).toBe(true);
  });

  it.each(['Content-Type', 'content-type', 'X-Webhook-Signature', 'x-WEBHOOK-id', 'webhook-signature', 'Host', 'Authorization', 'bad header', 'x:y'])(
    'refuses the header name %j',
    (name) => {
      expect(valid({ [name]: 'x' })).toBe(false);
    },
  );

  it('refuses header values with line breaks', () => {
    expect(valid({ 'X-Evil': 'a\r\nX-Injected: 1' })).toBe(false);
  });
});
