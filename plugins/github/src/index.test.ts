import { createTestSourceContext, signGithubRequest } from '@hub/plugin-sdk/testing';
import { isBrandedPlugin } from '@hub/plugin-sdk';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import github from './index.ts';
import { githubExample } from './octokit-examples.ts';

const webhookSecret = "It's a Secret to Everybody";
const context = (events?: string[]) => createTestSourceContext({ settings: events ? { events } : {}, secrets: { webhookSecret } });

describe('github source: verify', () => {
  it('is a branded source whose secrets require a webhook secret', () => {
    expect(isBrandedPlugin(github) && github.kind).toBe('source');
    expect(v.safeParse(github.secrets, {}).success).toBe(false);
    expect(v.safeParse(github.settings, { events: ['github.pr.*', 'github.push'] }).success).toBe(true);
    expect(v.safeParse(github.settings, { events: ['member.created'] }).success).toBe(false);
  });

  it('accepts what GitHub signed and refuses anything else', () => {
    const request = signGithubRequest({ secret: webhookSecret, event: 'push', body: githubExample('push') });
    expect(github.ingress.verify(context(), request)).toEqual({ ok: true });
    const forged = signGithubRequest({ secret: 'guess', event: 'push', body: githubExample('push') });
    expect(github.ingress.verify(context(), forged).ok).toBe(false);
    const unsigned = { ...request, headers: { ...request.headers, 'x-hub-signature-256': '' } };
    expect(github.ingress.verify(context(), unsigned)).toEqual({ ok: false, reason: 'missing X-Hub-Signature-256 header' });
  });

  it('verifies the raw bytes of form-encoded deliveries', () => {
    const request = signGithubRequest({ secret: webhookSecret, event: 'push', body: githubExample('push'), contentType: 'form' });
    expect(github.ingress.verify(context(), request)).toEqual({ ok: true });
  });
});

describe('github source: parse', () => {
  it('acknowledges ping without events', () => {
    const request = signGithubRequest({ secret: webhookSecret, event: 'ping', body: githubExample('ping') });
    expect(github.ingress.parse(context(), request)).toEqual([]);
  });

  it('turns a push into one github.push event identified by the delivery id', () => {
    const request = signGithubRequest({
      secret: webhookSecret,
      event: 'push',
      deliveryId: 'd6f0b1c2-0000-11ee-8000-000000000001',
      body: githubExample('push', (p) => p['ref'] === 'refs/heads/master'),
    });
    const drafts = github.ingress.parse(context(), request);
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ type: 'github.push', eventId: 'github:d6f0b1c2-0000-11ee-8000-000000000001' });
    expect(github.ingress.dedupeKey(request)).toBe('d6f0b1c2-0000-11ee-8000-000000000001');
  });

  it('parses form-encoded deliveries like JSON ones', () => {
    const body = githubExample('pull_request', (p) => p['action'] === 'opened');
    const json = github.ingress.parse(context(), signGithubRequest({ secret: webhookSecret, event: 'pull_request', body }));
    const form = github.ingress.parse(context(), signGithubRequest({ secret: webhookSecret, event: 'pull_request', body, contentType: 'form' }));
    expect(form).toEqual(json);
    expect(form[0]?.type).toBe('github.pr.opened');
  });

  it('acknowledges unsupported events and actions with no events', () => {
    const star = signGithubRequest({ secret: webhookSecret, event: 'star', body: { action: 'created' } });
    const labeled = signGithubRequest({
      secret: webhookSecret,
      event: 'issues',
      body: githubExample('issues', (p) => p['action'] === 'labeled'),
    });
    expect(github.ingress.parse(context(), star)).toEqual([]);
    expect(github.ingress.parse(context(), labeled)).toEqual([]);
  });

  it('keeps only the event types of the settings filter', () => {
    const request = signGithubRequest({ secret: webhookSecret, event: 'push', body: githubExample('push') });
    expect(github.ingress.parse(context(['github.pr.*']), request)).toEqual([]);
    expect(github.ingress.parse(context(['github.pr.*', 'github.push']), request)).toHaveLength(1);
    expect(github.ingress.parse(context([]), request)).toHaveLength(1);
  });

  it('rejects requests without an event name or with a broken body', () => {
    const request = signGithubRequest({ secret: webhookSecret, event: 'push', body: '{"truncated":' });
    expect(() => github.ingress.parse(context(), request)).toThrow('not valid JSON');
    const nameless = { ...request, headers: { ...request.headers, 'x-github-event': '' } };
    expect(() => github.ingress.parse(context(), nameless)).toThrow('missing X-GitHub-Event header');
  });

  it('has no dedupe key without X-GitHub-Delivery', () => {
    const request = signGithubRequest({ secret: webhookSecret, event: 'push', body: '{}', headers: { 'x-github-delivery': '' } });
    expect(github.ingress.dedupeKey(request)).toBeUndefined();
  });
});
