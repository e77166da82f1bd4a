import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Logger } from '../observability/logger.ts';
import { isHubError, RateLimitedError } from '../errors.ts';

/** The one place errors become HTTP: `{error: {code, message, details}}`. */
export function createErrorHandler(logger: Logger) {
  return (error: Error, c: Context): Response => {
    if (isHubError(error)) {
      if (error instanceof RateLimitedError) c.header('Retry-After', String(error.retryAfterSeconds));
      return c.json({ error: { code: error.code, message: error.message, details: error.details ?? null } }, error.status as 400);
    }
    if (error.name === 'InvalidCursorError') {
      return c.json({ error: { code: 'invalid_cursor', message: 'cursor is not valid; start again without it', details: null } }, 400);
    }
    if (error.name === 'DuplicateKeyError') {
      return c.json({ error: { code: 'conflict', message: error.message, details: null } }, 409);
    }
    if (error instanceof HTTPException) {
      const status = error.status;
      const code = status === 413 ? 'payload_too_large' : status === 400 ? 'bad_request' : 'http_error';
      const message = status === 413 ? 'request body is too large' : error.message || 'bad request';
      return c.json({ error: { code, message, details: null } }, status);
    }
    logger.error({ err: { name: error.name, message: error.message, stack: error.stack }, path: c.req.path }, 'unhandled error');
    return c.json({ error: { code: 'internal', message: 'internal error; see the hub logs', details: null } }, 500);
  };
}

export function notFoundHandler(c: Context): Response {
  return c.json({ error: { code: 'not_found', message: `no route for ${c.req.method} ${c.req.path}`, details: null } }, 404);
}
