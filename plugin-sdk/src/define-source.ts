import type * as v from 'valibot';
import { PLUGIN_BRAND, SDK_API_VERSION } from './api-version.ts';
import type { SourceContext } from './context.ts';
import type { EventDraft, EventTypeDefinition } from './events.ts';
import type { ObjectSchema } from './define-sink.ts';

/** An inbound HTTP request as a source sees it: raw bytes, before any parsing. */
export interface RawRequest {
  readonly method: string;
  /** Lower-cased header names. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array;
  readonly query: Readonly<Record<string, string>>;
}

export type VerifyResult = { readonly ok: true } | { readonly ok: false; readonly reason: string };

export interface SourceIngress<TSettings, TSecrets> {
  /** Check authenticity on the raw bytes (signature, token). Runs before `parse`. */
  verify(ctx: SourceContext<TSettings, TSecrets>, request: RawRequest): VerifyResult;
  /** Turn the request into zero or more events (a ping returns none). Throw to reject as 400. */
  parse(ctx: SourceContext<TSettings, TSecrets>, request: RawRequest): readonly EventDraft[];
  /** A key identifying the request, so a redelivered request is recognised (GitHub: X-GitHub-Delivery). */
  dedupeKey(request: RawRequest): string | undefined;
}

export interface SourceDefinition<S extends ObjectSchema, X extends ObjectSchema> {
  readonly id: string;
  readonly version: string;
  readonly name: string;
  readonly description?: string;
  readonly icon?: string;
  readonly settings: S;
  readonly secrets: X;
  /** The event types this source can produce. */
  readonly events: readonly EventTypeDefinition[];
  readonly ingress: SourceIngress<v.InferOutput<S>, v.InferOutput<X>>;
}

export type SourcePlugin<S extends ObjectSchema = ObjectSchema, X extends ObjectSchema = ObjectSchema> =
  SourceDefinition<S, X> & {
    readonly kind: 'source';
    readonly apiVersion: typeof SDK_API_VERSION;
    readonly [PLUGIN_BRAND]: true;
  };

/**
 * Define a source (a place events come from).
 *
 * @example
 * export default defineSource({
 *   id: 'acme', version: '1.0.0', name: 'Acme', settings: v.object({}),
 *   secrets: v.object({ token: v.string() }),
 *   events: [{ type: 'acme.ping', description: 'Ping', samplePayload: {} }],
 *   ingress: {
 *     verify: (ctx, req) => req.headers['x-token'] === ctx.secrets.token ? { ok: true } : { ok: false, reason: 'bad token' },
 *     parse: () => [{ type: 'acme.ping', data: {} }],
 *     dedupeKey: (req) => req.headers['x-request-id'],
 *   },
 * });
 */
export function defineSource<S extends ObjectSchema, X extends ObjectSchema>(
  definition: SourceDefinition<S, X>,
): SourcePlugin<S, X> {
  return Object.freeze({
    ...definition,
    kind: 'source' as const,
    apiVersion: SDK_API_VERSION,
    [PLUGIN_BRAND]: true as const,
  });
}
