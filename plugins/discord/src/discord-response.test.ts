import type { HttpResponse } from '@hub/plugin-sdk';
import { describe, expect, it } from 'vitest';
import { classifyDiscordResponse } from './discord-response.ts';

const now = new Date('2026-01-01T00:00:00Z');
const res = (status: number, body = '', headers: Record<string, string> = {}): HttpResponse => ({
  status,
  body,
  headers,
  bodyTruncated: false,
  durationMs: 5,
});

describe('classifyDiscordResponse', () => {
  it('takes the later of Retry-After and retry_after, rounding fractional seconds up', () => {
    expect(classifyDiscordResponse(res(429, '{"retry_after": 0.3335}'), now)).toMatchObject({ class: 'rateLimited', retryAfterMs: 334 });
    expect(classifyDiscordResponse(res(429, '{"retry_after": 2}', { 'retry-after': '3' }), now)).toMatchObject({ retryAfterMs: 3000 });
    expect(classifyDiscordResponse(res(429, 'not json'), now)).toMatchObject({ class: 'rateLimited' });
    expect(classifyDiscordResponse(res(429, '{"retry_after": 2, "global": true}'), now)).toMatchObject({ reason: 'Discord HTTP 429: rate limited (global)' });
  });

  it('caps absurd retry_after values at one hour', () => {
    expect(classifyDiscordResponse(res(429, '{"retry_after": 999999}'), now)).toMatchObject({ retryAfterMs: 3_600_000 });
  });

  it('disables the webhook only for Unknown Webhook and Invalid Webhook Token', () => {
    expect(classifyDiscordResponse(res(404, '{"message":"Unknown Webhook","code":10015}'), now)).toMatchObject({
      class: 'permanent',
      disableWebhook: true,
      reason: 'Discord HTTP 404: Unknown Webhook (code 10015): the webhook was deleted or its token is invalid',
    });
    expect(classifyDiscordResponse(res(401, '{"message":"Invalid Webhook Token","code":50027}'), now)).toMatchObject({ disableWebhook: true });
    expect(classifyDiscordResponse(res(404, '{"message":"Unknown Channel","code":10003}'), now)).not.toHaveProperty('disableWebhook');
    expect(classifyDiscordResponse(res(401, '{"message":"401: Unauthorized","code":0}'), now)).not.toHaveProperty('disableWebhook');
  });

  it('keeps Discord error messages in the reason for other failures', () => {
    expect(classifyDiscordResponse(res(400, '{"message":"Cannot send an empty message","code":50006}'), now)).toMatchObject({
      class: 'permanent',
      reason: 'Discord HTTP 400: Cannot send an empty message (code 50006)',
    });
    expect(classifyDiscordResponse(res(502, '<html>Bad Gateway</html>'), now)).toMatchObject({ class: 'retryable', reason: 'Discord HTTP 502' });
    expect(classifyDiscordResponse(res(200, '{"id":"1"}'), now)).toEqual({ kind: 'ok', status: 200, responseBody: '{"id":"1"}' });
  });
});
