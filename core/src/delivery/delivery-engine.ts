import {
  classifyHttpError,
  isHttpRequestError,
  retryable,
  type DeliveryOutcome,
  type HttpClient,
  type HttpRequest,
  type SinkPlugin,
  type TemplateRenderer,
} from '@hub/plugin-sdk';
import * as v from 'valibot';
import type { Clock } from '../clock.ts';
import type { EventBus } from '../events/event-bus.ts';
import { newId } from '../ids.ts';
import type { Logger } from '../observability/logger.ts';
import type { PluginRegistry } from '../plugins/plugin-registry.ts';
import { createPluginLogger } from '../plugins/plugin-logger.ts';
import { redactHeaders } from '../security/redact-headers.ts';
import type { SecretBox } from '../security/secret-box.ts';
import { createPayloadSigner } from '../security/signing.ts';
import type { AttemptTrigger, Delivery, DeliveryAttempt, DeliveryPatch, Store, StoredEvent, Webhook } from '../store/ports.ts';
import type { EndpointHealth } from './endpoint-health.ts';
import { nextAttemptDelay } from './retry-policy.ts';

const RESPONSE_BODY_LIMIT = 4096;

export interface DeliveryEngineDeps {
  readonly store: Store;
  readonly plugins: PluginRegistry;
  readonly secretBox: SecretBox;
  readonly templates: TemplateRenderer;
  readonly http: HttpClient;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly bus: EventBus;
  readonly health: EndpointHealth;
  readonly retrySchedule: readonly number[];
  readonly timeoutMs: number;
  readonly random?: () => number;
}

export type AttemptResult =
  | { readonly kind: 'attempted'; readonly delivery: Delivery; readonly attempt: DeliveryAttempt; readonly nextDelayMs: number | null }
  /** Nothing was sent: already finished, stale job, or the webhook is disabled (paused). */
  | { readonly kind: 'skipped'; readonly reason: 'finished' | 'stale' | 'paused' | 'missing' };

/**
 * One delivery attempt from start to finish: load, render and send through the sink plugin,
 * record the attempt, move the delivery to its next status (compare-and-set, so a finished
 * delivery is never sent again) and apply endpoint health. Shared by the queue worker, the
 * "send test" button and manual retries.
 */
export class DeliveryEngine {
  constructor(private readonly deps: DeliveryEngineDeps) {}

  async attempt(deliveryId: string, options: { trigger: AttemptTrigger; expectedAttempts?: number; signal?: AbortSignal }): Promise<AttemptResult> {
    const { store, clock } = this.deps;
    const delivery = await store.deliveries.get(deliveryId);
    if (!delivery) return { kind: 'skipped', reason: 'missing' };
    if (delivery.status === 'succeeded' || delivery.status === 'dead') return { kind: 'skipped', reason: 'finished' };
    if (options.expectedAttempts !== undefined && delivery.attempts !== options.expectedAttempts) return { kind: 'skipped', reason: 'stale' };

    const [webhook, event] = await Promise.all([store.webhooks.get(delivery.webhookId), store.events.get(delivery.eventId)]);
    if (!webhook || !event) {
      const updated = await this.finishWithoutSending(delivery, webhook ? 'event no longer stored' : 'webhook was deleted');
      return updated ? { kind: 'skipped', reason: 'missing' } : { kind: 'skipped', reason: 'stale' };
    }
    if (!webhook.active && options.trigger !== 'test') {
      // Paused: it waits, untouched, until the webhook is enabled again (see resumeWebhook).
      await store.deliveries.transition(delivery.id, ['pending', 'retrying'], { nextAttemptAt: null, updatedAt: clock.now().toISOString() });
      return { kind: 'skipped', reason: 'paused' };
    }

    const number = delivery.attempts + 1;
    const startedAt = clock.now();
    const started = performance.now();
    const recorded: { request?: HttpRequest } = {};
    const outcome = await this.send({ delivery, webhook, event, number, recorded, ...(options.signal ? { signal: options.signal } : {}) });
    const durationMs = Math.round(performance.now() - started);

    const isTest = options.trigger === 'test';
    let nextDelayMs: number | null = null;
    let status: Delivery['status'] = 'succeeded';
    if (outcome.kind === 'failed') {
      nextDelayMs =
        outcome.class === 'permanent' || isTest
          ? null
          : nextAttemptDelay({
              schedule: webhook.retrySchedule ?? this.deps.retrySchedule,
              attemptsMade: number,
              ...(outcome.retryAfterMs !== undefined ? { retryAfterMs: outcome.retryAfterMs } : {}),
              ...(this.deps.random ? { random: this.deps.random } : {}),
            });
      status = nextDelayMs === null ? 'dead' : 'retrying';
    }
    const now = clock.now();
    const nextAttemptAt = nextDelayMs === null ? null : new Date(now.getTime() + nextDelayMs).toISOString();
    const attempt: DeliveryAttempt = {
      id: newId('att'),
      deliveryId: delivery.id,
      number,
      trigger: options.trigger,
      startedAt: startedAt.toISOString(),
      durationMs,
      requestHeaders: recorded.request?.headers ? redactHeaders(recorded.request.headers) : {},
      responseCode: outcome.kind === 'ok' ? outcome.status : (outcome.status ?? null),
      responseBody: truncate(outcome.kind === 'ok' ? outcome.responseBody : outcome.responseBody),
      success: outcome.kind === 'ok',
      errorClass: outcome.kind === 'ok' ? null : outcome.class,
      errorMessage: outcome.kind === 'ok' ? null : outcome.reason,
      nextAttemptAt,
    };
    try {
      await store.deliveries.addAttempt(attempt);
    } catch (error) {
      // Another worker recorded this attempt number first: it owns the delivery's next step.
      if ((error as Error).name === 'DuplicateKeyError') return { kind: 'skipped', reason: 'stale' };
      throw error;
    }
    const patch: DeliveryPatch = {
      status,
      attempts: number,
      nextAttemptAt,
      lastResponseCode: attempt.responseCode,
      lastError: attempt.errorMessage,
      updatedAt: now.toISOString(),
      completedAt: status === 'succeeded' || status === 'dead' ? now.toISOString() : null,
    };
    const updated = await store.deliveries.transition(delivery.id, ['pending', 'retrying'], patch);
    if (!updated) return { kind: 'skipped', reason: 'stale' };

    this.deps.logger.info(
      { deliveryId: delivery.id, eventId: delivery.eventId, webhookId: webhook.id, attempt: number, status, code: attempt.responseCode, ms: durationMs, error: attempt.errorMessage },
      'delivery attempt',
    );
    await this.deps.bus.publish({ kind: 'delivery.updated', delivery: updated, attempt });
    if (!isTest) {
      if (status === 'succeeded') await this.deps.health.recordSuccess(webhook);
      if (status === 'dead') await this.deps.health.recordDead(webhook, updated, outcome.kind === 'failed' && outcome.disableWebhook ? outcome.reason : undefined);
    }
    return { kind: 'attempted', delivery: updated, attempt, nextDelayMs };
  }

