import { Hono } from 'hono';
import type { Hub } from '../../hub.ts';
import type { AppEnv } from '../app-env.ts';

/** `/api/v1/plugins` and `/api/v1/event-types`: what the dashboard builds its forms from. */
export function catalogRoutes(hub: Hub) {
  const app = new Hono<AppEnv>();
  const plugins = hub.plugins.all.map((plugin) => hub.plugins.describe(plugin));
  app.get('/plugins', (c) => c.json({ items: plugins }));
  app.get('/event-types', (c) => c.json({ items: hub.catalog.entries }));
  return app;
}
