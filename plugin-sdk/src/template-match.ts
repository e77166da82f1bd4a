import type { TemplateDefinition } from './template.ts';

/**
 * Whether an event-type pattern matches a type. A pattern is an exact type (`github.push`), a
 * prefix wildcard (`github.*` matches `github.push` and `github.pr.opened`) or `*` (everything).
 *
 * @example
 * eventTypeMatches('github.*', 'github.pr.opened'); // true
 * eventTypeMatches('member.created', 'member.activated'); // false
 */
export function eventTypeMatches(pattern: string, type: string): boolean {
  if (pattern === '*') return true;
  if (pattern.endsWith('.*')) return type.startsWith(pattern.slice(0, -1));
  return pattern === type;
}

/**
 * How specific a pattern is: an exact type beats any wildcard, a longer wildcard beats a
 * shorter one (`github.pr.*` over `github.*`), and `*` comes last.
 *
 * @example
 * patternSpecificity('github.pr.*') > patternSpecificity('github.*'); // true
 */
export function patternSpecificity(pattern: string): number {
  if (pattern === '*') return 0;
  if (pattern.endsWith('.*')) return pattern.split('.').length - 1;
  return Number.MAX_SAFE_INTEGER;
}

/**
 * Pick the template for an event type: the most specific matching `eventType` wins; between
 * equally specific ones the first listed wins, so put a webhook's overrides before the sink's
 * defaults. Returns undefined when nothing matches (no `*` fallback).
 *
 * @example
 * const template = selectTemplate(event.type, [...overrides, ...plugin.templates]);
 */
export function selectTemplate<T extends Pick<TemplateDefinition, 'eventType'>>(
  eventType: string,
  templates: readonly T[],
): T | undefined {
  let best: T | undefined;
  let bestScore = -1;
  for (const template of templates) {
    if (!eventTypeMatches(template.eventType, eventType)) continue;
    const score = patternSpecificity(template.eventType);
    if (score > bestScore) {
      best = template;
      bestScore = score;
    }
  }
  return best;
}

/**
 * The template a webhook uses for an event: the most specific of its own templates (settings
 * keyed by event type, wildcard or `*`) when one matches, otherwise the most specific of the
 * sink's defaults. A webhook's `*` therefore means "my format for everything".
 *
 * @example
 * const source = resolveTemplate(input.event.type, ctx.settings.templates, plugin.templates) ?? '{{event.type}}';
 */
export function resolveTemplate(
  eventType: string,
  overrides: Readonly<Record<string, string>> | undefined,
  defaults: readonly TemplateDefinition[] = [],
): string | undefined {
  const own = Object.entries(overrides ?? {}).map(([pattern, source]) => ({ eventType: pattern, source }));
  return (selectTemplate(eventType, own) ?? selectTemplate(eventType, defaults))?.source;
}