  private async send(input: {
    delivery: Delivery;
    webhook: Webhook;
    event: StoredEvent;
    number: number;
    recorded: { request?: HttpRequest };
    signal?: AbortSignal;
  }): Promise<DeliveryOutcome> {
    const { delivery, webhook, event, number, recorded } = input;
    const plugin: SinkPlugin | undefined = this.deps.plugins.sink(webhook.connector);
    if (!plugin) return { kind: 'failed', class: 'retryable', reason: `connector '${webhook.connector}' is not loaded in this hub` };
    const now = this.deps.clock.now().toISOString();
    let settings: unknown;
    let secrets: Record<string, unknown>;
    let signingSecrets: string[];
    try {
      settings = v.parse(plugin.settings, webhook.settings);
      const opened = webhook.pluginSecretsCiphertext === null ? {} : (JSON.parse(this.deps.secretBox.open(webhook.pluginSecretsCiphertext)) as Record<string, unknown>);
      secrets = v.parse(plugin.secrets, opened) as Record<string, unknown>;
      signingSecrets = webhook.secrets.filter((secret) => secret.expiresAt === null || secret.expiresAt > now).map((secret) => this.deps.secretBox.open(secret.ciphertext));
    } catch {
      return { kind: 'failed', class: 'permanent', reason: `webhook configuration no longer valid for connector '${plugin.id}'; edit the webhook` };
    }
    const secretValues = Object.values(secrets).filter((value): value is string => typeof value === 'string' && value.length > 0);
    const timeout = AbortSignal.timeout(this.deps.timeoutMs);
    const signal = input.signal ? AbortSignal.any([timeout, input.signal]) : timeout;
    const http: HttpClient = {
      request: (request) => {
        recorded.request = request;
        return this.deps.http.request({ ...request, signal: request.signal ? AbortSignal.any([request.signal, signal]) : signal });
      },
    };
    try {
      return await plugin.deliver(
        {
          settings: settings as never,
          secrets: secrets as never,
          logger: createPluginLogger(this.deps.logger, { plugin: plugin.id, deliveryId: delivery.id }, secretValues),
          http,
          templates: this.deps.templates,
          now: () => this.deps.clock.now(),
          deliveryId: delivery.id,
          attempt: number,
          signal,
          signer: createPayloadSigner(signingSecrets, this.deps.clock),
        },
        {
          event: { id: event.id, type: event.type, source: event.source, communityId: event.communityId, occurredAt: event.occurredAt, data: parseData(event.payload) },
          webhook: { id: webhook.id, name: webhook.name, communityId: webhook.communityId, url: webhook.url },
          body: event.payload,
        },
      );
    } catch (error) {
      if (isHttpRequestError(error)) return classifyHttpError(error);
      const message = redact((error as Error)?.message ?? String(error), secretValues);
      return retryable(`connector '${plugin.id}' failed: ${message}`);
    }
  }

  private async finishWithoutSending(delivery: Delivery, reason: string): Promise<Delivery | null> {
    const now = this.deps.clock.now().toISOString();
    return this.deps.store.deliveries.transition(delivery.id, ['pending', 'retrying'], { status: 'dead', lastError: reason, nextAttemptAt: null, updatedAt: now, completedAt: now });
  }
}

function parseData(payload: string): Record<string, unknown> {
  return (JSON.parse(payload) as { data: Record<string, unknown> }).data;
}

function truncate(text: string | undefined): string | null {
  if (text === undefined) return null;
  return Buffer.byteLength(text) <= RESPONSE_BODY_LIMIT ? text : Buffer.from(text).subarray(0, RESPONSE_BODY_LIMIT).toString('utf8');
}

function redact(text: string, secrets: readonly string[]): string {
  return secrets.reduce((out, secret) => out.split(secret).join('[redacted]'), text);
}
