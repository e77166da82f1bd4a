import { Hono } from 'hono';
import * as v from 'valibot';
import type { Hub } from '../../hub.ts';
import type { AppEnv } from '../app-env.ts';
import { pageQuery } from '../pagination.ts';
import { readJson, readQuery } from '../read-body.ts';

const name = v.pipe(v.string(), v.trim(), v.minLength(1, 'name is required'), v.maxLength(120));
const createBody = v.strictObject({
  id: v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'id must be 1-63 lower-case letters, digits or dashes')),
  name,
});

/** `/api/v1/communities`: everyone lists theirs; instance owners change them. */
export function communityRoutes(hub: Hub) {
  const app = new Hono<AppEnv>();
  app.get('/', async (c) => {
    const page = await hub.communities.list(c.get('principal'), readQuery(c, v.strictObject(pageQuery)));
    return c.json({ items: page.items, nextCursor: page.nextCursor });
  });
  app.post('/', async (c) => c.json(await hub.communities.create(c.get('principal'), await readJson(c, createBody)), 201));
  app.patch('/:id', async (c) => c.json(await hub.communities.update(c.get('principal'), c.req.param('id'), await readJson(c, v.strictObject({ name })))));
  app.delete('/:id', async (c) => {
    await hub.communities.delete(c.get('principal'), c.req.param('id'));
    return c.body(null, 204);
  });
  return app;
}
