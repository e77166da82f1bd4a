import { truncateText, type TemplateRenderer } from '@hub/plugin-sdk';
import Handlebars from 'handlebars';

/**
 * Core's one Handlebars environment for message templates (DESIGN §8): isolated from the global
 * Handlebars, no HTML escaping (chat text), missing fields render empty, no prototype access,
 * only the helpers below (`log` and partials are off), output cut to a maximum length.
 */
export interface TemplateEngine extends TemplateRenderer {
  /** Compile without rendering: `{ ok: false, message }` is what the API returns with a 422. */
  validateTemplate(source: string): TemplateValidation;
}

export type TemplateValidation = { readonly ok: true } | { readonly ok: false; readonly message: string };

export interface TemplateEngineOptions {
  /** Longest output of any render; a sink may ask for less. @defaultValue 4000 */
  readonly maxLength?: number;
  /** Compiled templates kept, least recently used dropped first. @defaultValue 500 */
  readonly cacheSize?: number;
  /** Clock of the `date` helper's relative format. @defaultValue the system clock */
  readonly now?: () => Date;
}

/** A template that does not compile or fails while rendering. Its message names the line when known. */
export class TemplateError extends Error {
  override readonly name = 'TemplateError';
  readonly code = 'template_invalid';
  constructor(
    message: string,
    readonly line?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

const EMOJI: Readonly<Record<string, string>> = Object.assign(Object.create(null) as Record<string, string>, {
  rocket: '🚀',
  tada: '🎉',
  wave: '👋',
  star: '⭐',
  fire: '🔥',
  warning: '⚠️',
  check: '✅',
  x: '❌',
  bug: '🐛',
  sparkles: '✨',
  package: '📦',
  git: '🔀',
});

const HELPERS = ['truncate', 'emoji', 'json', 'date'] as const;
const COMPILE_OPTIONS = {
  strict: false,
  noEscape: true,
  preventIndent: true,
  knownHelpersOnly: true,
  knownHelpers: { truncate: true, emoji: true, json: true, date: true, log: false },
} satisfies CompileOptions;
const RUNTIME_OPTIONS = { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false } satisfies Handlebars.RuntimeOptions;
const FORBIDDEN_NODES: Readonly<Record<string, string>> = {
  PartialStatement: 'partials are not available',
  PartialBlockStatement: 'partials are not available',
  DecoratorBlock: 'decorators are not available',
  Decorator: 'decorators are not available',
};

/**
 * @example
 * const engine = createTemplateEngine({ maxLength: 4000 });
 * engine.render('{{emoji "rocket"}} {{truncate data.title 50}}', { data: { title: 'Launch' } }); // '🚀 Launch'
 * engine.validateTemplate('{{#if x}}'); // { ok: false, message: 'Parse error on line 1: ...' }
 */
export function createTemplateEngine(options: TemplateEngineOptions = {}): TemplateEngine {
  const maxLength = options.maxLength ?? 4000;
  const cacheSize = options.cacheSize ?? 500;
  const now = options.now ?? (() => new Date());
  const hb = Handlebars.create();
  hb.unregisterHelper('log');
  registerHelpers(hb, now);
  const cache = new Map<string, HandlebarsTemplateDelegate>();

  const compile = (source: string): HandlebarsTemplateDelegate => {
    const cached = cache.get(source);
    if (cached !== undefined) {
      cache.delete(source);
      cache.set(source, cached);
      return cached;
    }
    check(hb, source);
    const template = hb.compile(source, COMPILE_OPTIONS);
    cache.set(source, template);
    if (cache.size > cacheSize) cache.delete(cache.keys().next().value as string);
    return template;
  };

  return {
    render(source, variables, renderOptions) {
      const template = compile(source);
      let output: string;
      try {
        output = template(variables, RUNTIME_OPTIONS);
      } catch (error) {
        throw toTemplateError(error);
      }
      return truncateText(output, Math.min(renderOptions?.maxLength ?? maxLength, maxLength));
    },
    validateTemplate(source) {
      try {
        check(hb, source);
        hb.precompile(source, COMPILE_OPTIONS);
        return { ok: true };
      } catch (error) {
        return { ok: false, message: toTemplateError(error).message };
      }
    },
  };
}

type CompileOptions = NonNullable<Parameters<typeof Handlebars.compile>[1]>;

/** Syntax errors and forbidden constructs, found before compiling. */
function check(hb: typeof Handlebars, source: string): void {
  let program: hbs.AST.Program;
  try {
    program = hb.parse(source);
  } catch (error) {
    throw toTemplateError(error);
  }
  const visit = (node: unknown): void => {
    if (typeof node !== 'object' || node === null) return;
    const { type, loc } = node as { type?: string; loc?: hbs.AST.SourceLocation };
    const problem = type === undefined ? undefined : FORBIDDEN_NODES[type];
    if (problem !== undefined) {
      const line = loc?.start.line;
      throw new TemplateError(`${problem}${line === undefined ? '' : ` (line ${line})`}`, line);
    }
    for (const key of ['body', 'program', 'inverse'] as const) {
      const child = (node as Record<string, unknown>)[key];
      if (Array.isArray(child)) child.forEach(visit);
      else visit(child);
    }
  };
  visit(program);
}

/** Handlebars' messages, made readable: the line, and what went wrong in words. */
function toTemplateError(error: unknown): TemplateError {
  if (error instanceof TemplateError) return error;
  const raw = error instanceof Error ? error.message : String(error);
  const parse = /^Parse error on line (\d+):\n([^\n]*)\n([^\n]*)\n.*got '([^']+)'/s.exec(raw);
  if (parse) {
    const [, line = '', snippet = '', pointer = '', got = ''] = parse;
    const what = got === 'EOF' ? 'unexpected end of template (a block is not closed?)' : `unexpected ${got.toLowerCase()}`;
    return new TemplateError(`Parse error on line ${line}: ${what}\n${snippet}\n${pointer}`, Number(line), { cause: error });
  }
  const helper = /unknown helper (\S+) - (\d+):(\d+)/.exec(raw);
  if (helper) {
    const [, name = '', line = '', column = ''] = helper;
    return new TemplateError(
      `unknown helper "${name}" on line ${line}, column ${Number(column) + 1} (available: ${HELPERS.join(', ')}, if, unless, each, with, lookup)`,
      Number(line),
      { cause: error },
    );
  }
  const line = (error as { lineNumber?: unknown }).lineNumber;
  return new TemplateError(raw, typeof line === 'number' ? line : undefined, { cause: error });
}

