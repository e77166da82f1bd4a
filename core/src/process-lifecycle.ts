import { loadConfig, type HubConfig } from './config/load-config.ts';
import { createHub, type CreateHubOptions } from './create-hub.ts';
import type { Hub } from './hub.ts';
import { createLogger, type Logger } from './observability/logger.ts';

/**
 * Shared start-up of `npm start` and `npm run worker`: validated config, logger and hub, or a
 * clear message and a non-zero exit (2 for configuration, 1 for anything else at start).
 */
export async function startHubProcess(overrides: Partial<CreateHubOptions> = {}): Promise<{ hub: Hub; config: HubConfig; logger: Logger }> {
  let config: HubConfig;
  try {
    config = loadConfig();
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(2);
  }
  const logger = createLogger({ level: config.logLevel });
  try {
    const hub = await createHub({ config, logger, ...overrides });
    return { hub, config, logger };
  } catch (error) {
    const err = error as Error;
    process.stderr.write(`${err.name === 'StartupError' ? err.message : (err.stack ?? err.message)}\n`);
    process.exit(1);
  }
}

/** Run `stop` once on SIGINT/SIGTERM, then exit. */
export function onShutdown(logger: Logger, stop: () => Promise<void>): void {
  let stopping = false;
  const handle = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    stop()
      .catch((error: unknown) => logger.error({ err: { message: (error as Error).message } }, 'error while shutting down'))
      .finally(() => process.exit(0));
  };
  process.on('SIGINT', () => handle('SIGINT'));
  process.on('SIGTERM', () => handle('SIGTERM'));
}
