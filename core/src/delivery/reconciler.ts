import type { Clock } from '../clock.ts';
import type { Logger } from '../observability/logger.ts';
import { deliveryJobId, type HubQueues } from '../queue/hub-queues.ts';
import type { Store } from '../store/ports.ts';

const PAGE = 500;
const MAX_PER_RUN = 20_000;

/**
 * Nothing is lost when Redis or a worker dies: events and deliveries are in the store before
 * any job exists. At start and periodically this re-queues unprocessed events and due
 * deliveries whose job is gone. Job ids are derived from the work, so a job that still exists
 * makes the re-queue a no-op; a failed one is removed and queued again.
 */
export class Reconciler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(private readonly deps: { store: Store; queues: HubQueues; clock: Clock; logger: Logger; graceMs: number }) {}

  async runOnce(): Promise<{ events: number; deliveries: number }> {
    const { store, queues, clock, graceMs } = this.deps;
    const cutoff = new Date(clock.now().getTime() - graceMs).toISOString();
    let events = 0;
    for (const event of await store.events.listUnprocessed(cutoff, PAGE)) {
      const existing = await queues.fanout.getJob(event.id);
      if (existing && (await existing.isFailed())) await existing.remove();
      await queues.enqueueFanout(event.id);
      events++;
    }
    let deliveries = 0;
    let cursor: string | undefined;
    let scanned = 0;
    do {
      const page = await store.deliveries.listByStatus(['pending', 'retrying'], PAGE, cursor);
      for (const delivery of page.items) {
        if (delivery.nextAttemptAt === null || delivery.nextAttemptAt > cutoff) continue;
        const existing = await queues.deliveries.getJob(deliveryJobId(delivery.id, delivery.attempts));
        if (existing) {
          if (!(await existing.isFailed())) continue;
          await existing.remove();
        }
        await queues.enqueueDelivery(delivery, { trigger: 'auto' });
        deliveries++;
      }
      scanned += page.items.length;
      cursor = page.nextCursor ?? undefined;
    } while (cursor && scanned < MAX_PER_RUN);
    if (events + deliveries > 0) this.deps.logger.warn({ events, deliveries }, 'reconciler re-queued lost work');
    return { events, deliveries };
  }

  start(intervalMs: number): void {
    const tick = () => {
      if (this.running) return;
      this.running = this.runOnce()
        .catch((error: unknown) => this.deps.logger.warn({ err: { message: (error as Error).message } }, 'reconciler run failed; will try again'))
        .finally(() => {
          this.running = undefined;
        });
    };
    tick();
    this.timer = setInterval(tick, intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
