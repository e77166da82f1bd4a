import type { EventPublisher } from './event-publisher.ts';

/** The payloads of the community platform's events, so `emitEvent` calls are checked. */
export interface CommunityEventMap {
  'member.created': { memberId: string; name?: string; email?: string; joinedAt?: string; [key: string]: unknown };
  'member.activated': { memberId: string; name?: string; activatedAt?: string; [key: string]: unknown };
  'event.created': { eventId: string; title: string; startsAt?: string; location?: string; url?: string; [key: string]: unknown };
  'hackathon.created': { hackathonId: string; title: string; startsAt?: string; endsAt?: string; url?: string; [key: string]: unknown };
  'community.approved': { communityId: string; name?: string; approvedBy?: string; [key: string]: unknown };
}

export type CommunityEventType = keyof CommunityEventMap;

export interface EmitOptions {
  /** Your own id for the event: sending the same id twice delivers it once. */
  readonly eventId?: string;
  readonly occurredAt?: string | Date;
}

export interface EmitResult {
  readonly eventId: string;
  readonly duplicate: boolean;
}

/**
 * `emitEvent(type, data)`: how the community app publishes. The same call works in-process
 * (embedded hub) and over HTTP (separate hub), so switching is a one-line change.
 *
 * @example
 * const hub = createHttpEventClient({ baseUrl: 'http://127.0.0.1:8080', apiKey: process.env.HUB_API_KEY! });
 * await hub.emitEvent('member.created', { memberId: 'mem_1', name: 'Ada' }, { eventId: `member-${id}` });
 */
export interface EventClient {
  emitEvent<T extends CommunityEventType>(type: T, data: CommunityEventMap[T], options?: EmitOptions): Promise<EmitResult>;
}

const toIso = (value: string | Date | undefined) => (value instanceof Date ? value.toISOString() : value);

/** In-process client: straight to the publisher, no HTTP, same validation and idempotency. */
export function createInProcessEventClient(publisher: EventPublisher, options: { communityId: string; source?: string }): EventClient {
  return {
    async emitEvent(type, data, emit = {}) {
      const occurredAt = toIso(emit.occurredAt);
      const { event, duplicate } = await publisher.publish({
        communityId: options.communityId,
        type,
        data,
        source: options.source ?? 'internal',
        ...(emit.eventId !== undefined ? { eventId: emit.eventId } : {}),
        ...(occurredAt !== undefined ? { occurredAt } : {}),
      });
      return { eventId: event.id, duplicate };
    },
  };
}

/** Thrown by the HTTP client with the hub's error code and message. */
export class EmitEventError extends Error {
  override readonly name = 'EmitEventError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** HTTP client for a hub running elsewhere; needs an API key with `events:publish`. */
export function createHttpEventClient(options: { baseUrl: string; apiKey: string; fetch?: typeof fetch; timeoutMs?: number }): EventClient {
  const doFetch = options.fetch ?? fetch;
  const url = `${options.baseUrl.replace(/\/+$/, '')}/api/v1/events`;
  return {
    async emitEvent(type, data, emit = {}) {
      const occurredAt = toIso(emit.occurredAt);
      const res = await doFetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${options.apiKey}` },
        body: JSON.stringify({ type, data, ...(emit.eventId !== undefined ? { eventId: emit.eventId } : {}), ...(occurredAt !== undefined ? { occurredAt } : {}) }),
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      });
      const body = (await res.json().catch(() => null)) as { eventId?: string; duplicate?: boolean; error?: { code: string; message: string } } | null;
      if (res.status !== 202 || !body?.eventId) {
        throw new EmitEventError(res.status, body?.error?.code ?? 'unexpected_response', body?.error?.message ?? `hub answered HTTP ${res.status}`);
      }
      return { eventId: body.eventId, duplicate: body.duplicate === true };
    },
  };
}
