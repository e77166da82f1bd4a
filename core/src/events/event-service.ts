import { authorize, communitiesWith } from '../auth/authorize.ts';
import { defaultCommunity, type Principal } from '../auth/principal.ts';
import { NotFoundError } from '../errors.ts';
import type { Delivery, EventFilter, Page, PageRequest, Store, StoredEvent } from '../store/ports.ts';
import type { EventPublisher, PublishResult } from './event-publisher.ts';

/** Publishing over the API and reading the event store, with the caller's rights applied. */
export class EventService {
  constructor(private readonly deps: { store: Store; publisher: EventPublisher }) {}

  async publish(
    principal: Principal,
    input: { type: string; data: Record<string, unknown>; eventId?: string; occurredAt?: string; communityId?: string },
  ): Promise<PublishResult> {
    const communityId = input.communityId ?? defaultCommunity(principal);
    authorize(principal, 'publish', communityId);
    return this.deps.publisher.publish({
      communityId,
      type: input.type,
      data: input.data,
      source: principal.kind === 'apiKey' ? 'api' : 'dashboard',
      ...(input.eventId !== undefined ? { eventId: input.eventId } : {}),
      ...(input.occurredAt !== undefined ? { occurredAt: input.occurredAt } : {}),
    });
  }

  async list(principal: Principal, filter: EventFilter, page: PageRequest): Promise<Page<StoredEvent>> {
    const communityIds = communitiesWith(principal, 'read', filter.communityIds);
    return this.deps.store.events.list({ ...filter, ...(communityIds ? { communityIds } : {}) }, page);
  }

  async get(principal: Principal, id: string): Promise<{ event: StoredEvent; deliveries: readonly Delivery[] }> {
    const event = await this.deps.store.events.get(id);
    if (!event) throw new NotFoundError('event', id);
    authorize(principal, 'read', event.communityId, { what: 'event', id });
    const deliveries = await this.deps.store.deliveries.list({ eventId: id }, { limit: 200 });
    return { event, deliveries: deliveries.items };
  }
}
