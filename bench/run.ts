/**
 * Delivery throughput and publish-to-receipt latency, with a baseline measured in the same run:
 * the same loopback receiver hit directly (plain POSTs, same concurrency) versus events going
 * through the whole hub (API -> SQLite -> BullMQ fan-out -> delivery worker -> signed POST).
 * Prints both and their ratio. `npm run bench` (BENCH_EVENTS, BENCH_CONCURRENCY to change size).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { closeHub, createApp, createHub, loadConfig, startHubWorkers } from '@hub/core';
import { silentLogger } from '../core/src/observability/logger.ts';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 1000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 20);

const receivedAt = new Map<string, number>();
const receiver = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    const id = req.headers['x-webhook-id'];
    if (typeof id === 'string' && !receivedAt.has(id)) receivedAt.set(id, performance.now());
    res.writeHead(200).end('ok');
  });
});
await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
const receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;

async function pool(count: number, work: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < count) await work(next++);
  }));
}

const percentile = (values: number[], p: number) => values.sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))]!;

// Baseline: the receiver alone.
const body = JSON.stringify({ event: 'member.created', timestamp: new Date().toISOString(), eventId: 'x', data: { name: 'Ada' } });
let started = performance.now();
await pool(EVENTS, async (i) => {
  const res = await fetch(receiverUrl, { method: 'POST', headers: { 'content-type': 'application/json', 'x-webhook-id': `baseline-${i}` }, body });
  await res.text();
});
const baselineSeconds = (performance.now() - started) / 1000;

// The hub, end to end.
const dataDir = mkdtempSync(join(tmpdir(), 'hub-bench-'));
const config = loadConfig({
  HUB_DATA_DIR: dataDir,
  HUB_ADMIN_PASSWORD: 'bench-password-1',
  HUB_SECRET_KEY: 'b'.repeat(64),
  HUB_QUEUE_PREFIX: `bench-${Date.now()}`,
  HUB_ALLOW_PRIVATE_TARGETS: '127.0.0.0/8',
  HUB_RATE_LIMIT_PER_SECOND: '100000',
  HUB_WORKER_CONCURRENCY: process.env.HUB_WORKER_CONCURRENCY ?? '20',
  HUB_DASHBOARD_DIR: join(dataDir, 'none'),
});
const hub = await createHub({ config, logger: silentLogger(), print: () => {} });
const workers = startHubWorkers(hub);
const server = serve({ fetch: createApp(hub).fetch, hostname: '127.0.0.1', port: 0 });
await new Promise((resolve) => server.once('listening', resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@example.com', password: 'bench-password-1' }) });
const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
const { csrfToken } = (await login.json()) as { csrfToken: string };
const admin = { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
await fetch(`${base}/api/v1/webhooks`, { method: 'POST', headers: admin, body: JSON.stringify({ name: 'bench', url: receiverUrl, events: ['member.created'] }) });
const { key } = (await (await fetch(`${base}/api/v1/api-keys`, { method: 'POST', headers: admin, body: JSON.stringify({ name: 'bench', scopes: ['events:publish'] }) })).json()) as { key: string };

const publishedAt = new Map<string, number>();
started = performance.now();
await pool(EVENTS, async (i) => {
  const eventId = `bench-${i}`;
  publishedAt.set(eventId, performance.now());
  const res = await fetch(`${base}/api/v1/events`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'member.created', eventId, data: { name: 'Ada', i } }),
  });
  if (res.status !== 202) throw new Error(`publish answered ${res.status}`);
  await res.text();
});
const publishSeconds = (performance.now() - started) / 1000;
while ([...publishedAt.keys()].some((id) => !receivedAt.has(id))) await new Promise((resolve) => setTimeout(resolve, 20));
const hubSeconds = (performance.now() - started) / 1000;
const latencies = [...publishedAt].map(([id, at]) => receivedAt.get(id)! - at);

// Latency of a lone event on an idle hub.
const idle: number[] = [];
for (let i = 0; i < 30; i++) {
  const eventId = `idle-${i}`;
  const at = performance.now();
  await (await fetch(`${base}/api/v1/events`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify({ type: 'member.created', eventId, data: { i } }) })).text();
  while (!receivedAt.has(eventId)) await new Promise((resolve) => setTimeout(resolve, 1));
  idle.push(receivedAt.get(eventId)! - at);
}

const rate = (seconds: number) => (EVENTS / seconds).toFixed(0);
console.log(`events: ${EVENTS}, client concurrency: ${CONCURRENCY}, worker concurrency: ${config.workerConcurrency}, store: ${hub.store.kind}`);
console.log(`baseline (direct POSTs to the receiver): ${rate(baselineSeconds)} req/s`);
console.log(`hub publish API:                         ${rate(publishSeconds)} events/s accepted`);
console.log(`hub end to end (published -> received):  ${rate(hubSeconds)} deliveries/s`);
console.log(`ratio hub/baseline:                      ${(baselineSeconds / hubSeconds).toFixed(3)}`);
console.log(`idle publish -> receipt latency:         p50 ${percentile(idle, 50).toFixed(1)} ms, p95 ${percentile(idle, 95).toFixed(1)} ms`);
console.log(`under full load, publish -> receipt:     p50 ${percentile(latencies, 50).toFixed(0)} ms, p95 ${percentile(latencies, 95).toFixed(0)} ms, max ${percentile(latencies, 100).toFixed(0)} ms`);

server.close();
await workers.close();
await closeHub(hub);
receiver.close();
process.exit(0);
