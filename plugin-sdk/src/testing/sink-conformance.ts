import * as v from 'valibot';
import type { ObjectSchema, SinkPlugin } from '../define-sink.ts';
import type { HubEvent } from '../events.ts';
import { HttpRequestError, type HttpErrorCode } from '../http.ts';
import { isBrandedPlugin } from '../is-plugin.ts';
import type { DeliveryOutcome, FailureClass } from '../outcome.ts';
import { secretStrings } from '../redact.ts';
import { createDeliverInput } from './deliver-input.ts';
import type { StubResponse, StubStep } from './http-stub.ts';
import { createTestSinkContext } from './test-context.ts';

/** The outcome a case must produce. Fields left out are not checked. */
export type ExpectedOutcome =
  | { readonly kind: 'ok' }
  | {
      readonly kind: 'failed';
      readonly class: FailureClass;
      readonly disableWebhook?: boolean;
      readonly retryAfterMs?: number;
    };

/** One scenario: what the receiver does, and what the sink must report. */
export interface ConformanceCase {
  readonly name: string;
  readonly respond: StubStep;
  readonly expect: ExpectedOutcome;
}

/** A status whose meaning differs for this sink: another expectation and/or another answer body. */
export interface StatusOverride {
  readonly expect?: ExpectedOutcome;
  readonly body?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/** The subset of a test framework's `expect` the suite uses (vitest's and jest's fit). */
export type ConformanceExpect = (actual: unknown, message?: string) => {
  toBe(expected: unknown): void;
  toEqual(expected: unknown): void;
};

export interface SinkConformanceOptions<S extends ObjectSchema, X extends ObjectSchema> {
  /** Settings input, validated with the plugin's schema as core would. */
  readonly settings: v.InferInput<S>;
  /** Secrets input; every string in it must stay out of logs and outcomes. */
  readonly secrets: v.InferInput<X>;
  /** The webhook URL for sinks with `requiresUrl`. @defaultValue 'https://receiver.example.com/hook' */
  readonly webhookUrl?: string;
  readonly describe: (name: string, body: () => void) => unknown;
  readonly it: (name: string, body: () => Promise<void>) => unknown;
  readonly expect: ConformanceExpect;
  /** Per-status changes to the default cases, e.g. Slack: `{ 404: { expect: { kind: 'failed', class: 'permanent', disableWebhook: true } } }`. */
  readonly overrides?: Readonly<Record<number, StatusOverride>>;
  /** Sink-specific cases run in addition to the defaults (and in the secrets check). */
  readonly extraCases?: readonly ConformanceCase[];
  /** The event delivered in every case. */
  readonly event?: Partial<HubEvent>;
}

const DEFAULT_URL = 'https://receiver.example.com/hook';

/**
 * The behaviour every sink must have (DESIGN §4, §7), as a test suite that works with any
 * framework: 2xx ok; 404 permanent; 410 permanent and disables the webhook; 429 rateLimited
 * honouring Retry-After; 500/503, network errors and timeouts retryable; secret values never in
 * a log record or an outcome; the attempt's abort signal reaches the request and an
 * already-aborted attempt sends nothing. Transport errors in the suite quote the request URL,
 * as real ones do, so a sink whose URL is a secret must redact reasons.
 *
 * @example
 * import { describe, expect, it } from 'vitest';
 * runSinkConformance(discord, {
 *   settings: {}, secrets: { webhookUrl: 'https://discord.com/api/webhooks/1/abc' }, describe, it, expect,
 *   extraCases: [{ name: '404 Unknown Webhook', respond: { status: 404, body: '{"code":10015}' },
 *     expect: { kind: 'failed', class: 'permanent', disableWebhook: true } }],
 * });
 */
export function runSinkConformance<S extends ObjectSchema, X extends ObjectSchema>(
  plugin: SinkPlugin<S, X>,
  options: SinkConformanceOptions<S, X>,
): void {
  const { describe, it, expect } = options;
  const cases = [...statusCases(options.overrides ?? {}), ...transportCases(), ...(options.extraCases ?? [])];
  const url = plugin.requiresUrl ? (options.webhookUrl ?? DEFAULT_URL) : null;
  const secrets = secretStrings(options.secrets).flatMap(withUrlTokens);

  const run = async (respond: StubStep, signal?: AbortSignal) => {
    const ctx = createTestSinkContext({
      settings: v.parse(plugin.settings, options.settings),
      secrets: v.parse(plugin.secrets, options.secrets),
      http: [respond],
      ...(signal ? { signal } : {}),
    });
    const outcome = await plugin.deliver(ctx, createDeliverInput({ url, event: options.event }));
    return { ctx, outcome };
  };

  describe(`${plugin.id} sink conformance`, () => {
    it('is a branded sink whose schemas accept the given settings and secrets', async () => {
      expect(isBrandedPlugin(plugin), 'plugin carries the SDK brand').toBe(true);
      expect(plugin.kind).toBe('sink');
      expect(v.safeParse(plugin.settings, options.settings).issues, 'settings issues').toEqual(undefined);
      expect(v.safeParse(plugin.secrets, options.secrets).issues, 'secrets issues').toEqual(undefined);
    });

    for (const c of cases) {
      it(`${c.name} -> ${describeExpected(c.expect)}`, async () => {
        const { ctx, outcome } = await run(c.respond);
        expect(ctx.http.requests.length, 'HTTP requests made in one attempt').toBe(1);
        expect(project(outcome, c.expect), `outcome of "${c.name}" (${reasonOf(outcome)})`).toEqual(c.expect);
      });
    }

    if (url !== null) {
      it('posts to the webhook URL', async () => {
        const { ctx } = await run(200);
        expect(ctx.http.requests[0]?.url).toBe(url);
      });
    }

    it('never puts secret values in log records or outcomes', async () => {
      const leaks: string[] = [];
      for (const c of cases) {
        const { ctx, outcome } = await run(c.respond);
        const logged = ctx.logger.text();
        const reported = JSON.stringify(outcome);
        for (const secret of secrets) {
          if (logged.includes(secret)) leaks.push(`"${c.name}": a secret value appears in a log record`);
          if (reported.includes(secret)) leaks.push(`"${c.name}": a secret value appears in the outcome`);
        }
      }
      expect(leaks, 'secret leaks').toEqual([]);
    });

    it('hands the attempt signal to the request', async () => {
      const controller = new AbortController();
      let seenAborted: boolean | undefined;
      await run((request) => {
        controller.abort();
        seenAborted = request.signal?.aborted;
        return 200;
      }, controller.signal);
      expect(seenAborted, 'request signal aborted once the attempt signal is').toBe(true);
    });

    it('sends nothing (or an aborted request) when the attempt is already aborted', async () => {
      const controller = new AbortController();
      controller.abort();
      const { ctx, outcome } = await run(200, controller.signal);
      const live = ctx.http.requests.filter((request) => request.signal?.aborted !== true);
      expect(live.length, 'requests sent without the aborted signal').toBe(0);
      expect(project(outcome, { kind: 'failed', class: 'retryable' }), reasonOf(outcome)).toEqual({ kind: 'failed', class: 'retryable' });
    });
  });
}

function statusCases(overrides: Readonly<Record<number, StatusOverride>>): ConformanceCase[] {
  const defaults: { status: number; headers?: Record<string, string>; body?: string; expect: ExpectedOutcome }[] = [
    { status: 200, body: '{}', expect: { kind: 'ok' } },
    { status: 204, expect: { kind: 'ok' } },
    { status: 404, body: '{"message":"Not Found"}', expect: { kind: 'failed', class: 'permanent' } },
    { status: 410, expect: { kind: 'failed', class: 'permanent', disableWebhook: true } },
    { status: 429, headers: { 'Retry-After': '7' }, expect: { kind: 'failed', class: 'rateLimited', retryAfterMs: 7000 } },
    { status: 500, expect: { kind: 'failed', class: 'retryable' } },
    { status: 503, expect: { kind: 'failed', class: 'retryable' } },
  ];
  return defaults.map((d) => {
    const o = overrides[d.status] ?? {};
    const headers = o.headers ?? d.headers;
    const body = o.body ?? d.body;
    const respond: StubResponse = { status: d.status, ...(headers ? { headers } : {}), ...(body === undefined ? {} : { body }) };
    return { name: `HTTP ${d.status}`, respond, expect: o.expect ?? d.expect };
  });
}

function transportCases(): ConformanceCase[] {
  const fail = (code: HttpErrorCode, what: string): ConformanceCase => ({
    name: `${code} error`,
    respond: (request) => new HttpRequestError(code, `${what} while sending to ${request.url}`),
    expect: { kind: 'failed', class: 'retryable' },
  });
  return [fail('NETWORK', 'connect ECONNREFUSED'), fail('TIMEOUT', 'no answer within 10000 ms')];
}

/** Keep only the fields the expectation names, so extra detail (reason, status) does not fail it. */
function project(outcome: DeliveryOutcome, expected: ExpectedOutcome): Record<string, unknown> {
  if (outcome.kind === 'ok' || expected.kind === 'ok') {
    return outcome.kind === 'ok' ? { kind: 'ok' } : { kind: 'failed', class: outcome.class };
  }
  return {
    kind: outcome.kind,
    class: outcome.class,
    ...('disableWebhook' in expected ? { disableWebhook: outcome.disableWebhook === true } : {}),
    ...('retryAfterMs' in expected ? { retryAfterMs: outcome.retryAfterMs } : {}),
  };
}

function reasonOf(outcome: DeliveryOutcome): string {
  return outcome.kind === 'ok' ? `ok ${outcome.status}` : `reason: ${outcome.reason}`;
}

function describeExpected(expected: ExpectedOutcome): string {
  if (expected.kind === 'ok') return 'ok';
  const extras = [
    expected.disableWebhook ? 'disables the webhook' : '',
    expected.retryAfterMs === undefined ? '' : `retry after ${expected.retryAfterMs} ms`,
  ].filter(Boolean);
  return [expected.class, ...extras].join(', ');
}

/**
 * A URL-shaped secret (a Discord or Slack webhook URL) is also leaked when only its token is:
 * check every long path segment too.
 */
function withUrlTokens(secret: string): string[] {
  if (!/^https?:\/\//.test(secret)) return [secret];
  try {
    const segments = new URL(secret).pathname.split('/').filter((segment) => segment.length >= 16);
    return [secret, ...segments];
  } catch {
    return [secret];
  }
}
