import type { SinkPlugin } from '@hub/plugin-sdk';
import type { Webhook } from '../store/ports.ts';

/** A webhook as the API shows it: no ciphertext, no secret value, ever. */
export interface WebhookView {
  readonly id: string;
  readonly communityId: string;
  readonly name: string;
  readonly connector: string;
  readonly url: string | null;
  readonly events: readonly string[];
  readonly active: boolean;
  readonly disabledReason: string | null;
  readonly settings: Readonly<Record<string, unknown>>;
  readonly pluginSecrets: Readonly<Record<string, { set: boolean }>>;
  readonly signingSecrets: readonly { id: string; fingerprint: string; createdAt: string; expiresAt: string | null }[];
  readonly retrySchedule: readonly number[] | null;
  readonly consecutiveDead: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export function toWebhookView(webhook: Webhook, plugin: SinkPlugin | undefined): WebhookView {
  const fieldNames = new Set([...(plugin ? Object.keys(plugin.secrets.entries) : []), ...webhook.pluginSecretFields]);
  return {
    id: webhook.id,
    communityId: webhook.communityId,
    name: webhook.name,
    connector: webhook.connector,
    url: webhook.url,
    events: webhook.events,
    active: webhook.active,
    disabledReason: webhook.disabledReason,
    settings: webhook.settings,
    pluginSecrets: Object.fromEntries([...fieldNames].map((name) => [name, { set: webhook.pluginSecretFields.includes(name) }])),
    signingSecrets: webhook.secrets.map(({ id, fingerprint, createdAt, expiresAt }) => ({ id, fingerprint, createdAt, expiresAt })),
    retrySchedule: webhook.retrySchedule,
    consecutiveDead: webhook.consecutiveDead,
    createdAt: webhook.createdAt,
    updatedAt: webhook.updatedAt,
  };
}
