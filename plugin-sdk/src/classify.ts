import type { HttpResponse } from './http.ts';
import { isHttpRequestError } from './http.ts';
import { ok, permanent, rateLimited, retryable, type DeliveryOutcome } from './outcome.ts';

const MAX_RETRY_AFTER_MS = 60 * 60 * 1000;

/**
 * Parse a `Retry-After` header (seconds or an HTTP date) into milliseconds from `now`.
 * Returns undefined when absent or unparseable; caps at one hour.
 */
export function parseRetryAfter(value: string | undefined, now: Date = new Date()): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const trimmed = value.trim();
  let ms: number;
  if (/^\d+(\.\d+)?$/.test(trimmed)) {
    ms = Math.round(Number(trimmed) * 1000);
  } else {
    const at = Date.parse(trimmed);
    if (Number.isNaN(at)) return undefined;
    ms = at - now.getTime();
  }
  return Math.min(Math.max(ms, 0), MAX_RETRY_AFTER_MS);
}

/**
 * The default mapping of an HTTP answer onto an outcome (DESIGN §7): 2xx ok; 3xx permanent
 * (redirects are never followed); 410 permanent and disables the webhook; 408/425/429/5xx
 * retryable (429 as rateLimited with Retry-After); other 4xx permanent for this delivery.
 *
 * @example
 * const res = await ctx.http.request({ url, body });
 * return classifyHttpResponse(res, ctx.now());
 */
export function classifyHttpResponse(res: HttpResponse, now: Date = new Date()): DeliveryOutcome {
  const { status, body: responseBody } = res;
  const statusLine = `HTTP ${status}`;
  if (status >= 200 && status < 300) return ok(status, responseBody);
  if (status >= 300 && status < 400) {
    const location = res.headers['location'];
    return permanent(`${statusLine}: redirect not followed${location ? ` (to ${location})` : ''}`, { status, responseBody });
  }
  if (status === 410) return permanent(`${statusLine}: endpoint gone`, { status, responseBody, disableWebhook: true });
  if (status === 429) return rateLimited(`${statusLine}: rate limited`, parseRetryAfter(res.headers['retry-after'], now), { status, responseBody });
  const retryAfterMs = parseRetryAfter(res.headers['retry-after'], now);
  if (status === 408 || status === 425 || status >= 500) {
    return retryable(statusLine, { status, responseBody, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) });
  }
  return permanent(statusLine, { status, responseBody });
}

/**
 * Map an error thrown by `ctx.http.request` onto an outcome: timeouts and network errors are
 * retryable; a blocked address or an invalid URL is permanent. Other errors are rethrown.
 */
export function classifyHttpError(error: unknown): DeliveryOutcome {
  if (!isHttpRequestError(error)) throw error;
  switch (error.code) {
    case 'TIMEOUT':
    case 'NETWORK':
    case 'DNS':
    case 'ABORTED':
      return retryable(`${error.code.toLowerCase()}: ${error.message}`);
    case 'BLOCKED_ADDRESS':
    case 'INVALID_URL':
      return permanent(`${error.code.toLowerCase()}: ${error.message}`);
  }
}
