import { serve } from '@hono/node-server';
import { closeHub, startHubWorkers } from './create-hub.ts';
import { createApp } from './http/create-app.ts';
import { onShutdown, startHubProcess } from './process-lifecycle.ts';

/** `npm start`: the API, the dashboard and (unless HUB_RUN_WORKERS=false) the workers. */
const { hub, config, logger } = await startHubProcess();
const workers = config.runWorkers ? startHubWorkers(hub) : undefined;
const app = createApp(hub);
const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, (info) => {
  logger.info({ url: `http://${config.host}:${info.port}`, workers: config.runWorkers }, 'hub listening');
  process.stdout.write(`Webhook hub ready: http://${config.host}:${info.port}  (dashboard at /, API at /api/v1)\n`);
});
onShutdown(logger, async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await workers?.close();
  await closeHub(hub);
});
