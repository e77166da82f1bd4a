import { ui } from '@hub/plugin-sdk';
import * as v from 'valibot';

/**
 * `https://discord.com/api/webhooks/<id>/<token>`, also on discordapp.com, the ptb. and canary.
 * clients, and with an API version (`/api/v10/webhooks/...`).
 */
export const DISCORD_WEBHOOK_URL =
  /^https:\/\/(?:(?:ptb|canary)\.)?discord(?:app)?\.com\/api(?:\/v\d{1,2})?\/webhooks\/(\d{15,25})\/([\w-]{20,120})$/;

/** An event type, a `prefix.*` wildcard or `*`. */
const EVENT_TYPE_PATTERN = /^(?:\*|[a-z0-9_-]+(?:\.[a-z0-9_-]+)*(?:\.\*)?)$/;

/** Discord refuses webhook names containing "clyde" or "discord" (any case). */
const USERNAME = /^(?![\s\S]*(?:[cC][lL][yY][dD][eE]|[dD][iI][sS][cC][oO][rR][dD]))[\s\S]+$/;

export const secretsSchema = v.object({
  webhookUrl: v.pipe(
    v.string(),
    v.regex(DISCORD_WEBHOOK_URL, 'Expected a Discord webhook URL: https://discord.com/api/webhooks/<id>/<token>'),
    ui({
      widget: 'password',
      secret: true,
      label: 'Discord webhook URL',
      help: 'Channel settings → Integrations → Webhooks → Copy Webhook URL. One hub webhook per channel.',
      placeholder: 'https://discord.com/api/webhooks/…',
    }),
  ),
});

export const settingsSchema = v.object({
  username: v.optional(
    v.pipe(
      v.string(),
      v.maxLength(80),
      v.regex(USERNAME, 'Discord refuses names that contain "discord" or "clyde"'),
      ui({ label: 'Bot name', help: 'Overrides the name set on the Discord webhook.', placeholder: 'Event Hub' }),
    ),
  ),
  avatarUrl: v.optional(
    v.pipe(v.string(), v.url(), v.startsWith('https://'), ui({ widget: 'url', label: 'Avatar URL', placeholder: 'https://…/avatar.png' })),
  ),
  templates: v.optional(
    v.pipe(
      v.record(
        v.pipe(v.string(), v.regex(EVENT_TYPE_PATTERN, 'Keys are event types such as member.created, github.* or *')),
        v.pipe(v.string(), v.minLength(1), v.maxLength(4000)),
      ),
      v.maxEntries(100),
      ui({
        widget: 'template',
        label: 'Message templates',
        help: 'Handlebars per event type (exact, github.* or *); unset types use the defaults.',
      }),
    ),
  ),
  mentions: v.optional(
    v.pipe(
      v.boolean(),
      ui({
        widget: 'checkbox',
        label: 'Allow user and role mentions',
        help: 'Off: event text can never ping anyone. On: <@user> and <@&role> ping; @everyone and @here never do.',
      }),
    ),
  ),
});

export type DiscordSettings = v.InferOutput<typeof settingsSchema>;
