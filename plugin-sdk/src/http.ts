/**
 * The outbound HTTP client a plugin receives in its context. Core's implementation is
 * SSRF-guarded: every resolved address is checked, the socket is pinned to the checked address,
 * redirects are never followed (a 3xx comes back as a response) and each request has a timeout.
 * Plugins must make every outbound request through it.
 */
export interface HttpClient {
  request(request: HttpRequest): Promise<HttpResponse>;
}

export interface HttpRequest {
  readonly url: string;
  /** @defaultValue 'POST' */
  readonly method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly headers?: Readonly<Record<string, string>>;
  /** Sent as is: the exact bytes that were signed. */
  readonly body?: string | Uint8Array;
  /** @defaultValue the hub's per-attempt timeout (10 s) */
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
}

export interface HttpResponse {
  readonly status: number;
  /** Lower-cased header names. */
  readonly headers: Readonly<Record<string, string>>;
  /** The body as text, cut at `bodyLimit` bytes (4 KB by default). */
  readonly body: string;
  readonly bodyTruncated: boolean;
  readonly durationMs: number;
}

/**
 * Transport-level failures the client throws (a response with any status is not an error).
 * Recognise it by `name === 'HttpRequestError'`, never `instanceof`.
 */
export type HttpErrorCode =
  | 'TIMEOUT'
  | 'ABORTED'
  | 'NETWORK'
  | 'DNS'
  | 'BLOCKED_ADDRESS'
  | 'INVALID_URL';

export class HttpRequestError extends Error {
  override readonly name = 'HttpRequestError';
  readonly code: HttpErrorCode;
  constructor(code: HttpErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

export function isHttpRequestError(error: unknown): error is HttpRequestError {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { name?: unknown }).name === 'HttpRequestError' &&
    typeof (error as { code?: unknown }).code === 'string'
  );
}
