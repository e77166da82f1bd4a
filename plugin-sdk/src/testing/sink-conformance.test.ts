import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { classifyHttpError, classifyHttpResponse } from '../classify.ts';
import { defineSink, type SinkDefinition } from '../define-sink.ts';
import { runSinkConformance } from './sink-conformance.ts';

const settings = v.object({});
const secrets = v.object({ token: v.string() });
type Definition = SinkDefinition<typeof settings, typeof secrets>;

const wellBehaved: Definition = {
  id: 'reference',
  version: '1.0.0',
  name: 'Reference',
  requiresUrl: true,
  settings,
  secrets,
  async deliver(ctx, input) {
    try {
      const res = await ctx.http.request({
        url: input.webhook.url ?? '',
        headers: { authorization: `Bearer ${ctx.secrets.token}` },
        body: input.body,
        signal: ctx.signal,
      });
      ctx.logger.debug('delivered', { status: res.status });
      return classifyHttpResponse(res, ctx.now());
    } catch (error) {
      return classifyHttpError(error);
    }
  },
};

runSinkConformance(defineSink(wellBehaved), { settings: {}, secrets: { token: 'sekret-token' }, describe, it, expect });

/** Run the suite with collecting describe/it and report which checks fail. */
async function failingChecks(definition: Definition): Promise<string[]> {
  const tests: { name: string; body: () => Promise<void> }[] = [];
  runSinkConformance(defineSink(definition), {
    settings: {},
    secrets: { token: 'sekret-token' },
    describe: (_name, body) => body(),
    it: (name, body) => tests.push({ name, body }),
    expect,
  });
  const failed: string[] = [];
  for (const test of tests) await test.body().catch(() => failed.push(test.name));
  return failed;
}

describe('runSinkConformance catches misbehaving sinks', () => {
  it('passes the reference sink entirely', async () => {
    expect(await failingChecks(wellBehaved)).toEqual([]);
  });

  it('flags a sink that logs its secret', async () => {
    const leaky: Definition = {
      ...wellBehaved,
      async deliver(ctx, input) {
        ctx.logger.info(`using token ${ctx.secrets.token}`);
        return wellBehaved.deliver(ctx, input);
      },
    };
    expect(await failingChecks(leaky)).toEqual(['never puts secret values in log records or outcomes']);
  });

  it('flags a sink that ignores the abort signal and treats every failure as permanent', async () => {
    const careless: Definition = {
      ...wellBehaved,
      async deliver(ctx, input) {
        const res = await ctx.http.request({ url: input.webhook.url ?? '', body: input.body }).catch(() => undefined);
        if (res === undefined) return { kind: 'failed', class: 'permanent', reason: 'error' };
        return res.status < 300 ? { kind: 'ok', status: res.status } : { kind: 'failed', class: 'permanent', reason: 'no' };
      },
    };
    const failed = await failingChecks(careless);
    expect(failed).toEqual(
      expect.arrayContaining([
        'HTTP 429 -> rateLimited, retry after 7000 ms',
        'HTTP 503 -> retryable',
        'NETWORK error -> retryable',
        'hands the attempt signal to the request',
        'sends nothing (or an aborted request) when the attempt is already aborted',
      ]),
    );
    expect(failed).not.toContain('HTTP 404 -> permanent');
  });
});
