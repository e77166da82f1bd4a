import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { ForbiddenError, UnauthenticatedError } from '../errors.ts';
import type { Hub } from '../hub.ts';
import type { AppEnv } from './app-env.ts';

export const SESSION_COOKIE = 'hub_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Who is calling: `Authorization: Bearer hub_...` (an API key) or the session cookie. Mutating
 * cookie requests must echo the session's CSRF token in `X-CSRF-Token`; bearer requests carry no
 * ambient authority, so they need none.
 */
export function authenticate(hub: Pick<Hub, 'apiKeys' | 'sessions'>): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const authorization = c.req.header('authorization');
    if (authorization !== undefined) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization);
      if (!match) throw new UnauthenticatedError('Authorization must be "Bearer <api key>"');
      const key = await hub.apiKeys.authenticate(match[1]!);
      if (!key) throw new UnauthenticatedError('invalid or revoked API key');
      c.set('principal', { kind: 'apiKey', key });
      return next();
    }
    const token = getCookie(c, SESSION_COOKIE);
    if (token === undefined) throw new UnauthenticatedError('sign in or send an API key as "Authorization: Bearer <key>"');
    const resolved = await hub.sessions.resolve(token);
    if (!resolved) throw new UnauthenticatedError('session expired; sign in again');
    if (!SAFE_METHODS.has(c.req.method) && c.req.header('x-csrf-token') !== resolved.session.csrfToken) {
      throw new ForbiddenError('missing or wrong X-CSRF-Token header (get it from /api/v1/auth/me)');
    }
    c.set('principal', { kind: 'user', ...resolved });
    return next();
  };
}
