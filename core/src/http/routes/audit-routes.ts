import { Hono } from 'hono';
import * as v from 'valibot';
import { authorize } from '../../auth/authorize.ts';
import { can, visibleCommunityIds } from '../../auth/principal.ts';
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
    let communityIds: string[] | undefined;
    if (communityId !== undefined) {
      authorize(principal, 'manage', communityId);
      communityIds = [communityId];
    } else {
      const visible = visibleCommunityIds(principal);
      communityIds = visible?.filter((id) => can(principal, 'manage', id));
      if (communityIds !== undefined && communityIds.length === 0) authorize(principal, 'manage', visible?.[0] ?? 'default');
    }
    const page = await hub.store.audit.list(
      { ...(communityIds ? { communityIds } : {}), ...(targetId ? { targetId } : {}), ...(action ? { action } : {}) },
      { ...(limit ? { limit } : {}), ...(cursor ? { cursor } : {}) },
    );
    return c.json({ items: page.items, nextCursor: page.nextCursor });
  });
  return app;
}
