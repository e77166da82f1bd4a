import type { Clock } from '../clock.ts';
import { ConflictError, HubError, ValidationError } from '../errors.ts';
import { newId } from '../ids.ts';
import type { Logger } from '../observability/logger.ts';
import type { Store, StoredEvent } from '../store/ports.ts';
import { SYSTEM_EVENT_TYPE_NAMES } from './core-event-types.ts';
import type { EventBus } from './event-bus.ts';
import type { EventCatalog } from './event-catalog.ts';

/** Largest `data` accepted, serialised. */
export const MAX_EVENT_DATA_BYTES = 256 * 1024;
export const EVENT_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

export interface PublishInput {
  readonly communityId: string;
  readonly type: string;
  readonly data: Record<string, unknown>;
  readonly source: string;
  readonly eventId?: string;
  readonly occurredAt?: string;
}

export interface PublishResult {
  readonly event: StoredEvent;
  /** True when an event with this id was already stored: acknowledged and ignored. */
  readonly duplicate: boolean;
}

/**
 * The front door of the pipeline: checks the event, stores it once (durable first, unique
 * eventId), then tells the bus, whose fan-out subscriber queues it. If queueing fails the event
 * is still stored unprocessed and the reconciler queues it later.
 */
export class EventPublisher {
  constructor(
    private readonly deps: { store: Store; catalog: EventCatalog; bus: EventBus; clock: Clock; logger: Logger },
  ) {}

  async publish(input: PublishInput, options: { system?: boolean } = {}): Promise<PublishResult> {
    if (!this.deps.catalog.has(input.type)) {
      throw new ValidationError(`unknown event type '${input.type}' (see GET /api/v1/event-types)`, [{ path: 'type', message: 'unknown event type' }]);
    }
    if (SYSTEM_EVENT_TYPE_NAMES.has(input.type) && !options.system) {
      throw new ValidationError(`'${input.type}' is emitted by the hub itself and cannot be published`, [{ path: 'type', message: 'system event type' }]);
    }
    if (input.eventId !== undefined && !EVENT_ID_PATTERN.test(input.eventId)) {
      throw new ValidationError('eventId must be 1-128 letters, digits, dot, dash, colon or underscore', [{ path: 'eventId', message: 'invalid eventId' }]);
    }
    const dataJson = JSON.stringify(input.data);
    if (Buffer.byteLength(dataJson) > MAX_EVENT_DATA_BYTES) {
      throw new HubError('payload_too_large', 413, `event data is larger than ${MAX_EVENT_DATA_BYTES / 1024} KB`, { limitBytes: MAX_EVENT_DATA_BYTES });
    }
    const now = this.deps.clock.now().toISOString();
    const eventId = input.eventId ?? newId('evt');
    const occurredAt = input.occurredAt ?? now;
    // The exact bytes every generic receiver gets and every signature covers; never re-serialised.
    const payload = `{"event":${JSON.stringify(input.type)},"timestamp":${JSON.stringify(occurredAt)},"eventId":${JSON.stringify(eventId)},"data":${dataJson}}`;
    const { inserted, event } = await this.deps.store.events.insert({
      id: eventId,
      communityId: input.communityId,
      type: input.type,
      source: input.source,
      occurredAt,
      receivedAt: now,
      payload,
      processed: false,
      processedAt: null,
    });
    if (!inserted) {
      if (event.communityId !== input.communityId || event.type !== input.type) {
        throw new ConflictError(`eventId '${eventId}' is already used by another event`);
      }
      this.deps.logger.info({ eventId, type: input.type }, 'duplicate event ignored');
      return { event, duplicate: true };
    }
    this.deps.logger.info({ eventId, type: event.type, communityId: event.communityId, source: event.source }, 'event received');
    await this.deps.bus.publish({ kind: 'event.stored', event });
    return { event, duplicate: false };
  }
}
