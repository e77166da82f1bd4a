import { describe, expect, it } from 'vitest';
import { eventTypeMatches, resolveTemplate, selectTemplate } from './template-match.ts';

describe('eventTypeMatches', () => {
  it('matches exact types, prefix wildcards at any depth, and *', () => {
    expect(eventTypeMatches('github.push', 'github.push')).toBe(true);
    expect(eventTypeMatches('github.*', 'github.pr.opened')).toBe(true);
    expect(eventTypeMatches('*', 'member.created')).toBe(true);
  });

  it('does not match siblings or bare prefixes', () => {
    expect(eventTypeMatches('member.created', 'member.activated')).toBe(false);
    expect(eventTypeMatches('github.*', 'github')).toBe(false);
    expect(eventTypeMatches('github.*', 'githubx.push')).toBe(false);
  });
});

describe('selectTemplate', () => {
  const templates = [
    { eventType: '*', source: 'fallback' },
    { eventType: 'github.*', source: 'github' },
    { eventType: 'github.pr.*', source: 'pr' },
    { eventType: 'github.pr.merged', source: 'merged' },
  ];

  it('prefers exact, then the longest wildcard, then *', () => {
    expect(selectTemplate('github.pr.merged', templates)?.source).toBe('merged');
    expect(selectTemplate('github.pr.closed', templates)?.source).toBe('pr');
    expect(selectTemplate('github.push', templates)?.source).toBe('github');
    expect(selectTemplate('member.created', templates)?.source).toBe('fallback');
  });

  it('lets the first of equally specific templates win (overrides before defaults)', () => {
    const override = { eventType: 'github.push', source: 'mine' };
    expect(selectTemplate('github.push', [override, { eventType: 'github.push', source: 'default' }])).toBe(override);
  });

  it('returns undefined when nothing matches', () => {
    expect(selectTemplate('member.created', [{ eventType: 'github.*' }])).toBeUndefined();
  });
});

describe('resolveTemplate', () => {
  const defaults = [
    { eventType: 'member.created', source: 'default member' },
    { eventType: '*', source: 'default fallback' },
  ];

  it('uses a matching webhook template, however general, before any default', () => {
    expect(resolveTemplate('member.created', { 'member.*': 'mine' }, defaults)).toBe('mine');
    expect(resolveTemplate('member.created', { '*': 'all mine', 'member.created': 'exact mine' }, defaults)).toBe('exact mine');
  });

  it('falls back to the most specific default', () => {
    expect(resolveTemplate('member.created', { 'github.*': 'mine' }, defaults)).toBe('default member');
    expect(resolveTemplate('alert.fired', undefined, defaults)).toBe('default fallback');
    expect(resolveTemplate('alert.fired', undefined, [])).toBeUndefined();
  });
});
