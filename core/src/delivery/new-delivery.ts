import { newId } from '../ids.ts';
import type { Delivery, StoredEvent, Webhook } from '../store/ports.ts';

/** A fresh delivery of `event` to `webhook`, due now. */
export function newDelivery(event: StoredEvent, webhook: Webhook, now: string): Delivery {
  return {
    id: newId('dlv'),
    eventId: event.id,
    webhookId: webhook.id,
    communityId: event.communityId,
    eventType: event.type,
    status: 'pending',
    attempts: 0,
    nextAttemptAt: now,
    lastResponseCode: null,
    lastError: null,
    createdAt: now,
    updatedAt: now,
    completedAt: null,
  };
}
