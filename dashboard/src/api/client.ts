import { ApiError, parseErrorResponse } from './api-error.ts';
import type {
  ApiKey,
  ApiKeyCreated,
  ApiKeyInput,
  AuditEntry,
  AuditFilter,
  BulkRetryFilter,
  BulkRetryResult,
  Community,
  CommunityInput,
  Delivery,
  DeliveryDetail,
  DeliveryFilter,
  EventDetail,
  EventFilter,
  EventType,
  HubEvent,
  ManagedUser,
  Page,
  Plugin,
  ReplayResult,
  Session,
  Stats,
  TestResult,
  UserInput,
  UserPatch,
  Webhook,
  WebhookCreated,
  WebhookFilter,
  WebhookInput,
  WebhookPatch,
} from './types.ts';

export { ApiError, errorMessage, isApiError } from './api-error.ts';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  readonly query?: Readonly<Record<string, QueryValue>>;
  readonly body?: unknown;
  readonly signal?: AbortSignal;
  /** Let a 401 reject like any other error instead of ending the session (login, the session probe). */
  readonly allowUnauthorized?: boolean;
}

export interface PageRequest {
  readonly limit?: number;
  readonly cursor?: string | null;
  readonly signal?: AbortSignal;
}

export interface ApiClientOptions {
  /** Prefix of every path. @defaultValue `/api/v1` (same origin as the dashboard) */
  readonly baseUrl?: string;
  /** @defaultValue `globalThis.fetch` */
  readonly fetch?: typeof fetch;
}

const mutating: ReadonlySet<Method> = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

/** A JSON body without the keys whose value is undefined, null or an empty string or list. */
function compact<T extends object>(body: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(body).filter(([, value]) => value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0)),
  ) as Partial<T>;
}

