// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { auditEntry } from '../test-support/fixtures.ts';
import { ApiError, createApiClient, isApiError } from './client.ts';

interface Call {
  url: string;
  init: RequestInit;
}

/** A fetch stub that answers from a queue and records every call. */
function stubFetch(...responses: Response[]) {
  const calls: Call[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(input), init: init ?? {} });
    const next = responses.shift();
    if (!next) throw new Error(`unexpected request ${String(input)}`);
    return next;
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, calls };
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const session = { user: { id: 'u1', email: 'a@example.com', name: 'A', memberships: [{ communityId: '*', role: 'owner' }] }, csrfToken: 'tok-123' };
const header = (call: Call | undefined, name: string) => new Headers(call?.init.headers).get(name);

describe('api client', () => {
  it('sends the CSRF token from login on every mutating request, and not on reads', async () => {
    const { fetch, calls } = stubFetch(
      json(200, session),
      json(200, { items: [], nextCursor: null }),
      json(201, { id: 'wh_1', secret: 'whsec_x' }),
      json(200, { id: 'wh_1', active: false }),
      new Response(null, { status: 204 }),
      json(202, { delivery: { id: 'd1' } }),
    );
    const api = createApiClient({ fetch });
    expect(api.csrfToken).toBeNull();

    await api.auth.login('a@example.com', 'pw');
    expect(header(calls[0], 'X-CSRF-Token')).toBeNull();
    expect(api.csrfToken).toBe('tok-123');

    await api.webhooks.list({ active: true, connector: undefined }, { limit: 20 });
    await api.webhooks.create({ name: 'x', events: ['*'] });
    await api.webhooks.setActive('wh_1', false);
    await api.webhooks.remove('wh_1');
    await api.deliveries.retry('d1');

    expect(calls.map((call) => `${call.init.method} ${call.url}`)).toEqual([
      'POST /api/v1/auth/login',
      'GET /api/v1/webhooks?active=true&limit=20',
      'POST /api/v1/webhooks',
      'PATCH /api/v1/webhooks/wh_1',
      'DELETE /api/v1/webhooks/wh_1',
      'POST /api/v1/deliveries/d1/retry',
    ]);
    expect(header(calls[1], 'X-CSRF-Token')).toBeNull();
    for (const call of calls.slice(2)) expect(header(call, 'X-CSRF-Token')).toBe('tok-123');
    expect(JSON.parse(String(calls[3]?.init.body))).toEqual({ active: false });
    expect(calls[2]?.init.credentials).toBe('same-origin');
  });

  it('keeps the token from GET /auth/me, and treats a 401 there as "not signed in"', async () => {
    const { fetch, calls } = stubFetch(json(200, session), json(401, { error: { code: 'unauthenticated', message: 'no session' } }), json(200, {}));
    const onUnauthorized = vi.fn();
    const api = createApiClient({ fetch });
    api.onUnauthorized(onUnauthorized);

    expect(await api.auth.me()).toEqual(session);
    expect(await api.auth.me()).toBeNull();
    expect(onUnauthorized).not.toHaveBeenCalled();
    await api.webhooks.test('wh_1');
    expect(header(calls[2], 'X-CSRF-Token')).toBe('tok-123');
  });

  it('reports any other 401 to the listener, forgets the token and rejects with the server message', async () => {
    const { fetch, calls } = stubFetch(json(200, session), json(401, { error: { code: 'unauthenticated', message: 'session expired' } }), json(200, {}));
    const onUnauthorized = vi.fn();
    const api = createApiClient({ fetch });
    api.onUnauthorized(onUnauthorized);
    await api.auth.login('a@example.com', 'pw');

    const error = await api.deliveries.list().catch((caught: unknown) => caught);
    expect(isApiError(error)).toBe(true);
    expect(error).toMatchObject({ status: 401, code: 'unauthenticated', message: 'session expired' });
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    expect(api.csrfToken).toBeNull();

    await api.webhooks.setActive('wh_1', true);
    expect(header(calls[2], 'X-CSRF-Token')).toBeNull();
  });

  it('does not end the session when the login itself is refused', async () => {
    const { fetch } = stubFetch(json(401, { error: { code: 'unauthenticated', message: 'Invalid email or password' } }));
    const onUnauthorized = vi.fn();
    const api = createApiClient({ fetch });
    api.onUnauthorized(onUnauthorized);
    await expect(api.auth.login('a@example.com', 'bad')).rejects.toThrow('Invalid email or password');
    expect(onUnauthorized).not.toHaveBeenCalled();
  });

  it('parses 422 details into field issues with dotted paths', async () => {
    const { fetch } = stubFetch(
      json(422, {
        error: {
          code: 'validation_failed',
          message: 'The webhook is not valid',
          details: [
            { path: 'url', message: 'Only https URLs are allowed' },
            { path: ['settings', 'username'], message: 'Too long' },
            { path: [{ key: 'events' }, { key: 0 }], message: 'Unknown event type' },
            { path: '/secrets/webhookUrl', message: 'Required' },
            { nonsense: true },
          ],
        },
      }),
    );
    const api = createApiClient({ fetch });
    const error = (await api.webhooks.create({ name: 'x', events: [] }).catch((caught: unknown) => caught)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(422);
    expect(error.code).toBe('validation_failed');
    expect(error.message).toBe('The webhook is not valid');
    expect(error.fieldIssues).toEqual([
      { path: 'url', message: 'Only https URLs are allowed' },
      { path: 'settings.username', message: 'Too long' },
      { path: 'events.0', message: 'Unknown event type' },
      { path: 'secrets.webhookUrl', message: 'Required' },
    ]);
  });

  it('turns bodies that are not the error envelope, and network failures, into readable errors', async () => {
    const { fetch } = stubFetch(
      new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }),
      json(500, { message: 'not our shape' }),
    );
    const api = createApiClient({ fetch });
    await expect(api.stats.get()).rejects.toMatchObject({ status: 502, code: 'http_502', message: 'Request failed (502 Bad Gateway)' });
    await expect(api.stats.get()).rejects.toMatchObject({ status: 500, message: 'Request failed (500)' });

    const offline = createApiClient({ fetch: (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof globalThis.fetch });
    await expect(offline.plugins.list()).rejects.toMatchObject({ status: 0, code: 'network_error' });
  });

  it('encodes ids and drops empty filters from the query string', async () => {
    const { fetch, calls } = stubFetch(json(200, { items: [], nextCursor: null }), json(200, {}));
    const api = createApiClient({ fetch, baseUrl: '/hub/api/v1' });
    await api.deliveries.list({ status: 'dead', eventType: '', webhookId: undefined }, { cursor: 'abc==' });
    await api.events.get('evt/1');
    expect(calls[0]?.url).toBe('/hub/api/v1/deliveries?status=dead&cursor=abc%3D%3D');
    expect(calls[1]?.url).toBe('/hub/api/v1/events/evt%2F1');
  });

  it('retries matching deliveries with the filter body, dropping empty filters', async () => {
    const { fetch, calls } = stubFetch(json(200, session), json(202, { retried: 3 }), json(202, { retried: 0 }));
    const api = createApiClient({ fetch });
    await api.auth.login('a@example.com', 'pw');

    await expect(
      api.deliveries.retryMatching({ status: ['dead', 'retrying'], webhookId: 'wh_1', eventType: '', since: '2026-01-01T00:00:00.000Z', until: undefined }),
    ).resolves.toEqual({ retried: 3 });
    await expect(api.deliveries.retryMatching({ status: [] })).resolves.toEqual({ retried: 0 });

    expect(calls.slice(1).map((call) => `${call.init.method} ${call.url}`)).toEqual(['POST /api/v1/deliveries/retry', 'POST /api/v1/deliveries/retry']);
    expect(JSON.parse(String(calls[1]?.init.body))).toEqual({ status: ['dead', 'retrying'], webhookId: 'wh_1', since: '2026-01-01T00:00:00.000Z' });
    // No status: the server retries dead deliveries.
    expect(JSON.parse(String(calls[2]?.init.body))).toEqual({});
    for (const call of calls.slice(1)) {
      expect(header(call, 'X-CSRF-Token')).toBe('tok-123');
      expect(header(call, 'Content-Type')).toBe('application/json');
    }
  });

  it('replays an event to its matching webhooks or to one webhook', async () => {
    const delivery = { id: 'dlv_1', webhookId: 'wh_1', status: 'pending' };
    const { fetch, calls } = stubFetch(json(202, { deliveries: [delivery, { ...delivery, id: 'dlv_2' }] }), json(202, { deliveries: [delivery] }));
    const api = createApiClient({ fetch });

    const all = await api.events.replay('evt_1');
    const one = await api.events.replay('evt/1', 'wh_1');
    expect(all.deliveries).toHaveLength(2);
    expect(one.deliveries).toEqual([delivery]);
    expect(calls.map((call) => `${call.init.method} ${call.url} ${String(call.init.body)}`)).toEqual([
      'POST /api/v1/events/evt_1/replay {}',
      'POST /api/v1/events/evt%2F1/replay {"webhookId":"wh_1"}',
    ]);
  });

  it('reads the audit log with filters and a cursor, and rejects a 403 as an ApiError', async () => {
    const entry = auditEntry({ details: { name: 'Billing' } });
    const { fetch, calls } = stubFetch(
      json(200, { items: [entry], nextCursor: 'c2' }),
      json(403, { error: { code: 'forbidden', message: 'your role cannot manage in this community (admin or owner needed)', details: null } }),
    );
    const onUnauthorized = vi.fn();
    const api = createApiClient({ fetch });
    api.onUnauthorized(onUnauthorized);

    const page = await api.audit.list({ communityId: 'default', action: 'webhook.created', targetId: '' }, { limit: 25, cursor: 'c1' });
    expect(page).toEqual({ items: [entry], nextCursor: 'c2' });
    expect(calls[0]?.url).toBe('/api/v1/audit?communityId=default&action=webhook.created&limit=25&cursor=c1');

    const error = await api.audit.list().catch((caught: unknown) => caught);
    expect(isApiError(error)).toBe(true);
    expect(error).toMatchObject({ status: 403, code: 'forbidden' });
    expect(calls[1]?.url).toBe('/api/v1/audit');
    expect(onUnauthorized).not.toHaveBeenCalled();
  });

  it('manages users and communities with the exact bodies the server expects', async () => {
    const user = { id: 'usr_2', email: 'b@example.com', name: 'B', memberships: [{ communityId: 'default', role: 'viewer' }], createdAt: 'x', updatedAt: 'x' };
    const { fetch, calls } = stubFetch(
      json(200, session),
      json(200, { items: [user], nextCursor: null }),
      json(201, user),
      json(200, { ...user, name: 'Bee' }),
      new Response(null, { status: 204 }),
      json(201, { id: 'acme', name: 'Acme', createdAt: 'x' }),
    );
    const api = createApiClient({ fetch });
    await api.auth.login('a@example.com', 'pw');

    await api.users.list({ limit: 100 });
    await api.users.create({ email: 'b@example.com', name: 'B', password: 'long enough', memberships: [{ communityId: 'default', role: 'viewer' }] });
    await expect(api.users.update('usr_2', { name: 'Bee', memberships: [{ communityId: '*', role: 'owner' }] })).resolves.toMatchObject({ name: 'Bee' });
    await expect(api.users.remove('usr_2')).resolves.toBeUndefined();
    await api.communities.create({ id: 'acme', name: 'Acme' });

    expect(calls.slice(1).map((call) => `${call.init.method} ${call.url}`)).toEqual([
      'GET /api/v1/users?limit=100',
      'POST /api/v1/users',
      'PATCH /api/v1/users/usr_2',
      'DELETE /api/v1/users/usr_2',
      'POST /api/v1/communities',
    ]);
    expect(JSON.parse(String(calls[2]?.init.body))).toEqual({
      email: 'b@example.com',
      name: 'B',
      password: 'long enough',
      memberships: [{ communityId: 'default', role: 'viewer' }],
    });
    expect(JSON.parse(String(calls[3]?.init.body))).toEqual({ name: 'Bee', memberships: [{ communityId: '*', role: 'owner' }] });
    expect(calls[4]?.init.body).toBeUndefined();
    expect(JSON.parse(String(calls[5]?.init.body))).toEqual({ id: 'acme', name: 'Acme' });
    expect(header(calls[1], 'X-CSRF-Token')).toBeNull();
    for (const call of calls.slice(2)) expect(header(call, 'X-CSRF-Token')).toBe('tok-123');
  });

  it('passes since/until through to the delivery and event lists', async () => {
    const { fetch, calls } = stubFetch(json(200, { items: [], nextCursor: null }), json(200, { items: [], nextCursor: null }));
    const api = createApiClient({ fetch });
    await api.deliveries.list({ since: '2026-01-01T00:00:00.000Z', until: '2026-01-02T00:00:00.000Z' });
    await api.events.list({ type: 'member.created', since: '2026-01-01T00:00:00.000Z' });
    expect(calls[0]?.url).toBe('/api/v1/deliveries?since=2026-01-01T00%3A00%3A00.000Z&until=2026-01-02T00%3A00%3A00.000Z');
    expect(calls[1]?.url).toBe('/api/v1/events?type=member.created&since=2026-01-01T00%3A00%3A00.000Z');
  });
});
