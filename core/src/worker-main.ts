import { closeHub, startHubWorkers } from './create-hub.ts';
import { onShutdown, startHubProcess } from './process-lifecycle.ts';

/** `npm run worker`: queue workers and the reconciler only; run as many as you like. */
const { hub, logger } = await startHubProcess();
const workers = startHubWorkers(hub);
process.stdout.write(`Webhook hub worker running (queue prefix ${hub.config.queuePrefix}, concurrency ${hub.config.workerConcurrency})\n`);
onShutdown(logger, async () => {
  await workers.close();
  await closeHub(hub);
});
