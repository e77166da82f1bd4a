import { Hono } from 'hono';
import * as v from 'valibot';
import { toApiKeyView } from '../../auth/api-key-service.ts';
import type { Hub } from '../../hub.ts';
import type { AppEnv } from '../app-env.ts';
import { pageQuery } from '../pagination.ts';
import { readJson, readQuery } from '../read-body.ts';

const createBody = v.strictObject({
  name: v.pipe(v.string('name must be a string'), v.trim(), v.minLength(1, 'name is required'), v.maxLength(120)),
  communityId: v.optional(v.pipe(v.string(), v.minLength(1)), 'default'),
  scopes: v.pipe(
    v.array(v.picklist(['events:publish', 'webhooks:read', 'webhooks:write'], 'scopes must be events:publish, webhooks:read or webhooks:write')),
    v.minLength(1, 'give the key at least one scope'),
  ),
});

/** `/api/v1/api-keys`: the key is in the create response only; it is stored hashed. */
export function apiKeyRoutes(hub: Hub) {
  const app = new Hono<AppEnv>();

  app.post('/', async (c) => {
    const input = await readJson(c, createBody);
    const { apiKey, key } = await hub.apiKeys.create(c.get('principal'), input);
    return c.json({ ...toApiKeyView(apiKey), key }, 201);
  });

  app.get('/', async (c) => {
    const query = readQuery(c, v.strictObject(pageQuery));
    const page = await hub.apiKeys.list(c.get('principal'), query);
    return c.json({ items: page.items.map(toApiKeyView), nextCursor: page.nextCursor });
  });

  app.delete('/:id', async (c) => {
    await hub.apiKeys.revoke(c.get('principal'), c.req.param('id'));
    return c.body(null, 204);
  });

  return app;
}
