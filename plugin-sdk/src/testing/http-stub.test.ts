import { describe, expect, it } from 'vitest';
import { HttpRequestError, isHttpRequestError } from '../http.ts';
import { httpStub } from './http-stub.ts';

describe('httpStub', () => {
  it('answers from the script in order and records requests', async () => {
    const http = httpStub([200, { status: 429, headers: { 'Retry-After': '3' }, body: 'slow down' }]);
    const first = await http.request({ url: 'https://a.example/1', body: 'x' });
    const second = await http.request({ url: 'https://a.example/2' });
    expect(first.status).toBe(200);
    expect(second).toMatchObject({ status: 429, headers: { 'retry-after': '3' }, body: 'slow down' });
    expect(http.requests.map((r) => r.url)).toEqual(['https://a.example/1', 'https://a.example/2']);
  });

  it('throws scripted errors and computes answers from the request', async () => {
    const http = httpStub([new HttpRequestError('NETWORK', 'reset'), (request) => (request.method === 'PUT' ? 201 : 400)]);
    await expect(http.request({ url: 'https://a.example' })).rejects.toMatchObject({ code: 'NETWORK' });
    await expect(http.request({ url: 'https://a.example', method: 'PUT' })).resolves.toMatchObject({ status: 201 });
  });

  it('refuses a request whose signal is already aborted, as core does', async () => {
    const controller = new AbortController();
    controller.abort();
    const error: unknown = await httpStub([200]).request({ url: 'https://a.example', signal: controller.signal }).catch((e: unknown) => e);
    expect(isHttpRequestError(error) && error.code).toBe('ABORTED');
  });

  it('fails loudly on an unscripted request', async () => {
    await expect(httpStub().request({ url: 'https://a.example/x' })).rejects.toThrow(/no scripted response left for request #1/);
  });
});
