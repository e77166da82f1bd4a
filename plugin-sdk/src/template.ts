/**
 * A message template a sink offers for editing in the dashboard. `eventType` is an exact type,
 * a wildcard such as `member.*`, or `*` for the fallback.
 *
 * @example
 * { eventType: 'member.created', description: 'New member', source: '🎉 Welcome {{data.name}}!' }
 */
export interface TemplateDefinition {
  readonly eventType: string;
  readonly description?: string;
  /** Handlebars source. */
  readonly source: string;
}

/**
 * Renders Handlebars with core's single, strict environment (no prototype access, helpers
 * `truncate`, `emoji`, `json`, `date`, output length limits).
 */
export interface TemplateRenderer {
  render(source: string, variables: Record<string, unknown>, options?: { maxLength?: number }): string;
}
