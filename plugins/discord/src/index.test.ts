import { HttpRequestError } from '@hub/plugin-sdk';
import { createDeliverInput, createTestSinkContext, runSinkConformance } from '@hub/plugin-sdk/testing';
import { describe, expect, it } from 'vitest';
import discord from './index.ts';

const token = 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-AbCdEfGhIjKlMnOpQrStUvWxYz0123';
const webhookUrl = `https://discord.com/api/webhooks/123456789012345678/${token}`;
const secrets = { webhookUrl };

runSinkConformance(discord, {
  settings: {},
  secrets,
  describe,
  it,
  expect,
  extraCases: [
    {
      name: 'HTTP 404 Unknown Webhook (10015)',
      respond: { status: 404, body: '{"message": "Unknown Webhook", "code": 10015}' },
      expect: { kind: 'failed', class: 'permanent', disableWebhook: true },
    },
    {
      name: 'HTTP 401 Invalid Webhook Token (50027)',
      respond: { status: 401, body: '{"message": "Invalid Webhook Token", "code": 50027}' },
      expect: { kind: 'failed', class: 'permanent', disableWebhook: true },
    },
    {
      name: 'HTTP 429 with a later retry_after in the body',
      respond: { status: 429, headers: { 'retry-after': '7' }, body: '{"message": "You are being rate limited.", "retry_after": 12.5, "global": false}' },
      expect: { kind: 'failed', class: 'rateLimited', retryAfterMs: 12_500 },
    },
    {
      name: 'HTTP 429 with an earlier retry_after in the body',
      respond: { status: 429, headers: { 'retry-after': '7' }, body: '{"retry_after": 0.25}' },
      expect: { kind: 'failed', class: 'rateLimited', retryAfterMs: 7000 },
    },
    {
      name: 'HTTP 400 Invalid Form Body',
      respond: { status: 400, body: '{"message": "Invalid Form Body", "code": 50035}' },
      expect: { kind: 'failed', class: 'permanent', disableWebhook: false },
    },
  ],
});

describe('discord deliver', () => {
  it('posts the rendered default template with no mentions allowed, waiting for the message', async () => {
    const ctx = createTestSinkContext({ settings: {}, secrets, http: [{ status: 200, body: '{"id":"1"}' }] });
    const input = createDeliverInput({ event: { type: 'member.created', data: { name: 'Ada Lovelace' } } });

    const outcome = await discord.deliver(ctx, input);

    expect(outcome).toEqual({ kind: 'ok', status: 200, responseBody: '{"id":"1"}' });
    const request = ctx.http.requests[0];
    expect(request?.url).toBe(`${webhookUrl}?wait=true`);
    expect(request?.headers).toEqual({ 'content-type': 'application/json' });
    expect(request?.signal).toBe(ctx.signal);
    expect(JSON.parse(String(request?.body))).toEqual({
      content: '🎉 **Ada Lovelace** just joined the community. Welcome aboard!',
      allowed_mentions: { parse: [] },
    });
  });

  it('renders with the event, its data and the webhook as variables', async () => {
    const ctx = createTestSinkContext({ settings: {}, secrets, http: [204] });
    const input = createDeliverInput({ event: { type: 'event.created', data: { title: 'Hack night' } } });
    await discord.deliver(ctx, input);
    expect(ctx.templates.calls[0]).toMatchObject({
      variables: { event: { id: input.event.id, type: 'event.created' }, data: { title: 'Hack night' }, webhook: { name: 'Test webhook' } },
      options: { maxLength: 2000 },
    });
    expect(ctx.templates.calls[0]?.source).toMatch(/^🚀 New event created!/);
  });

  it('uses the webhook template for that event type, name, avatar and mentions', async () => {
    const ctx = createTestSinkContext({
      settings: {
        username: 'Hub',
        avatarUrl: 'https://cdn.example.com/hub.png',
        mentions: true,
        templates: { 'member.created': '👋 hi {{data.name}}' },
      },
      secrets,
      http: [204],
    });
    await discord.deliver(ctx, createDeliverInput({ event: { type: 'member.created', data: { name: 'Ada' } } }));
    expect(JSON.parse(String(ctx.http.requests[0]?.body))).toEqual({
      content: '👋 hi Ada',
      username: 'Hub',
      avatar_url: 'https://cdn.example.com/hub.png',
      allowed_mentions: { parse: ['users', 'roles'] },
    });
  });

  it('cuts content to 2000 characters', async () => {
    const ctx = createTestSinkContext({ settings: { templates: { '*': '{{data.text}}' } }, secrets, http: [204] });
    await discord.deliver(ctx, createDeliverInput({ event: { type: 'x.y', data: { text: '🚀'.repeat(3000) } } }));
    const content = (JSON.parse(String(ctx.http.requests[0]?.body)) as { content: string }).content;
    expect(content.length).toBeLessThanOrEqual(2000);
    expect(content.endsWith('…')).toBe(true);
  });

  it('fails permanently, without a request, when the template breaks or renders nothing', async () => {
    const broken = createTestSinkContext({
      settings: {},
      secrets,
      templates: {
        render: () => {
          throw new Error('Parse error on line 1');
        },
      },
    });
    expect(await discord.deliver(broken, createDeliverInput())).toMatchObject({ class: 'permanent', reason: 'template error: Parse error on line 1' });
    const empty = createTestSinkContext({ settings: { templates: { '*': '{{data.nothing}}' } }, secrets });
    expect(await discord.deliver(empty, createDeliverInput({ event: { type: 'x.y' } }))).toMatchObject({ class: 'permanent' });
    expect([...broken.http.requests, ...empty.http.requests]).toHaveLength(0);
  });

  it('keeps the webhook token out of reasons and logs when the transport error quotes it', async () => {
    const leaky = createTestSinkContext({
      settings: {},
      secrets,
      http: [
        (request) => {
          return new HttpRequestError('DNS', `getaddrinfo EAI_AGAIN ${request.url} token=${token}`);
        },
      ],
    });
    const outcome = await discord.deliver(leaky, createDeliverInput());
    expect(outcome).toMatchObject({ kind: 'failed', class: 'retryable' });
    expect(JSON.stringify(outcome)).not.toContain(token);
    expect(leaky.logger.text()).not.toContain(token);
    expect(outcome.kind === 'failed' && outcome.reason).toContain('[redacted]');
  });
});
