import discord from '@hub/plugin-discord';
import github from '@hub/plugin-github';
import slack from '@hub/plugin-slack-example';
import { eventTypeMatches, type EventTypeDefinition } from '@hub/plugin-sdk';
import Handlebars from 'handlebars';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { COMMUNITY_EVENT_TYPES, SYSTEM_EVENT_TYPES } from '../events/core-event-types.ts';
import { createTemplateEngine, TemplateError, validateTemplate } from './template-engine.ts';

const now = () => new Date('2026-01-01T12:00:00.000Z');
const engine = createTemplateEngine({ now });

afterEach(() => {
  vi.restoreAllMocks();
});

describe('template engine: rendering', () => {
  it('substitutes values, renders missing fields as nothing and does not HTML-escape chat text', () => {
    const out = engine.render('{{data.name}} <{{data.url}}> & {{data.missing.deeper}}|{{#if data.none}}x{{/if}}', {
      data: { name: 'Ada & <Bob>', url: 'https://example.com/?a=1&b=2' },
    });
    expect(out).toBe('Ada & <Bob> <https://example.com/?a=1&b=2> & |');
  });

  it('supports blocks and each', () => {
    expect(engine.render('{{#each data.tags}}#{{this}} {{/each}}', { data: { tags: ['a', 'b'] } })).toBe('#a #b ');
  });

  it('cuts the output to the engine limit, or to a lower one a sink asks for', () => {
    const small = createTemplateEngine({ maxLength: 10 });
    expect(small.render('{{x}}', { x: 'a'.repeat(50) })).toBe(`${'a'.repeat(9)}…`);
    expect(small.render('{{x}}', { x: 'a'.repeat(50) }, { maxLength: 5 })).toHaveLength(5);
    expect(small.render('{{x}}', { x: 'a'.repeat(50) }, { maxLength: 5000 })).toHaveLength(10);
    expect(createTemplateEngine().render('{{x}}', { x: 'a'.repeat(10_000) })).toHaveLength(4000);
  });
});

describe('template engine: helpers', () => {
  it('truncate', () => {
    expect(engine.render('{{truncate x 5}}', { x: 'hello world' })).toBe('hell…');
    expect(engine.render('{{truncate x 50}}', { x: 'short' })).toBe('short');
    expect(engine.render('{{truncate x}}', { x: 'no length given' })).toBe('no length given');
    expect(engine.render('{{truncate missing 5}}', {})).toBe('');
  });

  it('emoji', () => {
    expect(engine.render('{{emoji "rocket"}}{{emoji "tada"}}{{emoji "git"}}{{emoji "warning"}}', {})).toBe('🚀🎉🔀⚠️');
    expect(engine.render('{{emoji "thumbsup"}}', {})).toBe(':thumbsup:');
    expect(engine.render('{{emoji "<@everyone>"}}|{{emoji "constructor"}}', {})).toBe('|:constructor:');
  });

  it('json', () => {
    expect(engine.render('{{json data}}', { data: { a: [1, 'x'] } })).toBe('{\n  "a": [\n    1,\n    "x"\n  ]\n}');
    expect(engine.render('{{json nothing}}', {})).toBe('');
    const circular: Record<string, unknown> = {};
    circular['self'] = circular;
    expect(engine.render('{{json c}}', { c: circular })).toBe('[unserializable]');
  });

  it('date', () => {
    const at = '2026-01-01T09:00:00.000Z';
    expect(engine.render('{{date at "date"}}', { at })).toBe('2026-01-01');
    expect(engine.render('{{date at "datetime"}}|{{date at}}', { at })).toBe('2026-01-01 09:00 UTC|2026-01-01 09:00 UTC');
    expect(engine.render('{{date at "relative"}}', { at })).toBe('3 hours ago');
    expect(engine.render('{{date at "relative"}}', { at: '2026-01-03T12:00:00Z' })).toBe('in 2 days');
    expect(engine.render('{{date at "relative"}}', { at: '2026-01-01T12:00:00Z' })).toBe('now');
    expect(engine.render('{{date at "date"}}|{{date missing}}', { at: 'not a date' })).toBe('not a date|');
  });
});

