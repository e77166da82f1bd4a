import { Hono } from 'hono';
import * as v from 'valibot';
import type { Hub } from '../../hub.ts';
import type { AppEnv } from '../app-env.ts';
import { isoTime, pageQuery } from '../pagination.ts';
import { readJson, readQuery } from '../read-body.ts';

const publishBody = v.strictObject({
  type: v.pipe(v.string('type must be a string'), v.minLength(1, 'type is required'), v.maxLength(200)),
  data: v.record(v.string(), v.unknown(), 'data must be a JSON object'),
  eventId: v.optional(v.pipe(v.string('eventId must be a string'), v.minLength(1), v.maxLength(128))),
  occurredAt: v.optional(isoTime('occurredAt')),
  communityId: v.optional(v.pipe(v.string(), v.minLength(1))),
});

const listQuery = v.strictObject({
  type: v.optional(v.pipe(v.string(), v.minLength(1))),
  source: v.optional(v.pipe(v.string(), v.minLength(1))),
  since: v.optional(isoTime('since')),
  until: v.optional(isoTime('until')),
  communityId: v.optional(v.pipe(v.string(), v.minLength(1))),
  ...pageQuery,
});

const replayBody = v.strictObject({ webhookId: v.optional(v.pipe(v.string(), v.minLength(1))) });

/** `/api/v1/events`: publish (202, idempotent on eventId), list, read, replay. */
export function eventRoutes(hub: Hub) {
  const app = new Hono<AppEnv>();

  app.post('/', async (c) => {
    const input = await readJson(c, publishBody);
    const { event, duplicate } = await hub.events.publish(c.get('principal'), input);
    return c.json({ eventId: event.id, duplicate }, 202);
  });

  app.get('/', async (c) => {
    const { limit, cursor, communityId, ...filter } = readQuery(c, listQuery);
    const page = await hub.events.list(
      c.get('principal'),
      { ...stripUndefined(filter), ...(communityId ? { communityIds: [communityId] } : {}) },
      { ...(limit ? { limit } : {}), ...(cursor ? { cursor } : {}) },
    );
    return c.json({ items: page.items, nextCursor: page.nextCursor });
  });

  app.get('/:id', async (c) => c.json(await hub.events.get(c.get('principal'), c.req.param('id'))));

  app.post('/:id/replay', async (c) => {
    const hasBody = (c.req.header('content-length') ?? '0') !== '0';
    const { webhookId } = hasBody ? await readJson(c, replayBody) : {};
    const deliveries = await hub.deliveries.replay(c.get('principal'), c.req.param('id'), webhookId);
    return c.json({ deliveries }, 202);
  });

  return app;
}

export function stripUndefined<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, inner]) => inner !== undefined)) as Partial<T>;
}
