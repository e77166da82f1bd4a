import { describe, expect, it } from 'vitest';
import { createSimpleTemplateRenderer } from './simple-template-renderer.ts';

describe('createSimpleTemplateRenderer', () => {
  it('substitutes dotted paths and records the call', () => {
    const renderer = createSimpleTemplateRenderer();
    const variables = { data: { member: { name: 'Ada' }, tags: ['a'] } };
    expect(renderer.render('🎉 {{ data.member.name }} {{{data.tags}}}', variables)).toBe('🎉 Ada ["a"]');
    expect(renderer.calls).toEqual([{ source: '🎉 {{ data.member.name }} {{{data.tags}}}', variables }]);
  });

  it('renders missing values, prototype properties, helpers and blocks as nothing', () => {
    const renderer = createSimpleTemplateRenderer();
    expect(renderer.render('[{{data.nope}}][{{constructor.name}}][{{truncate data.x 3}}][{{#if a}}]', { data: {} })).toBe('[][][][]');
  });

  it('honours maxLength', () => {
    expect(createSimpleTemplateRenderer().render('abcdef', {}, { maxLength: 3 })).toBe('ab…');
  });
});
