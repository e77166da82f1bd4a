import type { AuditLog } from '../audit/audit-log.ts';
import { authorize, communitiesWith } from '../auth/authorize.ts';
import type { Principal } from '../auth/principal.ts';
import type { Clock } from '../clock.ts';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors.ts';
import { matchesEventFilters } from '../events/event-catalog.ts';
import type { EventPublisher } from '../events/event-publisher.ts';
import { deliveryJobId, type HubQueues } from '../queue/hub-queues.ts';
import type { AttemptTrigger, Delivery, DeliveryAttempt, DeliveryFilter, DeliveryStatus, Page, PageRequest, Store, StoredEvent, Webhook } from '../store/ports.ts';
import type { DeliveryEngine } from './delivery-engine.ts';
import { newDelivery } from './new-delivery.ts';

export interface TestResult {
  readonly deliveryId: string;
  readonly eventId: string;
  readonly success: boolean;
  readonly responseCode: number | null;
  readonly durationMs: number;
  readonly error: string | null;
}

const BULK_RETRY_LIMIT = 10_000;

/** The delivery log and the hands-on actions: retry, bulk retry, replay, test, resume. */
export class DeliveryService {
  constructor(
    private readonly deps: { store: Store; queues: HubQueues; engine: DeliveryEngine; publisher: EventPublisher; clock: Clock; audit: AuditLog },
  ) {}

  async list(principal: Principal, filter: DeliveryFilter, page: PageRequest): Promise<Page<Delivery>> {
    return this.deps.store.deliveries.list(scoped(principal, filter), page);
  }

  async get(principal: Principal, id: string): Promise<{ delivery: Delivery; attempts: readonly DeliveryAttempt[]; event: StoredEvent | null }> {
    const delivery = await this.deps.store.deliveries.get(id);
    if (!delivery) throw new NotFoundError('delivery', id);
    authorize(principal, 'read', delivery.communityId, { what: 'delivery', id });
    const [attempts, event] = await Promise.all([this.deps.store.deliveries.listAttempts(id), this.deps.store.events.get(delivery.eventId)]);
    return { delivery, attempts, event };
  }

  /** Adds an attempt to the same delivery, now. A succeeded delivery is never sent again. */
  async retry(principal: Principal, id: string): Promise<Delivery> {
    const delivery = await this.deps.store.deliveries.get(id);
    if (!delivery) throw new NotFoundError('delivery', id);
    authorize(principal, 'write', delivery.communityId, { what: 'delivery', id });
    const updated = await this.requeue(delivery, 'manual');
    await this.deps.audit.record(principal, { communityId: delivery.communityId, action: 'delivery.retried', targetType: 'delivery', targetId: id });
    return updated;
  }

  /**
   * Retry every delivery matching the filter (dead ones unless a status is given), within the
   * communities where the caller may write — never half a batch refused midway.
   */
  async retryMatching(principal: Principal, filter: DeliveryFilter): Promise<{ retried: number }> {
    const writable = writableCommunities(principal, filter.communityIds);
    const scopedFilter: DeliveryFilter = { ...filter, status: filter.status ?? 'dead', ...(writable === undefined ? {} : { communityIds: writable }) };
    let retried = 0;
    let cursor: string | undefined;
    if (writable === undefined || writable.length > 0) {
      do {
        const page = await this.deps.store.deliveries.list(scopedFilter, { limit: 200, ...(cursor ? { cursor } : {}) });
        for (const delivery of page.items) {
          if (delivery.status === 'succeeded') continue;
          await this.requeue(delivery, 'manual');
          retried++;
        }
        cursor = page.nextCursor ?? undefined;
      } while (cursor && retried < BULK_RETRY_LIMIT);
    }
    await this.deps.audit.record(principal, { communityId: filter.communityIds?.[0] ?? null, action: 'delivery.bulkRetried', targetType: 'delivery', targetId: '*', details: { filter, retried } });
    return { retried };
  }

  /** Deliver a stored event again, to its matching webhooks or to one named webhook. */
  async replay(principal: Principal, eventId: string, webhookId?: string): Promise<readonly Delivery[]> {
    const { store, clock } = this.deps;
    const event = await store.events.get(eventId);
    if (!event) throw new NotFoundError('event', eventId);
    authorize(principal, 'write', event.communityId, { what: 'event', id: eventId });
    let webhooks: Webhook[];
    if (webhookId !== undefined) {
      const webhook = await store.webhooks.get(webhookId);
      if (!webhook || webhook.communityId !== event.communityId) throw new NotFoundError('webhook', webhookId);
      webhooks = [webhook];
    } else {
      webhooks = (await store.webhooks.listActive(event.communityId)).filter((webhook) => matchesEventFilters(event.type, webhook.events));
    }
    const now = clock.now().toISOString();
    const rows = await store.deliveries.createMany(webhooks.map((webhook) => newDelivery(event, webhook, now)));
    const replayed: Delivery[] = [];
    for (const row of rows) replayed.push(row.attempts === 0 && row.status === 'pending' ? await this.enqueueNow(row, 'replay') : await this.requeue(row, 'replay', { allowSucceeded: true }));
    await this.deps.audit.record(principal, { communityId: event.communityId, action: 'event.replayed', targetType: 'event', targetId: eventId, details: { webhooks: webhooks.map((w) => w.id) } });
    return replayed;
  }

