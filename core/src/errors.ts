/**
 * The hub's error classes: a stable `code`, an HTTP status and optional `details`. They are
 * mapped to `{error: {code, message, details}}` in one place (`http/error-handler.ts`).
 * Messages must never contain secret values.
 */
export class HubError extends Error {
  override readonly name: string = 'HubError';
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly details?: unknown,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export class ValidationError extends HubError {
  override readonly name = 'ValidationError';
  constructor(message: string, details?: unknown, status: 400 | 422 = 422) {
    super(status === 400 ? 'bad_request' : 'validation_failed', status, message, details);
  }
}

export class UnauthenticatedError extends HubError {
  override readonly name = 'UnauthenticatedError';
  constructor(message = 'authentication required') {
    super('unauthenticated', 401, message);
  }
}

export class ForbiddenError extends HubError {
  override readonly name = 'ForbiddenError';
  constructor(message = 'not allowed') {
    super('forbidden', 403, message);
  }
}

export class NotFoundError extends HubError {
  override readonly name = 'NotFoundError';
  constructor(what: string, id: string) {
    super('not_found', 404, `${what} '${id}' not found`);
  }
}

export class ConflictError extends HubError {
  override readonly name = 'ConflictError';
  constructor(message: string, details?: unknown) {
    super('conflict', 409, message, details);
  }
}

export class RateLimitedError extends HubError {
  override readonly name = 'RateLimitedError';
  constructor(readonly retryAfterSeconds: number) {
    super('rate_limited', 429, `too many requests; retry after ${retryAfterSeconds}s`, { retryAfterSeconds });
  }
}

/** Configuration or plugin problems found at start; the process exits with the message. */
export class StartupError extends Error {
  override readonly name = 'StartupError';
}

export function isHubError(error: unknown): error is HubError {
  return (
    error instanceof Error &&
    typeof (error as Partial<HubError>).code === 'string' &&
    typeof (error as Partial<HubError>).status === 'number'
  );
}
