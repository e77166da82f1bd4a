import { describe, expect, it } from 'vitest';
import { truncateText } from './text.ts';

describe('truncateText', () => {
  it('leaves short text alone', () => {
    expect(truncateText('hello', 5)).toBe('hello');
  });

  it('cuts to the limit including the ellipsis', () => {
    expect(truncateText('hello world', 8)).toBe('hello w…');
    expect(truncateText('hello world', 8)).toHaveLength(8);
  });

  it('never splits an emoji', () => {
    expect(truncateText('ab🚀cd', 4)).toBe('ab…');
    expect(truncateText('ab🚀cd', 5)).toBe('ab🚀…');
  });
});
