import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { ui } from './ui.ts';

describe('ui', () => {
  it('fits anywhere in a pipe and carries the hints as metadata', () => {
    const schema = v.pipe(v.optional(v.string()), ui({ label: 'Bot name', placeholder: 'Hub' }));
    const parsed: string | undefined = v.parse(schema, 'Hub bot');
    expect(parsed).toBe('Hub bot');
    expect(v.getMetadata(schema)).toEqual({ ui: { label: 'Bot name', placeholder: 'Hub' } });
  });
});
