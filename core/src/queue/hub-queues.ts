import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import type { AttemptTrigger } from '../store/ports.ts';

export const FANOUT_QUEUE = 'fanout';
export const DELIVERY_QUEUE = 'deliveries';

export interface FanoutJobData {
  readonly eventId: string;
}

export interface DeliveryJobData {
  readonly deliveryId: string;
  /** Attempts the delivery had when this job was made; a job whose count is stale is dropped. */
  readonly attempts: number;
  readonly trigger: AttemptTrigger;
  /** Set when the job was delayed to a rate-limit slot it already holds. */
  readonly slotReserved?: boolean;
}

/** Job ids are derived from the data, so re-enqueueing the same work is a no-op. */
export const deliveryJobId = (deliveryId: string, attempts: number) => `${deliveryId}-a${attempts}`;

/** The two BullMQ queues, named under the deployment's prefix. */
export class HubQueues {
  readonly fanout: Queue<FanoutJobData>;
  readonly deliveries: Queue<DeliveryJobData>;

  private constructor(
    readonly connection: Redis,
    readonly prefix: string,
  ) {
    const defaults = { removeOnComplete: true, removeOnFail: 1000, attempts: 5, backoff: { type: 'exponential', delay: 1000 } } as const;
    this.fanout = new Queue<FanoutJobData>(FANOUT_QUEUE, { connection, prefix, defaultJobOptions: defaults });
    // Delivery retries are scheduled by the hub (retry policy), not by BullMQ: one attempt per job.
    this.deliveries = new Queue<DeliveryJobData>(DELIVERY_QUEUE, { connection, prefix, defaultJobOptions: { removeOnComplete: true, removeOnFail: 1000, attempts: 3, backoff: { type: 'fixed', delay: 1000 } } });
    // Without a listener BullMQ prints every reconnect failure; an outage shows in /readyz and
    // the reconciler repairs what it cost.
    this.fanout.on('error', () => {});
    this.deliveries.on('error', () => {});
  }

  static create(redisUrl: string, prefix: string): HubQueues {
    const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
    connection.on('error', () => {
      // ioredis reconnects by itself; the reconciler repairs whatever was lost meanwhile.
    });
    return new HubQueues(connection, prefix);
  }

  async enqueueFanout(eventId: string): Promise<void> {
    await this.fanout.add('fanout', { eventId }, { jobId: eventId });
  }

  async enqueueDelivery(delivery: { id: string; attempts: number }, options: { trigger: AttemptTrigger; delayMs?: number }): Promise<void> {
    await this.deliveries.add(
      'deliver',
      { deliveryId: delivery.id, attempts: delivery.attempts, trigger: options.trigger },
      { jobId: deliveryJobId(delivery.id, delivery.attempts), ...(options.delayMs && options.delayMs > 0 ? { delay: Math.round(options.delayMs) } : {}) },
    );
  }

  async enqueueDeliveries(deliveries: readonly { id: string; attempts: number }[], trigger: AttemptTrigger): Promise<void> {
    if (deliveries.length === 0) return;
    await this.deliveries.addBulk(
      deliveries.map((delivery) => ({
        name: 'deliver',
        data: { deliveryId: delivery.id, attempts: delivery.attempts, trigger },
        opts: { jobId: deliveryJobId(delivery.id, delivery.attempts) },
      })),
    );
  }

  /** Queue depth by state, for /stats and /readyz. */
  async counts(): Promise<Record<'waiting' | 'active' | 'delayed' | 'failed', number>> {
    const [fanout, deliveries] = await Promise.all([
      this.fanout.getJobCounts('waiting', 'active', 'delayed', 'failed', 'prioritized'),
      this.deliveries.getJobCounts('waiting', 'active', 'delayed', 'failed', 'prioritized'),
    ]);
    const sum = (key: string) => (fanout[key] ?? 0) + (deliveries[key] ?? 0);
    return { waiting: sum('waiting') + sum('prioritized'), active: sum('active'), delayed: sum('delayed'), failed: sum('failed') };
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.fanout.close(), this.deliveries.close()]);
    this.connection.disconnect();
  }
}
