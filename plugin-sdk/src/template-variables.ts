import type { DeliverInput } from './define-sink.ts';

/**
 * What a message template can use: `event` (id, type, source, communityId, occurredAt),
 * `data` (the event's payload, the same as `event.data`) and `webhook` (id, name, communityId;
 * never the URL, which may be a secret). Sinks and the dashboard's template preview both use
 * this, so a template renders the same everywhere.
 *
 * @example
 * ctx.templates.render('🚀 {{data.title}} ({{event.type}})', templateVariables(input));
 */
export interface TemplateVariables {
  readonly event: {
    readonly id: string;
    readonly type: string;
    readonly source: string;
    readonly communityId: string;
    readonly occurredAt: string;
  };
  readonly data: Record<string, unknown>;
  readonly webhook: { readonly id: string; readonly name: string; readonly communityId: string };
  readonly [key: string]: unknown;
}

/** Build the {@link TemplateVariables} of one delivery. */
export function templateVariables(input: Pick<DeliverInput, 'event' | 'webhook'>): TemplateVariables {
  const { event, webhook } = input;
  return {
    event: {
      id: event.id,
      type: event.type,
      source: event.source,
      communityId: event.communityId,
      occurredAt: event.occurredAt,
    },
    data: event.data,
    webhook: { id: webhook.id, name: webhook.name, communityId: webhook.communityId },
  };
}
