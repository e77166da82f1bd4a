import type { SinkPlugin } from '@hub/plugin-sdk';
import * as v from 'valibot';
import type { AuditLog } from '../audit/audit-log.ts';
import { authorize, communitiesWith } from '../auth/authorize.ts';
import { defaultCommunity, type Principal } from '../auth/principal.ts';
import type { Clock } from '../clock.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import type { EventCatalog } from '../events/event-catalog.ts';
import { issueDetails } from '../validation/issue-details.ts';
import { newId } from '../ids.ts';
import type { PluginRegistry } from '../plugins/plugin-registry.ts';
import type { SecretBox } from '../security/secret-box.ts';
import { generateWebhookSecret, parseWebhookSecret, secretFingerprint } from '../security/webhook-secret.ts';
import type { Page, PageRequest, Store, Webhook, WebhookFilter, WebhookSecret } from '../store/ports.ts';
import type { CreateWebhookInput, UpdateWebhookInput } from './webhook-input.ts';

/** How long a rotated-out signing secret keeps signing. */
export const SECRET_OVERLAP_MS = 24 * 3_600_000;

export type TargetCheck = { ok: true } | { ok: false; code: string; reason: string };

export interface WebhookServiceDeps {
  readonly store: Store;
  readonly plugins: PluginRegistry;
  readonly catalog: EventCatalog;
  readonly secretBox: SecretBox;
  /** The on-save SSRF check of a target URL. */
  readonly checkTargetUrl: (url: string) => Promise<TargetCheck>;
  readonly validateTemplate: (source: string) => { ok: true } | { ok: false; message: string };
  readonly audit: AuditLog;
  readonly clock: Clock;
  /** Called after a webhook goes from inactive to active (pending deliveries resume). */
  readonly onActivated?: (webhook: Webhook) => Promise<void>;
}

/** Creating, reading, changing and deleting webhooks, with every rule of the setup API. */
export class WebhookService {
  constructor(private readonly deps: WebhookServiceDeps) {}

  async create(principal: Principal, input: CreateWebhookInput): Promise<{ webhook: Webhook; secret: string }> {
    const communityId = input.communityId ?? defaultCommunity(principal);
    authorize(principal, 'write', communityId);
    if (!(await this.deps.store.communities.get(communityId))) {
      throw new ValidationError(`community '${communityId}' does not exist`, [{ path: 'communityId', message: 'unknown community' }]);
    }
    const plugin = this.requireSink(input.connector);
    const url = await this.checkUrl(plugin, input.url ?? null, true);
    this.checkEvents(input.events);
    const settings = this.checkSettings(plugin, input.settings);
    const pluginSecrets = this.checkPluginSecrets(plugin, input.secrets);

    let secret: string;
    if (input.secret === undefined || input.secret === '') {
      secret = generateWebhookSecret();
    } else {
      const parsed = parseWebhookSecret(input.secret);
      if (!parsed.ok) throw new ValidationError(`secret: ${parsed.reason}`, [{ path: 'secret', message: parsed.reason }]);
      secret = input.secret;
    }

    const now = this.deps.clock.now().toISOString();
    const webhook: Webhook = {
      id: newId('wh'),
      communityId,
      name: input.name,
      connector: plugin.id,
      url,
      events: dedupe(input.events),
      secrets: [this.sealSecret(secret, now)],
      settings,
      pluginSecretsCiphertext: Object.keys(pluginSecrets).length > 0 ? this.deps.secretBox.seal(JSON.stringify(pluginSecrets)) : null,
      pluginSecretFields: Object.keys(pluginSecrets),
      active: input.active,
      disabledReason: null,
      retrySchedule: input.retrySchedule ?? null,
      consecutiveDead: 0,
      createdAt: now,
      updatedAt: now,
    };
    const created = await this.deps.store.webhooks.create(webhook);
    await this.deps.audit.record(principal, {
      communityId,
      action: 'webhook.created',
      targetType: 'webhook',
      targetId: created.id,
      details: { name: created.name, connector: created.connector, url: created.url, events: created.events, active: created.active, secretFields: created.pluginSecretFields },
    });
    return { webhook: created, secret };
  }

  async list(principal: Principal, filter: WebhookFilter, page: PageRequest): Promise<Page<Webhook>> {
    const communityIds = communitiesWith(principal, 'read', filter.communityIds);
    return this.deps.store.webhooks.list({ ...filter, ...(communityIds === undefined ? {} : { communityIds }) }, page);
  }

  async get(principal: Principal, id: string): Promise<Webhook> {
    const webhook = await this.deps.store.webhooks.get(id);
    if (!webhook) throw new NotFoundError('webhook', id);
    authorize(principal, 'read', webhook.communityId, { what: 'webhook', id });
    return webhook;
  }