  /** Send a real, signed `webhook.test` delivery now and return the attempt's result. */
  async test(principal: Principal, webhookId: string): Promise<TestResult> {
    const { store, clock, publisher, engine } = this.deps;
    const webhook = await store.webhooks.get(webhookId);
    if (!webhook) throw new NotFoundError('webhook', webhookId);
    authorize(principal, 'write', webhook.communityId, { what: 'webhook', id: webhookId });
    const { event } = await publisher.publish(
      { communityId: webhook.communityId, type: 'webhook.test', source: 'system', data: { webhookId, name: webhook.name, message: 'This is a test event from your webhook hub.' } },
      { system: true },
    );
    const [delivery] = await store.deliveries.createMany([newDelivery(event, webhook, clock.now().toISOString())]);
    const result = await engine.attempt(delivery!.id, { trigger: 'test' });
    if (result.kind !== 'attempted') throw new ConflictError(`test delivery was not sent (${result.reason})`);
    return {
      deliveryId: result.delivery.id,
      eventId: event.id,
      success: result.attempt.success,
      responseCode: result.attempt.responseCode,
      durationMs: result.attempt.durationMs,
      error: result.attempt.errorMessage,
    };
  }

  /** A webhook was enabled again: its waiting deliveries go now. */
  async resumeWebhook(webhook: Webhook): Promise<number> {
    let resumed = 0;
    let cursor: string | undefined;
    do {
      const page = await this.deps.store.deliveries.list({ webhookId: webhook.id, status: ['pending', 'retrying'] }, { limit: 200, ...(cursor ? { cursor } : {}) });
      for (const delivery of page.items) {
        await this.enqueueNow(delivery, 'auto');
        resumed++;
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return resumed;
  }

  private async requeue(delivery: Delivery, trigger: AttemptTrigger, options: { allowSucceeded?: boolean } = {}): Promise<Delivery> {
    if (delivery.status === 'succeeded' && !options.allowSucceeded) {
      throw new ConflictError(`delivery '${delivery.id}' already succeeded; replay its event to send it again`);
    }
    if (delivery.status === 'succeeded' || delivery.status === 'dead') {
      const from: DeliveryStatus[] = [delivery.status];
      const reopened = await this.deps.store.deliveries.transition(delivery.id, from, {
        status: 'pending',
        nextAttemptAt: this.deps.clock.now().toISOString(),
        completedAt: null,
        updatedAt: this.deps.clock.now().toISOString(),
      });
      if (!reopened) throw new ConflictError(`delivery '${delivery.id}' changed meanwhile; reload and try again`);
      return this.enqueueNow(reopened, trigger);
    }
    return this.enqueueNow(delivery, trigger);
  }

  private async enqueueNow(delivery: Delivery, trigger: AttemptTrigger): Promise<Delivery> {
    const now = this.deps.clock.now().toISOString();
    const updated = (await this.deps.store.deliveries.transition(delivery.id, ['pending', 'retrying'], { nextAttemptAt: now, updatedAt: now })) ?? delivery;
    const existing = await this.deps.queues.deliveries.getJob(deliveryJobId(updated.id, updated.attempts));
    if (existing) {
      const state = await existing.getState();
      if (state === 'delayed') await existing.promote();
      if (state === 'failed' || state === 'completed') await existing.remove();
      if (state === 'delayed' || state === 'waiting' || state === 'active' || state === 'prioritized' || state === 'waiting-children') return updated;
    }
    await this.deps.queues.enqueueDelivery(updated, { trigger });
    return updated;
  }
}

/** Communities where the caller may retry; refused when there are none. */
function writableCommunities(principal: Principal, requested: readonly string[] | undefined): string[] | undefined {
  const writable = communitiesWith(principal, 'write', requested);
  if (writable !== undefined && writable.length === 0) throw new ForbiddenError('your role cannot retry deliveries in these communities (admin or owner needed)');
  return writable;
}

function scoped(principal: Principal, filter: DeliveryFilter): DeliveryFilter {
  const communityIds = communitiesWith(principal, 'read', filter.communityIds);
  return communityIds === undefined ? filter : { ...filter, communityIds };
}
