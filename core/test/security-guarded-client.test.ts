import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer as createTlsServer } from 'node:https';
import { isHttpRequestError, type HttpRequestError } from '@hub/plugin-sdk';
import { afterEach, describe, expect, it } from 'vitest';
import { createAddressPolicy } from '../src/security/address-policy.ts';
import { createGuardedHttpClient, type GuardedHttpClient, type GuardedHttpClientOptions } from '../src/security/guarded-http-client.ts';
import type { ResolveHost } from '../src/security/resolve-host.ts';

interface Receiver {
  readonly server: Server;
  port: number;
  readonly requests: Array<{ method: string; url: string; headers: IncomingMessage['headers']; body: string }>;
  connections: number;
}

const opened: Array<{ close(): Promise<void> }> = [];

afterEach(async () => {
  await Promise.all(opened.splice(0).map((item) => item.close()));
});

/** A loopback HTTP receiver that records every connection and request. */
async function startReceiver(handle: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.end('ok')): Promise<Receiver> {
  const server = createServer();
  const receiver: Receiver = { server, port: 0, requests: [], connections: 0 };
  server.on('connection', () => receiver.connections++);
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      receiver.requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      handle(req, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.port = (server.address() as AddressInfo).port;
  opened.push({
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
  return receiver;
}

function client(options: Partial<GuardedHttpClientOptions> = {}): GuardedHttpClient {
  const allowCidrs = options.allowCidrs ?? [];
  const http = createGuardedHttpClient({ policy: createAddressPolicy({ allowCidrs }), ...options, allowCidrs });
  opened.push(http);
  return http;
}

/** A resolver that only knows the names it is given; records what it was asked. */
function fakeDns(table: Record<string, string[]>): ResolveHost & { asked: string[] } {
  const asked: string[] = [];
  const resolve = async (host: string): Promise<string[]> => {
    asked.push(host);
    const addresses = table[host];
    if (addresses === undefined) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
    return addresses;
  };
  return Object.assign(resolve, { asked });
}

async function failure(promise: Promise<unknown>): Promise<HttpRequestError> {
  try {
    await promise;
  } catch (error) {
    if (isHttpRequestError(error)) return error;
    throw error;
  }
  throw new Error('expected the request to fail');
}

const LOOPBACK = ['127.0.0.0/8'];

describe('guarded HTTP client against real loopback listeners', () => {
  it('delivers to an allowed receiver: method, body, headers, user agent, lower-cased response headers', async () => {
    const receiver = await startReceiver((_req, res) => {
      res.setHeader('X-Request-Id', 'abc');
      res.setHeader('Set-Cookie', ['a=1', 'b=2']);
      res.statusCode = 201;
      res.end('{"received":true}');
    });
    const response = await client({ allowCidrs: LOOPBACK }).request({
      url: `http://127.0.0.1:${receiver.port}/hook?x=1`,
      headers: { 'Content-Type': 'application/json', 'X-Webhook-Id': 'evt_1' },
      body: '{"event":"ping"}',
    });
    expect(response).toMatchObject({ status: 201, body: '{"received":true}', bodyTruncated: false });
    expect(response.headers['x-request-id']).toBe('abc');
    expect(response.headers['set-cookie']).toBe('a=1, b=2');
    expect(response.durationMs).toBeGreaterThanOrEqual(0);
    expect(receiver.requests).toHaveLength(1);
    expect(receiver.requests[0]).toMatchObject({ method: 'POST', url: '/hook?x=1', body: '{"event":"ping"}' });
    expect(receiver.requests[0]?.headers['user-agent']).toBe('webhook-event-hub/0.1');
    expect(receiver.requests[0]?.headers['x-webhook-id']).toBe('evt_1');
  });

  it('(a) refuses a name that resolves to 127.0.0.1 before any connection is made', async () => {
    const receiver = await startReceiver();
    const dns = fakeDns({ 'hooks.example.test': ['127.0.0.1'], 'mixed.example.test': ['93.184.216.34', '127.0.0.1'] });
    const http = client({ lookup: dns });
    const error = await failure(http.request({ url: `https://hooks.example.test:${receiver.port}/` }));
    expect(error.code).toBe('BLOCKED_ADDRESS');
    expect(error.message).toBe('refused to connect: hooks.example.test resolves to a blocked address: 127.0.0.1 is a loopback address');
    // One blocked address among good ones is enough to refuse: the check covers every answer.
    const mixed = await failure(http.request({ url: `https://mixed.example.test:${receiver.port}/` }));
    expect(mixed.code).toBe('BLOCKED_ADDRESS');
    expect(receiver.connections).toBe(0);
    expect(receiver.requests).toHaveLength(0);
  });

  it('(b) returns a 302 to the caller and never follows it', async () => {
    const target = await startReceiver();
    const toMetadata = await startReceiver((_req, res) => {
      res.writeHead(302, { Location: 'http://169.254.169.254/latest/meta-data/' }).end();
    });
    const toTarget = await startReceiver((_req, res) => {
      res.writeHead(307, { Location: `http://127.0.0.1:${target.port}/stolen` }).end();
    });
    const dns = fakeDns({});
    const http = client({ allowCidrs: LOOPBACK, lookup: dns });

    const metadata = await http.request({ url: `http://127.0.0.1:${toMetadata.port}/hook`, body: '{}' });
    expect(metadata.status).toBe(302);
    expect(metadata.headers['location']).toBe('http://169.254.169.254/latest/meta-data/');
    expect(toMetadata.requests).toHaveLength(1);

    const redirected = await http.request({ url: `http://127.0.0.1:${toTarget.port}/hook`, method: 'GET' });
    expect(redirected.status).toBe(307);
    expect(toTarget.requests).toHaveLength(1);
    expect(target.connections).toBe(0);
    expect(target.requests).toHaveLength(0);
    expect(dns.asked).toEqual([]);
  });

  it('(c) gives TIMEOUT when the receiver does not answer in time, and ABORTED when the caller aborts', async () => {
    const silent = await startReceiver(() => {
      // Never answers.
    });
    const http = client({ allowCidrs: LOOPBACK, timeoutMs: 300 });
    const started = Date.now();
    const timeout = await failure(http.request({ url: `http://127.0.0.1:${silent.port}/`, headers: { Authorization: 'Bearer sekrit-token' }, body: 'top-secret-body' }));
    expect(timeout.code).toBe('TIMEOUT');
    expect(Date.now() - started).toBeLessThan(5000);
    expect(`${timeout.message} ${JSON.stringify(timeout)}`).not.toMatch(/sekrit-token|top-secret-body/);

    const perRequest = await failure(http.request({ url: `http://127.0.0.1:${silent.port}/`, timeoutMs: 50 }));
    expect(perRequest.code).toBe('TIMEOUT');
    expect(perRequest.message).toContain('50 ms');

    const controller = new AbortController();
    const aborted = failure(http.request({ url: `http://127.0.0.1:${silent.port}/`, signal: controller.signal }));
    setTimeout(() => controller.abort(), 50);
    expect((await aborted).code).toBe('ABORTED');
  });

  it('(d) reads at most bodyLimitBytes and says the body was cut', async () => {
    const big = 'x'.repeat(200_000);
    const receiver = await startReceiver((req, res) => {
      if (req.url === '/exact') res.end('y'.repeat(100));
      else if (req.url === '/utf8') res.end(`${'a'.repeat(99)}é and more`);
      else res.end(big);
    });
    const http = client({ allowCidrs: LOOPBACK, bodyLimitBytes: 100 });
    const cut = await http.request({ url: `http://127.0.0.1:${receiver.port}/`, method: 'GET' });
    expect(cut.body).toBe('x'.repeat(100));
    expect(cut.bodyTruncated).toBe(true);

    const exact = await http.request({ url: `http://127.0.0.1:${receiver.port}/exact`, method: 'GET' });
    expect(exact).toMatchObject({ body: 'y'.repeat(100), bodyTruncated: false });

    // The limit falls inside the two bytes of "é": the half character is dropped, not mangled.
    const utf8 = await http.request({ url: `http://127.0.0.1:${receiver.port}/utf8`, method: 'GET' });
    expect(utf8).toMatchObject({ body: 'a'.repeat(99), bodyTruncated: true });
  });

  it.each(['2130706433', '0x7f000001', '0177.0.0.1', '127.1', '[::ffff:127.0.0.1]', '[::ffff:7f00:1]'])(
    '(e) blocks the literal http://%s:port/ at connect time when no range is allowed',
    async (host) => {
      const receiver = await startReceiver();
      const dns = fakeDns({});
      const error = await failure(client({ lookup: dns }).request({ url: `http://${host}:${receiver.port}/` }));
      expect(error.code).toBe('BLOCKED_ADDRESS');
      expect(error.message).toMatch(/127\.0\.0\.1.*loopback|loopback/);
      expect(receiver.connections).toBe(0);
      expect(dns.asked).toEqual([]);
    },
  );

  it('blocks localhost through the system resolver', async () => {
    const receiver = await startReceiver();
    const error = await failure(client().request({ url: `http://localhost:${receiver.port}/` }));
    expect(error.code).toBe('BLOCKED_ADDRESS');
    expect(receiver.connections).toBe(0);
  });

  it('connects to the address it checked, keeping the name in the Host header (no second lookup)', async () => {
    const receiver = await startReceiver();
    const dns = fakeDns({ 'pinned.example.test': ['127.0.0.1'] });
    const http = client({ allowCidrs: ['127.0.0.1/32'], lookup: dns });
    // The system resolver cannot resolve this name, so the request only works if the socket
    // goes to the address from the checked lookup.
    const response = await http.request({ url: `http://pinned.example.test:${receiver.port}/`, method: 'GET' });
    expect(response.status).toBe(200);
    expect(dns.asked).toEqual(['pinned.example.test']);
    expect(receiver.requests[0]?.headers.host).toBe(`pinned.example.test:${receiver.port}`);
  });

  it('tries the next checked address when one refuses the connection', async () => {
    const receiver = await startReceiver();
    const dns = fakeDns({ 'two.example.test': ['127.0.0.2', '127.0.0.1'] });
    const response = await client({ allowCidrs: LOOPBACK, lookup: dns }).request({ url: `http://two.example.test:${receiver.port}/`, method: 'GET' });
    expect(response.status).toBe(200);
    expect(receiver.requests).toHaveLength(1);
  });

  it('reports DNS failures, refused connections and bad URLs with their codes', async () => {
    const http = client({ allowCidrs: LOOPBACK, lookup: fakeDns({}) });
    const dns = await failure(http.request({ url: 'https://no-such-host.example.test/' }));
    expect(dns.code).toBe('DNS');
    expect(dns.message).toBe('could not resolve no-such-host.example.test (ENOTFOUND)');

    const closed = await startReceiver();
    const port = closed.port;
    await new Promise<void>((resolve) => closed.server.close(() => resolve()));
    const refused = await failure(http.request({ url: `http://127.0.0.1:${port}/`, headers: { Authorization: 'Bearer sekrit-token' }, body: 'top-secret-body' }));
    expect(refused.code).toBe('NETWORK');
    expect(refused.message).toContain('ECONNREFUSED');
    expect(refused.message).not.toMatch(/sekrit-token|top-secret-body/);

    expect((await failure(http.request({ url: 'not a url' }))).code).toBe('INVALID_URL');
    expect((await failure(http.request({ url: 'ftp://127.0.0.1/' }))).code).toBe('INVALID_URL');
    expect((await failure(http.request({ url: 'https://user:pw@127.0.0.1/' }))).code).toBe('INVALID_URL');
  });

  it('refuses plain http: to a public address before connecting', async () => {
    const error = await failure(client({ lookup: fakeDns({ 'public.example.test': ['93.184.216.34'] }) }).request({ url: 'http://public.example.test/' }));
    expect(error.code).toBe('INVALID_URL');
    expect(error.message).toContain('use https:');
  });

  it('keeps the name for TLS (SNI and certificate check) while connecting to the checked address', async (context) => {
    const dir = mkdtempSync(join(tmpdir(), 'hub-tls-'));
    opened.push({ close: async () => rmSync(dir, { recursive: true, force: true }) });
    try {
      const args = ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1'];
      const subject = ['-subj', '/CN=tls.example.test', '-addext', 'subjectAltName=DNS:tls.example.test'];
      execFileSync('openssl', [...args, ...subject, '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
    } catch {
      context.skip('openssl is not installed');
    }
    const servernames: string[] = [];
    const server = createTlsServer({
      key: readFileSync(join(dir, 'key.pem')),
      cert: readFileSync(join(dir, 'cert.pem')),
      SNICallback: (servername, done) => {
        servernames.push(servername);
        done(null, undefined);
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    opened.push({
      close: () =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    });
    const port = (server.address() as AddressInfo).port;

    const http = client({ allowCidrs: LOOPBACK, lookup: fakeDns({ 'tls.example.test': ['127.0.0.1'] }) });
    // Self-signed: the certificate check must fail (it is not switched off), after SNI was sent.
    const error = await failure(http.request({ url: `https://tls.example.test:${port}/`, method: 'GET' }));
    expect(error.code).toBe('NETWORK');
    expect(error.message).toMatch(/self[- ]signed/i);
    expect(servernames).toEqual(['tls.example.test']);
  });
});
