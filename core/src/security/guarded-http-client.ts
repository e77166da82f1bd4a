import { HttpRequestError, isHttpRequestError, type HttpClient, type HttpRequest, type HttpResponse } from '@hub/plugin-sdk';
import { Agent, request as undiciRequest, type Dispatcher } from 'undici';
import type { AddressPolicy } from './address-policy.ts';
import { createGuardedConnector } from './guarded-connector.ts';
import { resolveWithSystemDns, type ResolveHost } from './resolve-host.ts';

export const USER_AGENT = 'webhook-event-hub/0.1';

export interface GuardedHttpClientOptions {
  readonly policy: AddressPolicy;
  /** The ranges `policy` exempts (`HUB_ALLOW_PRIVATE_TARGETS`); plain `http:` is allowed only to them. */
  readonly allowCidrs?: readonly string[];
  /** Per request, from the first byte sent to the last byte read. @defaultValue 10000 */
  readonly timeoutMs?: number;
  /** The response body is cut here and the rest discarded. @defaultValue 4096 */
  readonly bodyLimitBytes?: number;
  /** @defaultValue the system resolver (`dns.promises.lookup`, all addresses) */
  readonly lookup?: ResolveHost;
}

/** The SDK `HttpClient`, plus `close()` to release pooled connections at shutdown. */
export interface GuardedHttpClient extends HttpClient {
  close(): Promise<void>;
}

/**
 * The SSRF-guarded client every plugin receives (DESIGN §8): each resolved address is checked
 * and the socket is pinned to it, redirects come back as responses, each request has a timeout,
 * and at most `bodyLimitBytes` of the answer are read. Failures throw `HttpRequestError`, whose
 * message names the host and the reason but never the request's headers or body.
 *
 * @example
 * const http = createGuardedHttpClient({ policy, allowCidrs: config.allowPrivateTargets });
 * const res = await http.request({ url, headers, body });
 */
export function createGuardedHttpClient(options: GuardedHttpClientOptions): GuardedHttpClient {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const bodyLimitBytes = options.bodyLimitBytes ?? 4096;
  const agent = new Agent({
    connect: createGuardedConnector({
      policy: options.policy,
      allowCidrs: options.allowCidrs ?? [],
      lookup: options.lookup ?? resolveWithSystemDns,
      connectTimeoutMs: timeoutMs,
    }),
  });

  return {
    async request(req: HttpRequest): Promise<HttpResponse> {
      const url = parseTargetUrl(req.url);
      const started = performance.now();
      const timeout = AbortSignal.timeout(req.timeoutMs ?? timeoutMs);
      const signal = req.signal === undefined ? timeout : AbortSignal.any([req.signal, timeout]);
      try {
        // undici's request() never follows redirects (that takes an interceptor), so a 3xx is
        // returned like any other status.
        const response = await undiciRequest(url, {
          dispatcher: agent,
          method: req.method ?? 'POST',
          headers: { 'user-agent': USER_AGENT, ...lowerCaseKeys(req.headers ?? {}) },
          body: req.body ?? null,
          signal,
        });
        const { text, truncated } = await readLimited(response.body, bodyLimitBytes);
        return {
          status: response.statusCode,
          headers: flattenHeaders(response.headers),
          body: text,
          bodyTruncated: truncated,
          durationMs: Math.round(performance.now() - started),
        };
      } catch (error) {
        throw toHttpRequestError(error, { url, signal, timeout, timeoutMs: req.timeoutMs ?? timeoutMs });
      }
    },
    close: () => agent.close(),
  };
}

function parseTargetUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch (error) {
    throw new HttpRequestError('INVALID_URL', 'not a valid absolute URL', { cause: error });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new HttpRequestError('INVALID_URL', `${url.protocol} URLs are not supported`);
  }
  if (url.username !== '' || url.password !== '') {
    throw new HttpRequestError('INVALID_URL', 'URLs with credentials are not allowed');
  }
  return url;
}

/** So that a caller's `User-Agent` replaces ours instead of being sent next to it. */
function lowerCaseKeys(headers: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}

async function readLimited(body: Dispatcher.ResponseData['body'], limit: number): Promise<{ text: string; truncated: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  let truncated = false;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    const room = limit - size;
    if (chunk.length > room) {
      chunks.push(chunk.subarray(0, room));
      size += room;
      truncated = true;
      // Leaving the loop destroys the stream, which drops the socket instead of downloading the rest.
      break;
    }
    chunks.push(chunk);
    size += chunk.length;
  }
  // `stream: true` holds back a multi-byte character cut in half at the limit instead of
  // turning it into U+FFFD.
  const text = new TextDecoder().decode(Buffer.concat(chunks, size), { stream: truncated });
  return { text, truncated };
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

interface FailureContext {
  readonly url: URL;
  readonly signal: AbortSignal;
  readonly timeout: AbortSignal;
  readonly timeoutMs: number;
}

const TIMEOUT_CODES = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT']);

/** Messages name the host and the failure only: never headers or body, which may hold secrets. */
function toHttpRequestError(error: unknown, context: FailureContext): HttpRequestError {
  if (isHttpRequestError(error)) return error;
  const host = context.url.host;
  if (context.signal.aborted) {
    return context.signal.reason === context.timeout.reason
      ? new HttpRequestError('TIMEOUT', `no complete answer from ${host} within ${context.timeoutMs} ms`, { cause: error })
      : new HttpRequestError('ABORTED', `request to ${host} was aborted`, { cause: error });
  }
  const code = typeof (error as { code?: unknown }).code === 'string' ? (error as { code: string }).code : undefined;
  if (code !== undefined && TIMEOUT_CODES.has(code)) {
    return new HttpRequestError('TIMEOUT', `request to ${host} timed out (${code})`, { cause: error });
  }
  if (code === 'UND_ERR_INVALID_ARG') {
    return new HttpRequestError('INVALID_URL', `request to ${host} is malformed: ${(error as Error).message}`, { cause: error });
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new HttpRequestError('NETWORK', `request to ${host} failed: ${code === undefined ? detail : `${code} ${detail}`}`, { cause: error });
}