  async update(principal: Principal, id: string, input: UpdateWebhookInput): Promise<Webhook> {
    const current = await this.deps.store.webhooks.get(id);
    if (!current) throw new NotFoundError('webhook', id);
    authorize(principal, 'write', current.communityId, { what: 'webhook', id });

    const connectorChanged = input.connector !== undefined && input.connector !== current.connector;
    const plugin = this.requireSink(input.connector ?? current.connector);
    const patch: { -readonly [K in keyof Webhook]?: Webhook[K] } = {};
    const changed: string[] = [];

    if (input.name !== undefined && input.name !== current.name) {
      patch.name = input.name;
      changed.push('name');
    }
    if (connectorChanged) {
      patch.connector = plugin.id;
      changed.push('connector');
    }
    if (input.url !== undefined || connectorChanged) {
      // Every change of URL is checked again, and so is the old one under a new connector.
      const url = await this.checkUrl(plugin, input.url !== undefined ? input.url : current.url, true);
      if (url !== current.url) {
        patch.url = url;
        changed.push('url');
      }
    }
    if (input.events !== undefined) {
      this.checkEvents(input.events);
      patch.events = dedupe(input.events);
      changed.push('events');
    }
    if (input.settings !== undefined || connectorChanged) {
      patch.settings = this.checkSettings(plugin, input.settings ?? (connectorChanged ? {} : current.settings));
      changed.push('settings');
    }
    if (input.secrets !== undefined || connectorChanged) {
      const existing = connectorChanged || current.pluginSecretsCiphertext === null ? {} : (JSON.parse(this.deps.secretBox.open(current.pluginSecretsCiphertext)) as Record<string, unknown>);
      const merged: Record<string, unknown> = { ...existing };
      for (const [key, value] of Object.entries(input.secrets ?? {})) {
        if (value === null) delete merged[key];
        else merged[key] = value;
      }
      const pluginSecrets = this.checkPluginSecrets(plugin, merged);
      patch.pluginSecretsCiphertext = Object.keys(pluginSecrets).length > 0 ? this.deps.secretBox.seal(JSON.stringify(pluginSecrets)) : null;
      patch.pluginSecretFields = Object.keys(pluginSecrets);
      changed.push(...Object.keys(input.secrets ?? {}).map((key) => `secrets.${key}`));
    }
    if (input.retrySchedule !== undefined) {
      patch.retrySchedule = input.retrySchedule;
      changed.push('retrySchedule');
    }
    const activated = input.active === true && !current.active;
    if (input.active !== undefined && input.active !== current.active) {
      patch.active = input.active;
      changed.push('active');
      if (input.active) {
        patch.disabledReason = null;
        patch.consecutiveDead = 0;
      } else {
        patch.disabledReason = 'disabled by a user';
      }
    }
    if (changed.length === 0) return current;

    patch.updatedAt = this.deps.clock.now().toISOString();
    const updated = await this.deps.store.webhooks.update(id, patch);
    if (!updated) throw new NotFoundError('webhook', id);
    await this.deps.audit.record(principal, {
      communityId: updated.communityId,
      action: input.active === false && changed.includes('active') ? 'webhook.disabled' : activated ? 'webhook.enabled' : 'webhook.updated',
      targetType: 'webhook',
      targetId: id,
      details: { changed, ...(patch.url !== undefined ? { url: patch.url } : {}), ...(patch.events ? { events: patch.events } : {}) },
    });
    if (activated) await this.deps.onActivated?.(updated);
    return updated;
  }

  async delete(principal: Principal, id: string): Promise<void> {
    const current = await this.deps.store.webhooks.get(id);
    if (!current) throw new NotFoundError('webhook', id);
    authorize(principal, 'write', current.communityId, { what: 'webhook', id });
    await this.deps.store.webhooks.delete(id);
    await this.deps.audit.record(principal, { communityId: current.communityId, action: 'webhook.deleted', targetType: 'webhook', targetId: id, details: { name: current.name } });
  }

  /**
   * A new signing secret becomes the current one; the old ones keep signing for 24 h so
   * receivers can switch without dropping deliveries. Returned once, here.
   */
  async rotateSecret(principal: Principal, id: string, supplied?: string): Promise<{ webhook: Webhook; secret: string }> {
    const current = await this.deps.store.webhooks.get(id);
    if (!current) throw new NotFoundError('webhook', id);
    authorize(principal, 'write', current.communityId, { what: 'webhook', id });
    let secret = generateWebhookSecret();
    if (supplied !== undefined) {
      const parsed = parseWebhookSecret(supplied);
      if (!parsed.ok) throw new ValidationError(`secret: ${parsed.reason}`, [{ path: 'secret', message: parsed.reason }]);
      secret = supplied;
    }
    const now = this.deps.clock.now();
    const overlapEnds = new Date(now.getTime() + SECRET_OVERLAP_MS).toISOString();
    const kept = current.secrets
      .filter((old) => old.expiresAt === null || old.expiresAt > now.toISOString())
      .map((old) => (old.expiresAt === null ? { ...old, expiresAt: overlapEnds } : old));
    const updated = await this.deps.store.webhooks.update(id, { secrets: [this.sealSecret(secret, now.toISOString()), ...kept], updatedAt: now.toISOString() });
    if (!updated) throw new NotFoundError('webhook', id);
    await this.deps.audit.record(principal, { communityId: updated.communityId, action: 'webhook.secretRotated', targetType: 'webhook', targetId: id, details: { previousValidUntil: overlapEnds } });
    return { webhook: updated, secret };
  }

