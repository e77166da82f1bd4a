import { Hono } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import * as v from 'valibot';
import { toUserView } from '../../auth/user-service.ts';
import type { Hub } from '../../hub.ts';
import type { AppEnv } from '../app-env.ts';
import { authenticate, SESSION_COOKIE } from '../authenticate.ts';
import { readJson } from '../read-body.ts';
import { ForbiddenError } from '../../errors.ts';

const loginBody = v.strictObject({
  email: v.pipe(v.string('email must be a string'), v.trim(), v.email('email must be an email address')),
  password: v.pipe(v.string('password must be a string'), v.minLength(1, 'password is required'), v.maxLength(1024)),
});

/** `/api/v1/auth`: login sets an httpOnly SameSite cookie; `me` returns the CSRF token. */
export function authRoutes(hub: Hub) {
  const app = new Hono<AppEnv>();

  app.post('/login', async (c) => {
    const { email, password } = await readJson(c, loginBody);
    await hub.loginThrottle.check(email);
    let login;
    try {
      login = await hub.sessions.login(email, password);
    } catch (error) {
      if ((error as Error).name === 'UnauthenticatedError') await hub.loginThrottle.recordFailure(email);
      throw error;
    }
    await hub.loginThrottle.reset(email);
    const { token, session, user } = login;
    setCookie(c, SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'Lax',
      secure: hub.config.cookieSecure,
      path: '/',
      maxAge: Math.floor(hub.config.sessionTtlMs / 1000),
    });
    hub.logger.info({ userId: user.id }, 'user signed in');
    return c.json({ user: toUserView(user), csrfToken: session.csrfToken });
  });

  app.use('/me', authenticate(hub));
  app.get('/me', (c) => {
    const principal = c.get('principal');
    if (principal.kind !== 'user') throw new ForbiddenError('an API key has no user; use it directly on the API');
    return c.json({ user: toUserView(principal.user), csrfToken: principal.session.csrfToken });
  });

  app.use('/logout', authenticate(hub));
  app.post('/logout', async (c) => {
    const principal = c.get('principal');
    if (principal.kind === 'user') await hub.sessions.logout(principal.session);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.body(null, 204);
  });

  return app;
}
