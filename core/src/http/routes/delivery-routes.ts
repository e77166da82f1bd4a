import { Hono } from 'hono';
import * as v from 'valibot';
import type { Hub } from '../../hub.ts';
import type { DeliveryFilter, DeliveryStatus } from '../../store/ports.ts';
import type { AppEnv } from '../app-env.ts';
import { isoTime, pageQuery } from '../pagination.ts';
import { readJson, readQuery } from '../read-body.ts';

const STATUSES = ['pending', 'retrying', 'succeeded', 'dead'] as const;

/** `status=dead,retrying`; `failed` is accepted as a friendlier name for `dead`. */
const statusList = v.pipe(
  v.string(),
  v.transform((text) => text.split(',').map((part) => (part.trim() === 'failed' ? 'dead' : part.trim()))),
  v.array(v.picklist(STATUSES, 'status must be pending, retrying, succeeded, dead (or failed)')),
);

const filterFields = {
  webhookId: v.optional(v.pipe(v.string(), v.minLength(1))),
  eventType: v.optional(v.pipe(v.string(), v.minLength(1))),
  eventId: v.optional(v.pipe(v.string(), v.minLength(1))),
  communityId: v.optional(v.pipe(v.string(), v.minLength(1))),
  since: v.optional(isoTime('since')),
  until: v.optional(isoTime('until')),
};

const listQuery = v.strictObject({ status: v.optional(statusList), ...filterFields, ...pageQuery });
const bulkBody = v.strictObject({
  status: v.optional(v.array(v.picklist(STATUSES, 'status must be pending, retrying or dead'))),
  ...filterFields,
});

function toFilter(input: { status?: DeliveryStatus[] | undefined; communityId?: string | undefined; webhookId?: string | undefined; eventType?: string | undefined; eventId?: string | undefined; since?: string | undefined; until?: string | undefined }): DeliveryFilter {
  const { communityId, status, ...rest } = input;
  return {
    ...Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined)),
    ...(status ? { status } : {}),
    ...(communityId ? { communityIds: [communityId] } : {}),
  };
}

/** `/api/v1/deliveries`: the delivery log with every attempt, manual and bulk retry. */
export function deliveryRoutes(hub: Hub) {
  const app = new Hono<AppEnv>();

  app.get('/', async (c) => {
    const { limit, cursor, ...filter } = readQuery(c, listQuery);
    const page = await hub.deliveries.list(c.get('principal'), toFilter(filter), { ...(limit ? { limit } : {}), ...(cursor ? { cursor } : {}) });
    return c.json({ items: page.items, nextCursor: page.nextCursor });
  });

  app.post('/retry', async (c) => {
    const body = await readJson(c, bulkBody);
    return c.json(await hub.deliveries.retryMatching(c.get('principal'), toFilter(body)), 202);
  });

  app.get('/:id', async (c) => c.json(await hub.deliveries.get(c.get('principal'), c.req.param('id'))));

  app.post('/:id/retry', async (c) => c.json({ delivery: await hub.deliveries.retry(c.get('principal'), c.req.param('id')) }, 202));

  return app;
}
