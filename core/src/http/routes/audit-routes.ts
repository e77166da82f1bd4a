import { Hono } from 'hono';
import * as v from 'valibot';
import { communitiesWith } from '../../auth/authorize.ts';
import { ForbiddenError } from '../../errors.ts';
import type { Hub } from '../../hub.ts';
import type { AppEnv } from '../app-env.ts';
import { pageQuery } from '../pagination.ts';
import { readQuery } from '../read-body.ts';

const listQuery = v.strictObject({
  communityId: v.optional(v.pipe(v.string(), v.minLength(1))),
  targetId: v.optional(v.pipe(v.string(), v.minLength(1))),
  action: v.optional(v.pipe(v.string(), v.minLength(1))),
  ...pageQuery,
});

/** `/api/v1/audit`: who changed what, for admins of the community (owners see everything). */
export function auditRoutes(hub: Hub) {
  const app = new Hono<AppEnv>();
  app.get('/', async (c) => {
    const principal = c.get('principal');
    const { communityId, targetId, action, limit, cursor } = readQuery(c, listQuery);
    const communityIds = communitiesWith(principal, 'manage', communityId === undefined ? undefined : [communityId]);
    if (communityIds !== undefined && communityIds.length === 0) throw new ForbiddenError('the audit log is for admins and owners of a community');
    const page = await hub.store.audit.list(
      { ...(communityIds ? { communityIds } : {}), ...(targetId ? { targetId } : {}), ...(action ? { action } : {}) },
      { ...(limit ? { limit } : {}), ...(cursor ? { cursor } : {}) },
    );
    return c.json({ items: page.items, nextCursor: page.nextCursor });
  });
  return app;
}
