import { resolveTemplate, templateVariables, truncateText, type DeliverInput, type TemplateRenderer } from '@hub/plugin-sdk';
import { defaultTemplates } from './default-templates.ts';
import type { DiscordSettings } from './schemas.ts';

/** Discord's limit on `content`. */
export const MAX_CONTENT_LENGTH = 2000;

/** The JSON Discord's "execute webhook" endpoint receives. */
export interface DiscordMessage {
  readonly content: string;
  readonly username?: string;
  readonly avatar_url?: string;
  readonly allowed_mentions: { readonly parse: readonly ('users' | 'roles')[] };
}

/** The template for an event: the webhook's own when one matches, else the best default. */
export function templateFor(eventType: string, overrides?: Readonly<Record<string, string>>): string {
  // The defaults end with '*', so there is always a match.
  return resolveTemplate(eventType, overrides, defaultTemplates) ?? '{{event.type}}';
}

/** Render the message for one delivery. Throws what the renderer throws (a bad template). */
export function buildMessage(settings: DiscordSettings, templates: TemplateRenderer, input: DeliverInput): DiscordMessage {
  const source = templateFor(input.event.type, settings.templates);
  const rendered = templates.render(source, templateVariables(input), { maxLength: MAX_CONTENT_LENGTH });
  return {
    content: truncateText(rendered.trim(), MAX_CONTENT_LENGTH),
    ...(settings.username ? { username: settings.username } : {}),
    ...(settings.avatarUrl ? { avatar_url: settings.avatarUrl } : {}),
    // Event text is untrusted: never let it ping @everyone/@here, and by default nobody at all.
    allowed_mentions: { parse: settings.mentions ? ['users', 'roles'] : [] },
  };
}
