import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import type { Hub } from '../hub.ts';
import type { AppEnv } from './app-env.ts';
import { authenticate } from './authenticate.ts';
import { dashboardStatic } from './dashboard-static.ts';
import { createErrorHandler, notFoundHandler } from './error-handler.ts';
import { HubError } from '../errors.ts';
import { apiKeyRoutes } from './routes/api-key-routes.ts';
import { auditRoutes } from './routes/audit-routes.ts';
import { authRoutes } from './routes/auth-routes.ts';
import { catalogRoutes } from './routes/catalog-routes.ts';
import { communityRoutes } from './routes/community-routes.ts';
import { healthRoutes } from './routes/health-routes.ts';
import { userRoutes } from './routes/user-routes.ts';
import { webhookRoutes } from './routes/webhook-routes.ts';
import { deliveryRoutes } from './routes/delivery-routes.ts';
import { eventRoutes } from './routes/event-routes.ts';

const API_BODY_LIMIT = 1024 * 1024;

/** The Hono app: health, the authenticated API under /api/v1, and the dashboard at /. */
export function createApp(hub: Hub): Hono {
  const app = new Hono();
  app.onError(createErrorHandler(hub.logger));
  app.use('*', secureHeaders({ contentSecurityPolicy: { defaultSrc: ["'self'"], styleSrc: ["'self'", "'unsafe-inline'"], imgSrc: ["'self'", 'data:', 'https:'] } }));
  app.use('*', async (c, next) => {
    const started = performance.now();
    await next();
    if (c.req.path.startsWith('/api/')) {
      hub.logger.debug({ method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(performance.now() - started) }, 'request');
    }
  });
  app.route('/', healthRoutes(hub));

  const api = new Hono<AppEnv>();
  api.use(
    '*',
    bodyLimit({
      maxSize: API_BODY_LIMIT,
      onError: () => {
        throw new HubError('payload_too_large', 413, `request body is larger than ${API_BODY_LIMIT / 1024} KB`);
      },
    }),
  );
  api.route('/auth', authRoutes(hub));
  api.use('*', authenticate(hub));
  api.route('/', catalogRoutes(hub));
  api.route('/webhooks', webhookRoutes(hub));
  api.route('/api-keys', apiKeyRoutes(hub));
  api.route('/users', userRoutes(hub));
  api.route('/communities', communityRoutes(hub));
  api.route('/audit', auditRoutes(hub));
  api.route('/events', eventRoutes(hub));
  api.route('/deliveries', deliveryRoutes(hub));
  api.notFound(notFoundHandler);
  app.route('/api/v1', api);
  app.all('/api/*', notFoundHandler);
  app.route('/', dashboardStatic(hub.config.dashboardDir));
  return app;
}
