import { HttpRequestError, type HttpClient, type HttpRequest, type HttpResponse } from '../http.ts';

const BODY_LIMIT = 4096;

/** A scripted answer: the status and optionally headers and body. */
export interface StubResponse {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
}

/**
 * One scripted step: a status, a response, an error to throw (typically an
 * `HttpRequestError`), or a function of the request returning one of those.
 */
export type StubStep =
  | number
  | StubResponse
  | Error
  | ((request: HttpRequest) => number | StubResponse | Error | Promise<number | StubResponse>);

/** An `HttpClient` that answers from a script and records every request it receives. */
export interface HttpStub extends HttpClient {
  /** Requests in the order received, including those refused for an aborted signal. */
  readonly requests: HttpRequest[];
  /** Append steps to the script. */
  push(...steps: StubStep[]): void;
}

/**
 * A scriptable HTTP client for plugin tests. Each request consumes the next step; a request
 * with no step left fails the test with a clear error. Like core's client, a request whose
 * signal is already aborted throws `HttpRequestError('ABORTED')` without answering.
 *
 * @example
 * const http = httpStub([{ status: 429, headers: { 'Retry-After': '3' } }, new HttpRequestError('NETWORK', 'reset'), 200]);
 * const ctx = createTestSinkContext({ settings: {}, secrets: {}, http });
 * await plugin.deliver(ctx, input);
 * expect(http.requests[0]?.headers?.['content-type']).toBe('application/json');
 */
export function httpStub(steps: readonly StubStep[] = []): HttpStub {
  const script = [...steps];
  const requests: HttpRequest[] = [];
  return {
    requests,
    push: (...more) => {
      script.push(...more);
    },
    async request(request) {
      requests.push(request);
      if (request.signal?.aborted) throw new HttpRequestError('ABORTED', 'request aborted before it was sent');
      const step = script.shift();
      if (step === undefined) {
        throw new Error(`httpStub: no scripted response left for request #${requests.length} (${request.method ?? 'POST'} ${request.url})`);
      }
      const answer = typeof step === 'function' ? await step(request) : step;
      if (answer instanceof Error) throw answer;
      return toResponse(typeof answer === 'number' ? { status: answer } : answer);
    },
  };
}

function toResponse(stub: StubResponse): HttpResponse {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(stub.headers ?? {})) headers[name.toLowerCase()] = value;
  const body = stub.body ?? '';
  return {
    status: stub.status,
    headers,
    body: body.slice(0, BODY_LIMIT),
    bodyTruncated: body.length > BODY_LIMIT,
    durationMs: 1,
  };
}
