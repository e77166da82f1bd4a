import type { Page, Route } from '@playwright/test';
import type { ApiKey, AuditEntry, Community, Delivery, HubEvent, ManagedUser, Webhook } from '../../src/api/types.ts';
import {
  communities,
  eventTypes,
  plugins,
  sampleApiKeys,
  sampleAttempts,
  sampleAudit,
  sampleDeliveries,
  sampleEvents,
  sampleUsers,
  sampleWebhooks,
  user,
  viewerUser,
} from './fixtures.ts';

export interface MockOptions {
  /** Start signed in. @defaultValue true */
  readonly signedIn?: boolean;
  /** Start with no webhooks, deliveries, events or keys. */
  readonly empty?: boolean;
  /** Answer GET /stats with 404 (the endpoint is optional). */
  readonly noStats?: boolean;
  /** Sign in as a viewer: the audit log and the users API answer 403. */
  readonly viewer?: boolean;
}

export interface MockApi {
  readonly webhooks: Webhook[];
  /** Every mutating request that arrived without the CSRF token (should stay empty). */
  readonly csrfViolations: string[];
  /** End the session on the "server": every later call answers 401. */
  readonly expireSession: () => void;
}

const CSRF = 'csrf-test-token';

/**
 * Stub the core API inside the page with an in-memory hub that behaves like the contract:
 * session + CSRF, 401 when signed out, 422 details, one-time secrets, cursor pagination.
 */