describe('template engine: sandbox', () => {
  it.each([
    '{{constructor.constructor}}',
    '{{constructor.name}}',
    '{{__proto__}}',
    '{{data.__proto__.constructor}}',
    '{{lookup data "constructor"}}',
    '{{#with constructor}}{{name}}{{/with}}',
    '{{#with data.toString}}{{call}}{{/with}}',
    '{{data.hasOwnProperty}}',
  ])('prototype access through %s yields nothing', (source) => {
    expect(engine.render(source, { data: { title: 'x' } })).toBe('');
  });

  it('refuses to call a property as a function', () => {
    expect(() => engine.render('{{data.constructor.constructor "return process"}}', { data: {} })).toThrow(TemplateError);
    expect(validateTemplate('{{#with (data.constructor "x")}}{{/with}}').ok).toBe(false);
  });

  it('resists the classic Handlebars RCE payload', () => {
    const payload = [
      '{{#with "s" as |string|}}{{#with "e"}}{{#with split as |conslist|}}{{this.pop}}{{this.push (lookup string.sub "constructor")}}',
      '{{this.pop}}{{#with string.split as |codelist|}}{{this.pop}}{{this.push "return globalThis.__pwned = 1;"}}{{this.pop}}',
      '{{#each conslist}}{{#with (string.sub.apply 0 codelist)}}{{this}}{{/with}}{{/each}}{{/with}}{{/with}}{{/with}}{{/with}}',
    ].join('');
    expect(() => engine.render(payload, {})).not.toThrow(/pwned/);
    expect((globalThis as Record<string, unknown>)['__pwned']).toBeUndefined();
  });

  it('uses an isolated environment: no global helpers leak in, none leak out', () => {
    Handlebars.registerHelper('shout', (s: unknown) => String(s).toUpperCase());
    try {
      expect(validateTemplate('{{shout "x"}}').ok).toBe(false);
      expect(Handlebars.helpers['truncate']).toBeUndefined();
    } finally {
      Handlebars.unregisterHelper('shout');
    }
  });
});

describe('template engine: errors and validation', () => {
  it('throws a TemplateError naming the line for a syntax error', () => {
    let error: unknown;
    try {
      engine.render('first line\n{{#if data.x}}unclosed', {});
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(TemplateError);
    expect((error as TemplateError).message).toMatch(/^Parse error on line 2: unexpected end of template/);
    expect((error as TemplateError).line).toBe(2);
  });

  it('validateTemplate accepts good templates and explains bad ones', () => {
    expect(validateTemplate('🚀 {{truncate data.title 50}} {{#each data.tags}}{{this}}{{/each}}')).toEqual({ ok: true });
    expect(validateTemplate('{{data.x}')).toMatchObject({ ok: false, message: expect.stringMatching(/^Parse error on line 1/) });
    expect(validateTemplate('ok\n  {{nope data.x}}')).toEqual({
      ok: false,
      message: 'unknown helper "nope" on line 2, column 3 (available: truncate, emoji, json, date, if, unless, each, with, lookup)',
    });
    expect(validateTemplate('{{log "spam"}}')).toMatchObject({ ok: false, message: expect.stringContaining('unknown helper "log"') });
    expect(validateTemplate('{{> header}}')).toEqual({ ok: false, message: 'partials are not available (line 1)' });
    expect(createTemplateEngine().validateTemplate('{{/if}}').ok).toBe(false);
  });

  it('throws at render time for an unknown helper', () => {
    expect(() => engine.render('{{nope 1}}', {})).toThrow(TemplateError);
  });
});

describe('template engine: cache', () => {
  it('compiles each source once and drops the least recently used beyond the cache size', () => {
    const create = Handlebars.create.bind(Handlebars);
    let compile: ReturnType<typeof vi.spyOn> | undefined;
    vi.spyOn(Handlebars, 'create').mockImplementation(() => {
      const env = create();
      compile = vi.spyOn(env, 'compile');
      return env;
    });
    const cached = createTemplateEngine({ cacheSize: 2 });
    cached.render('a{{x}}', {});
    cached.render('a{{x}}', {});
    expect(compile).toHaveBeenCalledTimes(1);
    cached.render('b{{x}}', {});
    cached.render('a{{x}}', {}); // a is now the most recent
    cached.render('c{{x}}', {}); // evicts b
    cached.render('a{{x}}', {});
    expect(compile).toHaveBeenCalledTimes(3);
    cached.render('b{{x}}', {});
    expect(compile).toHaveBeenCalledTimes(4);
  });
});

describe('first-party default templates', () => {
  const catalog: EventTypeDefinition[] = [...COMMUNITY_EVENT_TYPES, ...SYSTEM_EVENT_TYPES, ...github.events];
  const sinks = [discord, slack];

  for (const sink of sinks) {
    for (const template of sink.templates ?? []) {
      it(`${sink.id} ${template.eventType} compiles and renders every matching sample`, () => {
        expect(validateTemplate(template.source)).toEqual({ ok: true });
        const samples = catalog.filter((definition) => eventTypeMatches(template.eventType, definition.type));
        for (const sample of samples) {
          const text = engine.render(template.source, {
            event: { id: 'evt_1', type: sample.type, source: 'test', communityId: 'default', occurredAt: now().toISOString() },
            data: sample.samplePayload,
            webhook: { id: 'wh_1', name: 'Announcements', communityId: 'default' },
          });
          expect(text.trim().length, sample.type).toBeGreaterThan(5);
          // Tell-tales of a field the template expects but the sample lacks: empty bold or code, a gap.
          const prose = text.replace(/```[\s\S]*?```/g, '');
          expect(prose, sample.type).not.toMatch(/undefined|\[object Object\]|\*\*\*\*|``| {2}/);
        }
      });
    }
  }
});
