import type * as v from 'valibot';
import { PLUGIN_BRAND, SDK_API_VERSION } from './api-version.ts';
import type { SinkContext } from './context.ts';
import type { HubEvent } from './events.ts';
import type { DeliveryOutcome } from './outcome.ts';
import type { TemplateDefinition } from './template.ts';

/** Any valibot object schema used for settings or secrets. */
export type ObjectSchema = v.ObjectSchema<v.ObjectEntries, v.ErrorMessage<v.ObjectIssue> | undefined>;

/** What a sink gets to deliver for one attempt. */
export interface DeliverInput {
  readonly event: HubEvent;
  readonly webhook: {
    readonly id: string;
    readonly name: string;
    readonly communityId: string;
    /** The target URL, for sinks with `requiresUrl` (generic-http). */
    readonly url: string | null;
  };
  /**
   * The stored envelope `{"event","timestamp","eventId","data"}` as the exact bytes to send and
   * sign. Never re-serialise it.
   */
  readonly body: string;
}

export interface SinkDefinition<S extends ObjectSchema, X extends ObjectSchema> {
  /** Unique, kebab-case: `generic-http`, `discord`. The webhook's `connector`. */
  readonly id: string;
  readonly version: string;
  readonly name: string;
  readonly description?: string;
  /** An emoji or a short icon name shown in the dashboard. */
  readonly icon?: string;
  /** Whether a webhook using this sink needs a `url` (validated against SSRF on save). */
  readonly requiresUrl: boolean;
  readonly settings: S;
  /** Write-only fields, encrypted at rest, never returned by the API. */
  readonly secrets: X;
  /** Editable message templates with their defaults. */
  readonly templates?: readonly TemplateDefinition[];
  deliver(ctx: SinkContext<v.InferOutput<S>, v.InferOutput<X>>, input: DeliverInput): Promise<DeliveryOutcome>;
}

export type SinkPlugin<S extends ObjectSchema = ObjectSchema, X extends ObjectSchema = ObjectSchema> =
  SinkDefinition<S, X> & {
    readonly kind: 'sink';
    readonly apiVersion: typeof SDK_API_VERSION;
    readonly [PLUGIN_BRAND]: true;
  };

/**
 * Define a sink (a place events are delivered to).
 *
 * @example
 * export default defineSink({
 *   id: 'echo', version: '1.0.0', name: 'Echo', requiresUrl: true,
 *   settings: v.object({}), secrets: v.object({}),
 *   async deliver(ctx, input) {
 *     const res = await ctx.http.request({ url: input.webhook.url!, body: input.body, signal: ctx.signal });
 *     return classifyHttpResponse(res);
 *   },
 * });
 */
export function defineSink<S extends ObjectSchema, X extends ObjectSchema>(
  definition: SinkDefinition<S, X>,
): SinkPlugin<S, X> {
  return Object.freeze({
    ...definition,
    kind: 'sink' as const,
    apiVersion: SDK_API_VERSION,
    [PLUGIN_BRAND]: true as const,
  });
}