function registerHelpers(hb: typeof Handlebars, now: () => Date): void {
  // Helpers get Handlebars' options object as their last argument: never treat it as a value.
  const isOptions = (value: unknown) => typeof value === 'object' && value !== null && 'hash' in value && 'data' in value;

  hb.registerHelper('truncate', (value: unknown, length: unknown) => {
    const text = toText(value);
    const max = typeof length === 'number' ? length : Number(length);
    return isOptions(length) || !Number.isFinite(max) ? text : truncateText(text, Math.max(0, Math.floor(max)));
  });

  hb.registerHelper('emoji', (name: unknown) => {
    if (typeof name !== 'string') return '';
    if (Object.hasOwn(EMOJI, name)) return EMOJI[name];
    // Unknown names become a shortcode, which Discord and Slack render themselves.
    return /^[a-z0-9_+-]{1,40}$/.test(name) ? `:${name}:` : '';
  });

  hb.registerHelper('json', (value: unknown) => {
    if (isOptions(value) || value === undefined) return '';
    try {
      return JSON.stringify(value, null, 2) ?? '';
    } catch {
      return '[unserializable]';
    }
  });

  hb.registerHelper('date', (value: unknown, format: unknown) => {
    const at = typeof value === 'string' || typeof value === 'number' || value instanceof Date ? new Date(value) : undefined;
    if (at === undefined || Number.isNaN(at.getTime())) return isOptions(value) || value == null ? '' : String(value);
    const iso = at.toISOString();
    switch (isOptions(format) ? 'datetime' : format) {
      case 'date':
        return iso.slice(0, 10);
      case 'relative':
        return relativeTime(at, now());
      default:
        return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
    }
  });
}

function toText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'object') {
    try {
      return JSON.stringify(value);
    } catch {
      return '';
    }
  }
  return String(value);
}

const UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];
const relativeFormat = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

/** "5 minutes ago", "in 2 days", "now". */
function relativeTime(at: Date, reference: Date): string {
  const seconds = Math.round((at.getTime() - reference.getTime()) / 1000);
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size || unit === 'second') return relativeFormat.format(Math.round(seconds / size), unit);
  }
  return '';
}

let sharedEngine: TemplateEngine | undefined;

/**
 * Check a template with the hub's helpers and rules, e.g. before saving it (422 when not ok).
 *
 * @example
 * const check = validateTemplate('{{#if data.url}}{{data.url}}');
 * if (!check.ok) throw new ValidationError(`template for ${eventType}: ${check.message}`);
 */
export function validateTemplate(source: string): TemplateValidation {
  sharedEngine ??= createTemplateEngine();
  return sharedEngine.validateTemplate(source);
}