export async function mockApi(page: Page, options: MockOptions = {}): Promise<MockApi> {
  let signedIn = options.signedIn ?? true;
  const webhooks: Webhook[] = options.empty ? [] : sampleWebhooks();
  const deliveries: Delivery[] = options.empty ? [] : sampleDeliveries();
  const events: HubEvent[] = options.empty ? [] : sampleEvents();
  const apiKeys: ApiKey[] = options.empty ? [] : sampleApiKeys();
  const me = options.viewer ? viewerUser : user;
  const users: ManagedUser[] = sampleUsers();
  const audit: AuditEntry[] = options.empty ? [] : sampleAudit();
  const communityList: Community[] = [...communities];
  const csrfViolations: string[] = [];
  let counter = 100;

  const json = (route: Route, status: number, body?: unknown) =>
    route.fulfill({ status, contentType: 'application/json', body: body === undefined ? '' : JSON.stringify(body) });
  const fail = (route: Route, status: number, code: string, message: string, details?: unknown) =>
    json(route, status, { error: { code, message, details } });

  function pageOf<T extends { id: string }>(items: readonly T[], url: URL) {
    const limit = Number(url.searchParams.get('limit') ?? 50);
    const cursor = url.searchParams.get('cursor');
    const start = cursor ? items.findIndex((item) => item.id === cursor) + 1 : 0;
    const slice = items.slice(start, start + limit);
    const more = start + limit < items.length;
    return { items: slice, nextCursor: more ? (slice.at(-1)?.id ?? null) : null };
  }

  await page.route('**/api/v1/**', async (route) => {
    const request = route.request();
    const url = new URL(request.url());
    const path = url.pathname.replace(/^\/api\/v1/, '');
    const method = request.method();
    const body = (request.postDataJSON() ?? {}) as Record<string, unknown>;

    if (path === '/auth/login' && method === 'POST') {
      if (body['email'] === me.email && body['password'] === 'correct horse') {
        signedIn = true;
        return json(route, 200, { user: me, csrfToken: CSRF });
      }
      return fail(route, 401, 'unauthenticated', 'Invalid email or password');
    }
    if (!signedIn) return fail(route, 401, 'unauthenticated', 'authentication required');
    if (method !== 'GET' && request.headers()['x-csrf-token'] !== CSRF) {
      csrfViolations.push(`${method} ${path}`);
      return fail(route, 403, 'csrf', 'missing or invalid CSRF token');
    }

    const [, resource, id, action] = path.split('/');
    switch (`${method} /${resource ?? ''}${id ? '/:id' : ''}${action ? `/${action}` : ''}`) {
      case 'GET /auth/:id':
        return json(route, 200, { user: me, csrfToken: CSRF });
      case 'POST /auth/:id':
        signedIn = false;
        return route.fulfill({ status: 204 });
      case 'GET /communities':
        return json(route, 200, { items: communityList, nextCursor: null });
      case 'POST /communities': {
        if (communityList.some((community) => community.id === body['id'])) return fail(route, 409, 'conflict', `community '${String(body['id'])}' exists`);
        const community: Community = { id: String(body['id']), name: String(body['name']), createdAt: new Date().toISOString() };
        communityList.push(community);
        return json(route, 201, community);
      }
      case 'GET /users':
        if (options.viewer) return fail(route, 403, 'forbidden', 'only the instance owner can do this');
        return json(route, 200, pageOf(users, url));
      case 'POST /users': {
        if (users.some((entry) => entry.email === body['email'])) return fail(route, 409, 'conflict', `a user with email '${String(body['email'])}' exists`);
        const now = new Date().toISOString();
        const created: ManagedUser = {
          id: `usr_${++counter}`,
          email: String(body['email']),
          name: String(body['name']),
          memberships: body['memberships'] as ManagedUser['memberships'],
          createdAt: now,
          updatedAt: now,
        };
        users.unshift(created);
        return json(route, 201, created);
      }
      case 'PATCH /users/:id': {
        const index = users.findIndex((entry) => entry.id === id);
        const current = users[index];
        if (!current) return fail(route, 404, 'not_found', `user '${id}' not found`);
        const memberships = body['memberships'] as ManagedUser['memberships'] | undefined;
        if (id === me.id && memberships && !memberships.some((entry) => entry.communityId === '*' && entry.role === 'owner')) {
          return fail(route, 422, 'validation_failed', 'you cannot remove your own instance-owner role', [{ path: 'memberships', message: 'would lock you out' }]);
        }
        const updated: ManagedUser = {
          ...current,
          ...(typeof body['name'] === 'string' ? { name: body['name'] } : {}),
          ...(memberships ? { memberships } : {}),
          updatedAt: new Date().toISOString(),
        };
        users[index] = updated;
        return json(route, 200, updated);
      }
      case 'DELETE /users/:id': {
        const index = users.findIndex((entry) => entry.id === id);
        if (index < 0) return fail(route, 404, 'not_found', `user '${id}' not found`);
        users.splice(index, 1);
        return route.fulfill({ status: 204 });
      }
      case 'GET /audit': {
        if (options.viewer) return fail(route, 403, 'forbidden', 'your role cannot manage in this community (admin or owner needed)');
        const action = url.searchParams.get('action');
        const community = url.searchParams.get('communityId');
        const target = url.searchParams.get('targetId');
        const filtered = audit.filter(
          (entry) => (!action || entry.action === action) && (!community || entry.communityId === community) && (!target || entry.targetId === target),
        );
        return json(route, 200, pageOf(filtered, url));
      }
      case 'GET /plugins':
        return json(route, 200, { items: plugins });
      case 'GET /event-types':
        return json(route, 200, { items: eventTypes });
      case 'GET /stats':
        if (options.noStats || options.empty) return fail(route, 404, 'not_found', 'no such route');
        return json(route, 200, {
          deliveries: { succeeded: 1840, dead: 23, retrying: 4, pending: 2 },
          successRate: 0.986,
          failureRate: 0.014,
          retryCount: 57,
          queue: { waiting: 2, active: 1, delayed: 4, failed: 0 },
        });
      case 'GET /webhooks': {
        const active = url.searchParams.get('active');
        const connector = url.searchParams.get('connector');
        const community = url.searchParams.get('communityId');
        const filtered = webhooks.filter(
          (webhook) =>
            (active === null || String(webhook.active) === active) &&
            (!connector || webhook.connector === connector) &&
            (!community || webhook.communityId === community),
        );
        return json(route, 200, pageOf(filtered, url));
      }
      case 'POST /webhooks': {
        const events = body['events'];
        const details = [];
        if (typeof body['url'] === 'string' && body['url'].includes('localhost')) details.push({ path: 'url', message: 'This address is blocked: it resolves to a private network' });
        if (!Array.isArray(events) || events.length === 0) details.push({ path: 'events', message: 'Select at least one event' });
        if (details.length > 0) return fail(route, 422, 'validation_failed', 'The webhook is not valid', details);
        const now = new Date().toISOString();
        const secrets = (body['secrets'] ?? {}) as Record<string, string>;
        const webhook: Webhook = {
          id: `wh_${++counter}`,
          communityId: String(body['communityId'] ?? 'cmt_acme'),
          name: String(body['name']),
          connector: String(body['connector'] ?? 'generic-http'),
          url: typeof body['url'] === 'string' ? body['url'] : null,
          events: events as string[],
          active: body['active'] !== false,
          disabledReason: null,
          settings: (body['settings'] ?? {}) as Record<string, unknown>,
          pluginSecrets: Object.fromEntries(Object.keys(secrets).map((key) => [key, { set: true }])),
          signingSecrets: [{ id: `sec_${counter}`, fingerprint: 'whsec_…7d3e', createdAt: now, expiresAt: null }],
          retrySchedule: null,
          createdAt: now,
          updatedAt: now,
        };
        webhooks.unshift(webhook);
        return json(route, 201, { ...webhook, secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' });
      }
      case 'GET /webhooks/:id': {
        const webhook = webhooks.find((entry) => entry.id === id);
        return webhook ? json(route, 200, webhook) : fail(route, 404, 'not_found', `webhook '${id}' not found`);
      }
      case 'PATCH /webhooks/:id': {
        const index = webhooks.findIndex((entry) => entry.id === id);
        const current = webhooks[index];
        if (!current) return fail(route, 404, 'not_found', `webhook '${id}' not found`);
        const { secrets, ...patch } = body;
        const updated = {
          ...current,
          ...(patch as Partial<Webhook>),
          disabledReason: patch['active'] === true ? null : current.disabledReason,
          pluginSecrets: { ...current.pluginSecrets, ...Object.fromEntries(Object.keys((secrets ?? {}) as object).map((key) => [key, { set: true }])) },
          updatedAt: new Date().toISOString(),
        };
        webhooks[index] = updated;
        return json(route, 200, updated);
      }
      case 'DELETE /webhooks/:id': {
        const index = webhooks.findIndex((entry) => entry.id === id);
        if (index < 0) return fail(route, 404, 'not_found', `webhook '${id}' not found`);
        webhooks.splice(index, 1);
        return route.fulfill({ status: 204 });
      }
      case 'POST /webhooks/:id/test':
        return json(route, 200, id === 'wh_ci'
          ? { deliveryId: 'dlv_test_2', success: false, responseCode: 410, durationMs: 311, error: 'Gone' }
          : { deliveryId: 'dlv_test_1', success: true, responseCode: 200, durationMs: 143, error: null });
      case 'POST /webhooks/:id/rotate-secret':
        return json(route, 200, { secret: 'whsec_Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0' });
      case 'GET /deliveries': {
        const status = url.searchParams.get('status');
        const type = url.searchParams.get('eventType');
        const webhookId = url.searchParams.get('webhookId');
        const filtered = deliveries.filter(
          (delivery) => (!status || delivery.status === status) && (!type || delivery.eventType === type) && (!webhookId || delivery.webhookId === webhookId),
        );
        return json(route, 200, pageOf(filtered, url));
      }
      case 'GET /deliveries/:id': {
        const delivery = deliveries.find((entry) => entry.id === id);
        const event = events.find((entry) => entry.id === delivery?.eventId);
        if (!delivery || !event) return fail(route, 404, 'not_found', `delivery '${id}' not found`);
        return json(route, 200, { delivery, attempts: sampleAttempts(delivery), event });
      }
      case 'POST /deliveries/:id': {
        // POST /deliveries/retry: every matching delivery (dead ones by default) goes back to pending.
        if (id !== 'retry') return fail(route, 404, 'not_found', `no mock for ${method} ${path}`);
        const statuses = (body['status'] as string[] | undefined) ?? ['dead'];
        let retried = 0;
        for (const [index, delivery] of deliveries.entries()) {
          if (!statuses.includes(delivery.status)) continue;
          if (body['webhookId'] && delivery.webhookId !== body['webhookId']) continue;
          if (body['eventType'] && delivery.eventType !== body['eventType']) continue;
          deliveries[index] = { ...delivery, status: 'pending', completedAt: null };
          retried++;
        }
        return json(route, 202, { retried });
      }
      case 'POST /events/:id/replay': {
        const replayed = deliveries.filter((delivery) => delivery.eventId === id && (!body['webhookId'] || delivery.webhookId === body['webhookId']));
        return json(route, 202, { deliveries: replayed });
      }
      case 'POST /deliveries/:id/retry': {
        const index = deliveries.findIndex((entry) => entry.id === id);
        const current = deliveries[index];
        if (!current) return fail(route, 404, 'not_found', `delivery '${id}' not found`);
        deliveries[index] = { ...current, status: 'pending', completedAt: null };
        return json(route, 202, { delivery: deliveries[index] });
      }
      case 'GET /events': {
        const type = url.searchParams.get('type');
        const source = url.searchParams.get('source');
        return json(route, 200, pageOf(events.filter((event) => (!type || event.type === type) && (!source || event.source === source)), url));
      }
      case 'GET /events/:id': {
        const event = events.find((entry) => entry.id === id);
        if (!event) return fail(route, 404, 'not_found', `event '${id}' not found`);
        return json(route, 200, { event, deliveries: deliveries.filter((delivery) => delivery.eventId === id) });
      }
      case 'GET /api-keys':
        return json(route, 200, pageOf(apiKeys, url));
      case 'POST /api-keys': {
        const key: ApiKey = {
          id: `key_${++counter}`,
          name: String(body['name']),
          communityId: String(body['communityId']),
          scopes: body['scopes'] as ApiKey['scopes'],
          prefix: 'hub_live_91be',
          createdAt: new Date().toISOString(),
          lastUsedAt: null,
        };
        apiKeys.unshift(key);
        return json(route, 201, { ...key, key: 'hub_live_91be7c0a5f2d4e8b9a1c3d5e7f9b2c4d' });
      }
      case 'DELETE /api-keys/:id': {
        const index = apiKeys.findIndex((entry) => entry.id === id);
        if (index >= 0) apiKeys.splice(index, 1);
        return route.fulfill({ status: 204 });
      }
      default:
        return fail(route, 404, 'not_found', `no mock for ${method} ${path}`);
    }
  });

  return {
    webhooks,
    csrfViolations,
    expireSession: () => {
      signedIn = false;
    },
  };
}
