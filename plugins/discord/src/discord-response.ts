import {
  classifyHttpResponse,
  parseRetryAfter,
  permanent,
  rateLimited,
  type DeliveryOutcome,
  type HttpResponse,
} from '@hub/plugin-sdk';

const MAX_RETRY_AFTER_MS = 60 * 60 * 1000;
/** Discord JSON error codes that mean the webhook is gone for good. */
const UNKNOWN_WEBHOOK = 10015;
const INVALID_WEBHOOK_TOKEN = 50027;

interface DiscordError {
  readonly message?: string;
  readonly code?: number;
  /** Seconds, possibly fractional. */
  readonly retryAfter?: number;
  readonly global?: boolean;
}

/**
 * Discord's answer as an outcome (DESIGN §7): 2xx ok; 429 rate limited until the later of
 * `Retry-After` and the body's `retry_after`; 404/10015 (Unknown Webhook) and 401/50027
 * (Invalid Webhook Token) permanent and disable the webhook; everything else as any HTTP
 * receiver (other 4xx permanent, 5xx retryable), with Discord's message in the reason.
 */
export function classifyDiscordResponse(res: HttpResponse, now: Date): DeliveryOutcome {
  if (res.status >= 200 && res.status < 300) return classifyHttpResponse(res, now);
  const error = parseDiscordError(res.body);
  const detail = error.message === undefined ? '' : `: ${error.message}${error.code === undefined ? '' : ` (code ${error.code})`}`;
  const extra = { status: res.status, responseBody: res.body };

  if (res.status === 429) {
    const fromHeader = parseRetryAfter(res.headers['retry-after'], now);
    const fromBody = error.retryAfter === undefined ? undefined : Math.min(Math.ceil(error.retryAfter * 1000), MAX_RETRY_AFTER_MS);
    const delays = [fromHeader, fromBody].filter((ms) => ms !== undefined);
    const retryAfterMs = delays.length === 0 ? undefined : Math.max(...delays);
    return rateLimited(`Discord HTTP 429: rate limited${error.global ? ' (global)' : ''}`, retryAfterMs, extra);
  }
  if ((res.status === 404 && error.code === UNKNOWN_WEBHOOK) || (res.status === 401 && error.code === INVALID_WEBHOOK_TOKEN)) {
    return permanent(`Discord HTTP ${res.status}${detail}: the webhook was deleted or its token is invalid`, {
      ...extra,
      disableWebhook: true,
    });
  }
  const outcome = classifyHttpResponse(res, now);
  return outcome.kind === 'failed' ? { ...outcome, reason: `Discord ${outcome.reason}${detail}` } : outcome;
}

function parseDiscordError(body: string): DiscordError {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return {};
  }
  if (typeof json !== 'object' || json === null) return {};
  const record = json as Record<string, unknown>;
  return {
    ...(typeof record['message'] === 'string' ? { message: record['message'] } : {}),
    ...(typeof record['code'] === 'number' ? { code: record['code'] } : {}),
    ...(typeof record['retry_after'] === 'number' && record['retry_after'] >= 0 ? { retryAfter: record['retry_after'] } : {}),
    ...(record['global'] === true ? { global: true } : {}),
  };
}
