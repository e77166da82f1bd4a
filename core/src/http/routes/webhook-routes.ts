import { Hono } from 'hono';
import * as v from 'valibot';
import type { Hub } from '../../hub.ts';
import { createWebhookBody, updateWebhookBody } from '../../webhooks/webhook-input.ts';
import { toWebhookView } from '../../webhooks/webhook-view.ts';
import type { Webhook } from '../../store/ports.ts';
import type { AppEnv } from '../app-env.ts';
import { pageQuery } from '../pagination.ts';
import { readJson, readQuery } from '../read-body.ts';

const listQuery = v.strictObject({
  communityId: v.optional(v.pipe(v.string(), v.minLength(1))),
  active: v.optional(v.pipe(v.picklist(['true', 'false'], 'active must be true or false'), v.transform((text) => text === 'true'))),
  connector: v.optional(v.pipe(v.string(), v.minLength(1))),
  ...pageQuery,
});

/** `/api/v1/webhooks`: the webhook setup API. */
export function webhookRoutes(hub: Hub) {
  const app = new Hono<AppEnv>();
  const view = (webhook: Webhook) => toWebhookView(webhook, hub.plugins.sink(webhook.connector));

  app.post('/', async (c) => {
    const input = await readJson(c, createWebhookBody);
    const { webhook, secret } = await hub.webhooks.create(c.get('principal'), input);
    hub.logger.info({ webhookId: webhook.id, communityId: webhook.communityId, connector: webhook.connector }, 'webhook created');
    // The only response that ever carries the signing secret.
    return c.json({ ...view(webhook), secret }, 201);
  });

  app.get('/', async (c) => {
    const query = readQuery(c, listQuery);
    const page = await hub.webhooks.list(
      c.get('principal'),
      {
        ...(query.communityId !== undefined ? { communityIds: [query.communityId] } : {}),
        ...(query.active !== undefined ? { active: query.active } : {}),
        ...(query.connector !== undefined ? { connector: query.connector } : {}),
      },
      { ...(query.limit !== undefined ? { limit: query.limit } : {}), ...(query.cursor !== undefined ? { cursor: query.cursor } : {}) },
    );
    return c.json({ items: page.items.map(view), nextCursor: page.nextCursor });
  });

  app.get('/:id', async (c) => c.json(view(await hub.webhooks.get(c.get('principal'), c.req.param('id')))));

  app.patch('/:id', async (c) => {
    const input = await readJson(c, updateWebhookBody);
    const webhook = await hub.webhooks.update(c.get('principal'), c.req.param('id'), input);
    return c.json(view(webhook));
  });

  app.delete('/:id', async (c) => {
    await hub.webhooks.delete(c.get('principal'), c.req.param('id'));
    return c.body(null, 204);
  });

  app.post('/:id/test', async (c) => c.json(await hub.deliveries.test(c.get('principal'), c.req.param('id'))));

  app.post('/:id/rotate-secret', async (c) => {
    const hasBody = (c.req.header('content-length') ?? '0') !== '0';
    const { secret: supplied } = hasBody ? await readJson(c, v.strictObject({ secret: v.optional(v.string()) })) : { secret: undefined };
    const { webhook, secret } = await hub.webhooks.rotateSecret(c.get('principal'), c.req.param('id'), supplied);
    return c.json({ ...view(webhook), secret });
  });

  return app;
}
