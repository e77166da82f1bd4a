import { describe, expect, it } from 'vitest';
import { matchesEventFilters } from './event-catalog.ts';

describe('matchesEventFilters', () => {
  it('matches exact types, prefix wildcards and the catch-all', () => {
    expect(matchesEventFilters('member.created', ['member.created'])).toBe(true);
    expect(matchesEventFilters('member.created', ['member.*'])).toBe(true);
    expect(matchesEventFilters('github.pr.opened', ['github.*'])).toBe(true);
    expect(matchesEventFilters('member.created', ['*'])).toBe(true);
  });

  it('does not match other types or partial prefixes', () => {
    expect(matchesEventFilters('member.created', ['member.activated'])).toBe(false);
    expect(matchesEventFilters('members.created', ['member.*'])).toBe(false);
    expect(matchesEventFilters('event.created', [])).toBe(false);
  });
});
