import { describe, expect, it } from 'vitest';
import { redactSecrets, secretStrings } from './redact.ts';

describe('secretStrings', () => {
  it('collects every non-empty string, nested ones included', () => {
    expect(secretStrings({ a: 'x', b: { c: ['y', ''] }, d: 3 })).toEqual(['x', 'y']);
  });
});

describe('redactSecrets', () => {
  it('removes every occurrence, longest secret first', () => {
    const url = 'https://discord.com/api/webhooks/1/tok3n';
    expect(redactSecrets(`connect failed for ${url} (${url})`, ['tok3n', url])).toBe(
      'connect failed for [redacted] ([redacted])',
    );
  });

  it('ignores empty secrets', () => {
    expect(redactSecrets('abc', [''])).toBe('abc');
  });
});