  /** Decrypted plugin secrets of a webhook, for the delivery worker only. */
  openPluginSecrets(webhook: Webhook): Record<string, unknown> {
    return webhook.pluginSecretsCiphertext === null ? {} : (JSON.parse(this.deps.secretBox.open(webhook.pluginSecretsCiphertext)) as Record<string, unknown>);
  }

  sealSecret(secret: string, now: string): WebhookSecret {
    return { id: newId('sig'), ciphertext: this.deps.secretBox.seal(secret), fingerprint: secretFingerprint(secret), createdAt: now, expiresAt: null };
  }

  private requireSink(connector: string): SinkPlugin {
    const plugin = this.deps.plugins.sink(connector);
    if (!plugin) {
      const known = this.deps.plugins.sinks().map((sink) => sink.id);
      throw new ValidationError(`unknown connector '${connector}'; available: ${known.join(', ')}`, [{ path: 'connector', message: `must be one of ${known.join(', ')}` }]);
    }
    return plugin;
  }

  private async checkUrl(plugin: SinkPlugin, url: string | null, required: boolean): Promise<string | null> {
    if (!plugin.requiresUrl) {
      if (url !== null && url !== '') {
        throw new ValidationError(`connector '${plugin.id}' takes no url; set its target in secrets`, [{ path: 'url', message: 'not used by this connector' }]);
      }
      return null;
    }
    if (url === null || url === '') {
      if (!required) return null;
      throw new ValidationError(`url is required for connector '${plugin.id}'`, [{ path: 'url', message: 'url is required' }]);
    }
    const check = await this.deps.checkTargetUrl(url);
    if (!check.ok) throw new ValidationError(`url refused: ${check.reason}`, [{ path: 'url', message: check.reason, code: check.code }]);
    return url;
  }

  private checkEvents(events: readonly string[]): void {
    const unknown = events.filter((event) => !this.deps.catalog.isValidFilter(event));
    if (unknown.length > 0) {
      throw new ValidationError(`unknown event types: ${unknown.join(', ')} (see GET /api/v1/event-types)`, unknown.map((event) => ({ path: 'events', message: `unknown event type '${event}'` })));
    }
  }

  private checkSettings(plugin: SinkPlugin, settings: Readonly<Record<string, unknown>>): Record<string, unknown> {
    const result = v.safeParse(plugin.settings, settings);
    if (!result.success) {
      const details = issueDetails(result.issues, 'settings.');
      throw new ValidationError(`invalid settings for '${plugin.id}': ${details.map((d) => `${d.path}: ${d.message}`).join('; ')}`, details);
    }
    const templates = (result.output as { templates?: unknown }).templates;
    if (templates && typeof templates === 'object') {
      const bad = Object.entries(templates as Record<string, unknown>)
        .map(([eventType, source]) => ({ eventType, check: typeof source === 'string' ? this.deps.validateTemplate(source) : { ok: false as const, message: 'must be text' } }))
        .filter((entry) => !entry.check.ok);
      if (bad.length > 0) {
        const details = bad.map(({ eventType, check }) => ({ path: `settings.templates.${eventType}`, message: check.ok ? '' : check.message }));
        throw new ValidationError(`invalid template: ${details[0]!.path}: ${details[0]!.message}`, details);
      }
    }
    return result.output as Record<string, unknown>;
  }

  private checkPluginSecrets(plugin: SinkPlugin, secrets: Readonly<Record<string, unknown>>): Record<string, unknown> {
    const result = v.safeParse(plugin.secrets, secrets);
    if (!result.success) {
      // valibot messages can quote the received value; a secret must never be echoed back.
      const details = issueDetails(result.issues, 'secrets.').map((d) => ({ path: d.path, message: d.message.replace(/,? ?but received .*$/s, '') }));
      throw new ValidationError(`invalid secrets for '${plugin.id}': ${details.map((d) => `${d.path}: ${d.message}`).join('; ')}`, details);
    }
    return Object.fromEntries(Object.entries(result.output as Record<string, unknown>).filter(([, value]) => value !== undefined && value !== ''));
  }
}

function dedupe(values: readonly string[]): string[] {
  return [...new Set(values)];
}