function buildQuery(query: Readonly<Record<string, QueryValue>> | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/**
 * The one module that talks to the core server. It keeps the CSRF token in memory (from login
 * or `me`), sends it on every mutating request, turns error bodies into `ApiError`, and reports
 * a 401 to the listener installed with `onUnauthorized` (the app sends people to the login page).
 *
 * @example
 * const api = createApiClient({ fetch: stubFetch });
 * api.onUnauthorized(() => navigate('/login'));
 * await api.webhooks.list({ active: true });
 */
export function createApiClient(options: ApiClientOptions = {}) {
  const baseUrl = options.baseUrl ?? '/api/v1';
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  let csrfToken: string | null = null;
  let unauthorizedListener: (() => void) | null = null;

  async function request<T>(method: Method, path: string, opts: RequestOptions = {}): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
    if (mutating.has(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken;

    let response: Response;
    try {
      response = await doFetch(`${baseUrl}${path}${buildQuery(opts.query)}`, {
        method,
        headers,
        credentials: 'same-origin',
        body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
        signal: opts.signal,
      });
    } catch (cause) {
      if (cause instanceof Error && cause.name === 'AbortError') throw cause;
      throw new ApiError(0, 'network_error', 'Cannot reach the hub server. Check that it is running.');
    }

    if (response.status === 401 && !opts.allowUnauthorized) {
      csrfToken = null;
      unauthorizedListener?.();
    }
    if (!response.ok) throw await parseErrorResponse(response);
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    return (text === '' ? undefined : JSON.parse(text)) as T;
  }

  const get = <T>(path: string, query?: RequestOptions['query'], signal?: AbortSignal) =>
    request<T>('GET', path, { query, signal });
  const page = (req: PageRequest | undefined) => ({ limit: req?.limit, cursor: req?.cursor ?? undefined });
  const id = (value: string) => encodeURIComponent(value);

  function remember(session: Session): Session {
    csrfToken = session.csrfToken;
    return session;
  }

  return {
    request,
    /** Called on any 401 (except where a call opts out); returns a function that removes the listener. */
    onUnauthorized(listener: () => void): () => void {
      unauthorizedListener = listener;
      return () => {
        if (unauthorizedListener === listener) unauthorizedListener = null;
      };
    },
    get csrfToken(): string | null {
      return csrfToken;
    },

    auth: {
      login: async (email: string, password: string) =>
        remember(await request<Session>('POST', '/auth/login', { body: { email, password }, allowUnauthorized: true })),
      /** The current session, or null when there is none (a 401 here is not an error). */
      me: async (signal?: AbortSignal): Promise<Session | null> => {
        try {
          return remember(await request<Session>('GET', '/auth/me', { signal, allowUnauthorized: true }));
        } catch (error) {
          if (error instanceof ApiError && error.status === 401) return null;
          throw error;
        }
      },
      logout: async () => {
        try {
          await request<void>('POST', '/auth/logout', { allowUnauthorized: true });
        } finally {
          csrfToken = null;
        }
      },
    },

    communities: {
      list: (signal?: AbortSignal) => get<Page<Community>>('/communities', undefined, signal),
      /** Instance owners only. */
      create: (input: CommunityInput) => request<Community>('POST', '/communities', { body: input }),
    },

    /** Instance owners only; anyone else gets a 403. */
    users: {
      list: (req?: PageRequest) => get<Page<ManagedUser>>('/users', page(req), req?.signal),
      create: (input: UserInput) => request<ManagedUser>('POST', '/users', { body: input }),
      update: (userId: string, patch: UserPatch) => request<ManagedUser>('PATCH', `/users/${id(userId)}`, { body: patch }),
      remove: (userId: string) => request<void>('DELETE', `/users/${id(userId)}`),
    },

    /** Admins see their communities, instance owners everything; others get a 403. */
    audit: {
      list: (filter: AuditFilter = {}, req?: PageRequest) => get<Page<AuditEntry>>('/audit', { ...filter, ...page(req) }, req?.signal),
    },
    plugins: {
      list: (signal?: AbortSignal) => get<Page<Plugin>>('/plugins', undefined, signal),
    },
    eventTypes: {
      list: (signal?: AbortSignal) => get<Page<EventType>>('/event-types', undefined, signal),
    },

    webhooks: {
      list: (filter: WebhookFilter = {}, req?: PageRequest) =>
        get<Page<Webhook>>('/webhooks', { ...filter, ...page(req) }, req?.signal),
      get: (webhookId: string, signal?: AbortSignal) => get<Webhook>(`/webhooks/${id(webhookId)}`, undefined, signal),
      create: (input: WebhookInput) => request<WebhookCreated>('POST', '/webhooks', { body: input }),
      update: (webhookId: string, patch: WebhookPatch) =>
        request<Webhook>('PATCH', `/webhooks/${id(webhookId)}`, { body: patch }),
      setActive: (webhookId: string, active: boolean) =>
        request<Webhook>('PATCH', `/webhooks/${id(webhookId)}`, { body: { active } }),
      remove: (webhookId: string) => request<void>('DELETE', `/webhooks/${id(webhookId)}`),
      test: (webhookId: string) => request<TestResult>('POST', `/webhooks/${id(webhookId)}/test`, { body: {} }),
      rotateSecret: (webhookId: string) =>
        request<{ secret: string }>('POST', `/webhooks/${id(webhookId)}/rotate-secret`, { body: {} }),
    },

    deliveries: {
      list: (filter: DeliveryFilter = {}, req?: PageRequest) =>
        get<Page<Delivery>>('/deliveries', { ...filter, ...page(req) }, req?.signal),
      get: (deliveryId: string, signal?: AbortSignal) =>
        get<DeliveryDetail>(`/deliveries/${id(deliveryId)}`, undefined, signal),
      retry: (deliveryId: string) =>
        request<{ delivery: Delivery }>('POST', `/deliveries/${id(deliveryId)}/retry`, { body: {} }),
      /** Retry every delivery matching the filter; the server retries dead ones when no status is given. */
      retryMatching: (filter: BulkRetryFilter = {}) => request<BulkRetryResult>('POST', '/deliveries/retry', { body: compact(filter) }),
    },

    events: {
      list: (filter: EventFilter = {}, req?: PageRequest) =>
        get<Page<HubEvent>>('/events', { ...filter, ...page(req) }, req?.signal),
      get: (eventId: string, signal?: AbortSignal) => get<EventDetail>(`/events/${id(eventId)}`, undefined, signal),
      /** Deliver the event again: to every active webhook it matches, or to one webhook of its community. */
      replay: (eventId: string, webhookId?: string) =>
        request<ReplayResult>('POST', `/events/${id(eventId)}/replay`, { body: webhookId ? { webhookId } : {} }),
    },

    apiKeys: {
      list: (req?: PageRequest) => get<Page<ApiKey>>('/api-keys', page(req), req?.signal),
      create: (input: ApiKeyInput) => request<ApiKeyCreated>('POST', '/api-keys', { body: input }),
      revoke: (keyId: string) => request<void>('DELETE', `/api-keys/${id(keyId)}`),
    },

    stats: {
      get: (signal?: AbortSignal) => get<Stats>('/stats', undefined, signal),
    },
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;

/** The dashboard's client: same origin, relative `/api/v1` URLs. */
export const api: ApiClient = createApiClient();
