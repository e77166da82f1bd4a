import { describe, expect, it } from 'vitest';
import { githubEvents } from './event-catalog.ts';
import { mapGithubEvent } from './map-event.ts';
import { githubExample } from './octokit-examples.ts';

/** The shape of a value: keys and value types, recursively (null and strings are both "nullable string"-ish). */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'string|null';
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, shape(inner)]));
  return typeof value === 'string' ? 'string|null' : typeof value;
}

const realPayloads: Record<string, () => [string, Record<string, unknown>]> = {
  'github.push': () => ['push', githubExample('push', (p) => p['ref'] === 'refs/heads/master')],
  'github.pr.opened': () => ['pull_request', githubExample('pull_request', (p) => p['action'] === 'opened')],
  'github.pr.closed': () => ['pull_request', githubExample('pull_request', (p) => p['action'] === 'closed')],
  'github.pr.merged': () => {
    const payload = githubExample('pull_request', (p) => p['action'] === 'closed');
    Object.assign(payload['pull_request'] as object, { merged: true, merged_by: { login: 'octocat' } });
    return ['pull_request', payload];
  },
};
for (const action of ['opened', 'closed', 'reopened', 'edited']) {
  // The examples have no `closed` issue: same payload as `opened` with another action.
  realPayloads[`github.issues.${action}`] = () => ['issues', { ...githubExample('issues', (p) => p['action'] === 'opened'), action }];
}
for (const action of ['published', 'created', 'released', 'prereleased']) {
  realPayloads[`github.release.${action}`] = () => ['release', githubExample('release', (p) => p['action'] === action)];
}

describe('github event catalog', () => {
  it('lists every type the source emits, each with a description', () => {
    expect(githubEvents.map((e) => e.type).sort()).toEqual(Object.keys(realPayloads).sort());
    for (const event of githubEvents) expect(event.description.length, event.type).toBeGreaterThan(10);
  });

  it.each(githubEvents.map((e) => [e.type, e] as const))('%s sample has the shape of a real event', (type, definition) => {
    const [name, payload] = (realPayloads[type] ?? (() => { throw new Error(type); }))();
    const [mapped] = mapGithubEvent(name, payload);
    expect(mapped?.type).toBe(type);
    expect(shape(definition.samplePayload)).toEqual(shape(mapped?.data));
  });
});
