import * as v from 'valibot';

/**
 * Hints for the dashboard's generic settings forms, attached to a schema with `v.metadata`
 * and carried into the JSON Schema as `x-ui`.
 */
export interface UiHints {
  readonly widget?: 'text' | 'textarea' | 'password' | 'select' | 'checkbox' | 'number' | 'template' | 'url';
  readonly label?: string;
  readonly help?: string;
  readonly placeholder?: string;
  /** Marks a field as write-only: shown as "set" / "not set", never read back. */
  readonly secret?: boolean;
}

/**
 * Attach UI hints to a schema field.
 *
 * @example
 * settings: v.object({ username: v.pipe(v.optional(v.string()), ui({ label: 'Bot name', placeholder: 'Hub' })) })
 */
export function ui<TInput>(hints: UiHints): v.MetadataAction<TInput, { readonly ui: UiHints }> {
  // Generic in the input so it fits any position in a pipe (the type is inferred from the pipe).
  return v.metadata<TInput, { readonly ui: UiHints }>({ ui: hints });
}
