import { serve } from '@hono/node-server';
import { loadConfig } from './config/load-config.ts';
import { closeHub, createHub } from './create-hub.ts';
import { createApp } from './http/create-app.ts';
import { createLogger } from './observability/logger.ts';

/** `npm start`: the API, the workers and the dashboard in one process. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(2);
  }
  const logger = createLogger({ level: config.logLevel });
  let hub;
  try {
    hub = await createHub({ config, logger });
  } catch (error) {
    const err = error as Error;
    process.stderr.write(`${err.name === 'StartupError' ? err.message : (err.stack ?? err.message)}\n`);
    process.exit(1);
  }
  const app = createApp(hub);
  const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, (info) => {
    logger.info({ url: `http://${config.host}:${info.port}` }, 'hub listening');
    process.stdout.write(`Webhook hub ready: http://${config.host}:${info.port}  (dashboard at /, API at /api/v1)\n`);
  });
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    server.close();
    closeHub(hub)
      .catch((error: unknown) => logger.error({ err: error }, 'error while shutting down'))
      .finally(() => process.exit(0));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

void main();
