import type { Logger } from '../observability/logger.ts';
import type { Delivery, DeliveryAttempt, StoredEvent } from '../store/ports.ts';

/** What travels on the in-process bus. */
export type BusMessage =
  | { readonly kind: 'event.stored'; readonly event: StoredEvent }
  | { readonly kind: 'delivery.updated'; readonly delivery: Delivery; readonly attempt?: DeliveryAttempt };

export type BusSubscriber = (message: BusMessage) => void | Promise<void>;

/**
 * A decoupled, asynchronous, in-process publish/subscribe bus. Every subscriber gets every
 * message; one that throws is logged and does not stop the others.
 */
export class EventBus {
  private readonly subscribers = new Map<string, BusSubscriber>();

  constructor(private readonly logger: Logger) {}

  /** Returns the function that unsubscribes. */
  subscribe(name: string, subscriber: BusSubscriber): () => void {
    this.subscribers.set(name, subscriber);
    return () => this.subscribers.delete(name);
  }

  async publish(message: BusMessage): Promise<void> {
    const results = await Promise.allSettled([...this.subscribers.values()].map(async (subscriber) => subscriber(message)));
    const names = [...this.subscribers.keys()];
    results.forEach((result, index) => {
      if (result.status === 'rejected') {
        this.logger.error({ subscriber: names[index], kind: message.kind, err: { message: (result.reason as Error)?.message } }, 'bus subscriber failed');
      }
    });
  }
}
