import type { Clock } from '../clock.ts';
import { matchesEventFilters } from '../events/event-catalog.ts';
import { newDelivery } from './new-delivery.ts';
import type { Logger } from '../observability/logger.ts';
import type { HubQueues } from '../queue/hub-queues.ts';
import type { Delivery, Store } from '../store/ports.ts';

/** Event types that go to one chosen webhook, never to everyone who matches. */
const TARGETED_TYPES = new Set(['webhook.test']);

/**
 * Fan-out of one stored event: one Delivery per active matching webhook of its community
 * (unique per event and webhook, so running twice creates nothing new), then one delivery job
 * each, then the event is marked processed. Safe to repeat at any point.
 */
export class FanOut {
  constructor(private readonly deps: { store: Store; queues: HubQueues; clock: Clock; logger: Logger }) {}

  async run(eventId: string): Promise<readonly Delivery[]> {
    const { store, queues, clock, logger } = this.deps;
    const event = await store.events.get(eventId);
    if (!event) return [];
    if (TARGETED_TYPES.has(event.type)) {
      await store.events.markProcessed(event.id, clock.now().toISOString());
      return [];
    }
    const webhooks = (await store.webhooks.listActive(event.communityId)).filter((webhook) => matchesEventFilters(event.type, webhook.events));
    const now = clock.now().toISOString();
    const deliveries = await store.deliveries.createMany(webhooks.map((webhook) => newDelivery(event, webhook, now)));
    // Existing rows from an earlier, interrupted run are queued again: job ids make it a no-op
    // when their job still exists.
    await queues.enqueueDeliveries(
      deliveries.filter((delivery) => (delivery.status === 'pending' || delivery.status === 'retrying') && delivery.nextAttemptAt !== null),
      'auto',
    );
    await store.events.markProcessed(event.id, clock.now().toISOString());
    logger.info({ eventId: event.id, type: event.type, deliveries: deliveries.length }, 'event fanned out');
    return deliveries;
  }
}
