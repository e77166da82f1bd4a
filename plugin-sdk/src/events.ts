/**
 * An event as the hub stores and delivers it. `data` is the event's own payload; the envelope
 * sent to generic webhooks is `{event, timestamp, eventId, data}`.
 */
export interface HubEvent {
  /** Unique id (the idempotency key): the same id twice is one event. */
  readonly id: string;
  /** Dotted type from the catalog, e.g. `member.created` or `github.push`. */
  readonly type: string;
  /** Who produced it: `api`, `internal`, or a source plugin id such as `github`. */
  readonly source: string;
  readonly communityId: string;
  /** ISO 8601 time at which the event happened. */
  readonly occurredAt: string;
  readonly data: Record<string, unknown>;
}

/**
 * One entry of an event catalog, served by `GET /api/v1/event-types`.
 *
 * @example
 * { type: 'github.push', description: 'Commits pushed to a branch', samplePayload: { ref: 'refs/heads/main' } }
 */
export interface EventTypeDefinition {
  readonly type: string;
  readonly description: string;
  readonly samplePayload: Record<string, unknown>;
}

/** What a source's `parse()` returns for each event found in a request. */
export interface EventDraft {
  readonly type: string;
  readonly data: Record<string, unknown>;
  /** Stable id when the origin has one (GitHub: `X-GitHub-Delivery`), so duplicates collapse. */
  readonly eventId?: string;
  /** ISO time; defaults to the time of receipt. */
  readonly occurredAt?: string;
}
