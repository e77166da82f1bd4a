import type { TemplateRenderer } from '../template.ts';
import { truncateText } from '../text.ts';

/** One call to a template renderer, as recorded. */
export interface RenderCall {
  readonly source: string;
  readonly variables: Record<string, unknown>;
  readonly options?: { maxLength?: number };
}

/** A `TemplateRenderer` that records what it was asked to render. */
export interface RecordingTemplateRenderer extends TemplateRenderer {
  readonly calls: RenderCall[];
}

const MUSTACHE = /\{\{\{?([^{}]*)\}?\}\}/g;
const PATH = /^[A-Za-z_$][\w$]*(?:\.[\w$]+)*$/;

/**
 * A stand-in for core's Handlebars engine in plugin unit tests: `{{path.to.value}}` (and
 * `{{{path}}}`) are replaced by the value (own properties only; objects as JSON; missing as
 * empty). Helpers and blocks are NOT evaluated and render as nothing, so assert on plain
 * substitutions, or pass core's engine through `templates` for the real thing.
 *
 * @example
 * createSimpleTemplateRenderer().render('Hi {{data.name}}', { data: { name: 'Ada' } }); // 'Hi Ada'
 */
export function createSimpleTemplateRenderer(): RecordingTemplateRenderer {
  return recordingRenderer({
    render(source, variables, options) {
      const text = source.replace(MUSTACHE, (_match, expression: string) => {
        const trimmed = expression.trim();
        return PATH.test(trimmed) ? stringify(lookup(variables, trimmed)) : '';
      });
      const max = options?.maxLength;
      return max === undefined ? text : truncateText(text, max);
    },
  });
}

/** Wrap a renderer so that its calls are recorded. */
export function recordingRenderer(inner: TemplateRenderer): RecordingTemplateRenderer {
  const calls: RenderCall[] = [];
  return {
    calls,
    render(source, variables, options) {
      calls.push(options === undefined ? { source, variables } : { source, variables, options });
      return inner.render(source, variables, options);
    },
  };
}

function lookup(root: unknown, path: string): unknown {
  let current = root;
  for (const key of path.split('.')) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function stringify(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
