import { classifyHttpError, classifyHttpResponse, defineSink, permanent } from '@hub/plugin-sdk';
import { isReservedHeader, secretsSchema, settingsSchema } from './settings.ts';

/**
 * The generic signed webhook (DESIGN §7): POSTs the stored envelope, byte for byte, with the
 * `X-Webhook-*` headers and the signer's Stripe-style and Standard Webhooks signatures.
 */
const genericHttp = defineSink({
  id: 'generic-http',
  version: '1.0.0',
  name: 'HTTP webhook',
  description: 'Signed JSON POST to any HTTPS endpoint (X-Webhook-Signature and Standard Webhooks headers).',
  icon: '🔗',
  requiresUrl: true,
  settings: settingsSchema,
  secrets: secretsSchema,
  async deliver(ctx, input) {
    const url = input.webhook.url;
    if (url === null || url === '') return permanent('the webhook has no URL');

    // Names are lower-cased so a static header can never sit beside the hub's own in another case.
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(ctx.settings.headers ?? {})) {
      if (!isReservedHeader(name)) headers[name.toLowerCase()] = value;
    }
    const hubHeaders: Record<string, string> = {
      'content-type': 'application/json',
      'x-webhook-event': input.event.type,
      'x-webhook-id': input.event.id,
      'x-webhook-delivery': ctx.deliveryId,
      'x-webhook-attempt': String(ctx.attempt),
      ...ctx.signer.sign({ messageId: input.event.id, body: input.body }),
    };
    if (ctx.secrets.authorization) headers['authorization'] = ctx.secrets.authorization;
    for (const [name, value] of Object.entries(hubHeaders)) headers[name.toLowerCase()] = value;

    try {
      const res = await ctx.http.request({ url, method: 'POST', headers, body: input.body, signal: ctx.signal });
      return classifyHttpResponse(res, ctx.now());
    } catch (error) {
      return classifyHttpError(error);
    }
  },
});

export default genericHttp;
