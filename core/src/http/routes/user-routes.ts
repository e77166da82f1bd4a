import { Hono } from 'hono';
import * as v from 'valibot';
import { toUserView } from '../../auth/user-service.ts';
import type { Hub } from '../../hub.ts';
import type { AppEnv } from '../app-env.ts';
import { pageQuery } from '../pagination.ts';
import { readJson, readQuery } from '../read-body.ts';

const membership = v.strictObject({
  communityId: v.pipe(v.string(), v.minLength(1)),
  role: v.picklist(['owner', 'admin', 'viewer'], 'role must be owner, admin or viewer'),
});
const password = v.pipe(v.string(), v.minLength(8, 'password must be at least 8 characters'), v.maxLength(1024));
const name = v.pipe(v.string(), v.trim(), v.minLength(1, 'name is required'), v.maxLength(120));

const createBody = v.strictObject({
  email: v.pipe(v.string(), v.trim(), v.email('email must be an email address')),
  name,
  password,
  memberships: v.pipe(v.array(membership), v.minLength(1, 'give the user a role in at least one community')),
});
const updateBody = v.strictObject({
  name: v.optional(name),
  password: v.optional(password),
  memberships: v.optional(v.pipe(v.array(membership), v.minLength(1, 'give the user a role in at least one community'))),
});

/** `/api/v1/users`: instance owners manage users and their role per community. */
export function userRoutes(hub: Hub) {
  const app = new Hono<AppEnv>();
  app.post('/', async (c) => c.json(toUserView(await hub.users.create(c.get('principal'), await readJson(c, createBody))), 201));
  app.get('/', async (c) => {
    const page = await hub.users.list(c.get('principal'), readQuery(c, v.strictObject(pageQuery)));
    return c.json({ items: page.items.map(toUserView), nextCursor: page.nextCursor });
  });
  app.get('/:id', async (c) => c.json(toUserView(await hub.users.get(c.get('principal'), c.req.param('id')))));
  app.patch('/:id', async (c) => c.json(toUserView(await hub.users.update(c.get('principal'), c.req.param('id'), await readJson(c, updateBody)))));
  app.delete('/:id', async (c) => {
    await hub.users.delete(c.get('principal'), c.req.param('id'));
    return c.body(null, 204);
  });
  return app;
}
