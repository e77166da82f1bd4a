import { DelayedError, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import type { Logger } from '../observability/logger.ts';
import { DELIVERY_QUEUE, FANOUT_QUEUE, type DeliveryJobData, type FanoutJobData, type HubQueues } from '../queue/hub-queues.ts';
import type { Store } from '../store/ports.ts';
import type { CommunityRateLimiter } from './community-rate-limiter.ts';
import type { DeliveryEngine } from './delivery-engine.ts';
import type { DeliveryLock } from './delivery-lock.ts';
import type { FanOut } from './fan-out.ts';

export interface WorkerDeps {
  readonly redisUrl: string;
  readonly prefix: string;
  readonly concurrency: number;
  readonly store: Store;
  readonly queues: HubQueues;
  readonly fanOut: FanOut;
  readonly engine: DeliveryEngine;
  readonly limiter: CommunityRateLimiter;
  readonly lock: DeliveryLock;
  readonly logger: Logger;
}

export interface RunningWorkers {
  close(): Promise<void>;
}

/** How long shutdown waits for attempts in flight before aborting them. */
const SHUTDOWN_GRACE_MS = 10_000;

/** Wait this long when another job holds the delivery's lock. */
const LOCK_BUSY_DELAY_MS = 1000;

/**
 * The BullMQ workers: `fanout` turns an event into delivery jobs, `deliveries` makes one attempt
 * per job. A community over its rate limit or a busy lock delays the job; neither is an attempt.
 */
export function startWorkers(deps: WorkerDeps): RunningWorkers {
  const closing = new AbortController();
  const connections: Redis[] = [];
  const connect = () => {
    const connection = new Redis(deps.redisUrl, { maxRetriesPerRequest: null });
    connections.push(connection);
    // Reconnection is automatic; the worker's own 'error' event below reports problems once.
    connection.on('error', () => {});
    return connection;
  };

  const fanout = new Worker<FanoutJobData>(FANOUT_QUEUE, async (job) => void (await deps.fanOut.run(job.data.eventId)), {
    connection: connect(),
    prefix: deps.prefix,
    concurrency: Math.max(1, Math.ceil(deps.concurrency / 2)),
  });

  const deliveries = new Worker<DeliveryJobData>(
    DELIVERY_QUEUE,
    async (job: Job<DeliveryJobData>, token?: string) => {
      const { deliveryId, attempts, trigger } = job.data;
      const delivery = await deps.store.deliveries.get(deliveryId);
      if (!delivery || delivery.status === 'succeeded' || delivery.status === 'dead' || delivery.attempts !== attempts) return;

      if (!job.data.slotReserved) {
        const waitMs = await deps.limiter.reserve(delivery.communityId);
        if (waitMs > 0) {
          await job.updateData({ ...job.data, slotReserved: true });
          await job.moveToDelayed(Date.now() + waitMs, token);
          throw new DelayedError();
        }
      }
      const release = await deps.lock.acquire(deliveryId);
      if (!release) {
        await job.moveToDelayed(Date.now() + LOCK_BUSY_DELAY_MS, token);
        throw new DelayedError();
      }
      try {
        const result = await deps.engine.attempt(deliveryId, { trigger, expectedAttempts: attempts, signal: closing.signal });
        if (result.kind === 'attempted' && result.nextDelayMs !== null) {
          await deps.queues.enqueueDelivery(result.delivery, { trigger: 'auto', delayMs: result.nextDelayMs });
        }
      } finally {
        await release();
      }
    },
    { connection: connect(), prefix: deps.prefix, concurrency: deps.concurrency },
  );

  for (const worker of [fanout, deliveries]) {
    worker.on('failed', (job, error) => deps.logger.error({ queue: worker.name, jobId: job?.id, err: { message: error.message } }, 'job failed'));
    worker.on('error', (error) => deps.logger.warn({ queue: worker.name, err: { message: error.message } }, 'worker connection problem'));
  }
  deps.logger.info({ concurrency: deps.concurrency, prefix: deps.prefix }, 'workers started');

  return {
    async close() {
      // Let attempts in flight finish (and be recorded); abort them only if that takes too long.
      const force = setTimeout(() => closing.abort(), SHUTDOWN_GRACE_MS);
      await Promise.allSettled([fanout.close(), deliveries.close()]);
      clearTimeout(force);
      for (const connection of connections) connection.disconnect();
    },
  };
}
