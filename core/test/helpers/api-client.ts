/** A tiny HTTP client for integration tests: keeps the session cookie and CSRF token like a browser. */
export class ApiClient {
  private cookie: string | undefined;
  private csrfToken: string | undefined;

  constructor(
    readonly baseUrl: string,
    private readonly bearer?: string,
  ) {}

  static async login(baseUrl: string, email: string, password: string): Promise<ApiClient> {
    const client = new ApiClient(baseUrl);
    const res = await client.request('POST', '/api/v1/auth/login', { email, password });
    if (res.status !== 200) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
    return client;
  }

  withBearer(key: string): ApiClient {
    return new ApiClient(this.baseUrl, key);
  }

  /** Send a request; `raw` bodies are sent as is (for malformed JSON tests). */
  async request(
    method: string,
    path: string,
    body?: unknown,
    options: { raw?: string; headers?: Record<string, string>; csrf?: boolean } = {},
  ): Promise<{ status: number; body: any; headers: Headers; text: string }> {
    const headers: Record<string, string> = { ...options.headers };
    if (body !== undefined || options.raw !== undefined) headers['content-type'] ??= 'application/json';
    if (this.bearer) headers['authorization'] = `Bearer ${this.bearer}`;
    if (this.cookie) headers['cookie'] = this.cookie;
    if (this.csrfToken && options.csrf !== false && method !== 'GET') headers['x-csrf-token'] = this.csrfToken;
    const res = await fetch(this.baseUrl + path, {
      method,
      headers,
      body: options.raw ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie?.startsWith('hub_session=')) this.cookie = setCookie.split(';')[0];
    const text = await res.text();
    let parsed: unknown = undefined;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = text;
    }
    if (path === '/api/v1/auth/login' && res.status === 200) this.csrfToken = (parsed as { csrfToken: string }).csrfToken;
    return { status: res.status, body: parsed as any, headers: res.headers, text };
  }

  get = (path: string) => this.request('GET', path);
  post = (path: string, body?: unknown) => this.request('POST', path, body);
  patch = (path: string, body?: unknown) => this.request('PATCH', path, body);
  delete = (path: string) => this.request('DELETE', path);
}
