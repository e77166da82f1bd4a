import { createDeliverInput, createTestSinkContext, runSinkConformance } from '@hub/plugin-sdk/testing';
import { describe, expect, it } from 'vitest';
import slack from './index.ts';

const secrets = { webhookUrl: 'https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX' };
const gone = { kind: 'failed', class: 'permanent', disableWebhook: true } as const;

// Every sink runs the SDK's conformance suite; Slack's dead-webhook statuses differ from the defaults.
runSinkConformance(slack, {
  settings: {},
  secrets,
  describe,
  it,
  expect,
  overrides: { 404: { body: 'no_service', expect: gone } },
  extraCases: [
    { name: 'HTTP 403 invalid_token', respond: { status: 403, body: 'invalid_token' }, expect: gone },
    { name: 'HTTP 410 channel_is_archived', respond: { status: 410, body: 'channel_is_archived' }, expect: gone },
    { name: 'HTTP 400 invalid_payload', respond: { status: 400, body: 'invalid_payload' }, expect: { kind: 'failed', class: 'permanent', disableWebhook: false } },
  ],
});

const posted = (ctx: ReturnType<typeof createTestSinkContext>) => JSON.parse(String(ctx.http.requests[0]?.body)) as { text: string };

describe('slack deliver', () => {
  it('posts {text} rendered from the default template to the webhook URL', async () => {
    const ctx = createTestSinkContext({ settings: {}, secrets, http: [{ status: 200, body: 'ok' }] });
    const outcome = await slack.deliver(ctx, createDeliverInput({ event: { type: 'member.created', data: { name: 'Ada' } } }));
    expect(outcome).toEqual({ kind: 'ok', status: 200, responseBody: 'ok' });
    expect(ctx.http.requests[0]?.url).toBe(secrets.webhookUrl);
    expect(posted(ctx)).toEqual({ text: '🎉 *Ada* just joined the community. Welcome aboard!' });
  });

  it('escapes event data so it cannot ping the channel or forge links', async () => {
    const ctx = createTestSinkContext({ settings: {}, secrets, http: [200] });
    await slack.deliver(ctx, createDeliverInput({ event: { type: 'member.created', data: { name: '<!channel> & <https://evil|x>' } } }));
    expect(posted(ctx).text).toContain('*&lt;!channel&gt; &amp; &lt;https://evil|x&gt;*');
  });

  it('uses a webhook template over the default', async () => {
    const ctx = createTestSinkContext({ settings: { templates: { 'member.*': 'hi {{data.name}}' } }, secrets, http: [200] });
    await slack.deliver(ctx, createDeliverInput({ event: { type: 'member.activated', data: { name: 'Ada' } } }));
    expect(posted(ctx).text).toBe('hi Ada');
  });

  it('names Slack error codes in the reason', async () => {
    const ctx = createTestSinkContext({ settings: {}, secrets, http: [{ status: 404, body: 'channel_not_found' }] });
    expect(await slack.deliver(ctx, createDeliverInput())).toMatchObject({ reason: 'Slack HTTP 404: channel_not_found', disableWebhook: true });
  });
});
