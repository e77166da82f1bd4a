import type { AuditLog } from '../audit/audit-log.ts';
import type { Clock } from '../clock.ts';
import type { Logger } from '../observability/logger.ts';
import type { Delivery, Store, Webhook } from '../store/ports.ts';

export type EmitSystemEvent = (input: { communityId: string; type: 'webhook.disabled' | 'delivery.dead'; data: Record<string, unknown> }) => Promise<void>;

/** Events about failures are not reported again when their own delivery fails (no loops). */
const NO_DEAD_REPORT_FOR = new Set(['delivery.dead', 'webhook.disabled']);

/**
 * Endpoint health: N dead deliveries in a row, or a "gone" answer, disable the webhook with a
 * reason and publish `webhook.disabled`; every dead delivery publishes `delivery.dead`.
 */
export class EndpointHealth {
  constructor(
    private readonly deps: { store: Store; clock: Clock; logger: Logger; audit: AuditLog; disableAfterDead: number; emit: EmitSystemEvent },
  ) {}

  async recordSuccess(webhook: Webhook): Promise<void> {
    if (webhook.consecutiveDead > 0) await this.deps.store.webhooks.bumpConsecutiveDead(webhook.id, { reset: true });
  }

  async recordDead(webhook: Webhook, delivery: Delivery, goneReason?: string): Promise<void> {
    const count = await this.deps.store.webhooks.bumpConsecutiveDead(webhook.id, { delta: 1 });
    if (!NO_DEAD_REPORT_FOR.has(delivery.eventType)) {
      await this.deps.emit({
        communityId: delivery.communityId,
        type: 'delivery.dead',
        data: { deliveryId: delivery.id, webhookId: webhook.id, webhookName: webhook.name, eventId: delivery.eventId, eventType: delivery.eventType, attempts: delivery.attempts, lastError: delivery.lastError },
      });
    }
    if (goneReason !== undefined) await this.disable(webhook, `target is gone: ${goneReason}`);
    else if (count >= this.deps.disableAfterDead) await this.disable(webhook, `${count} consecutive dead deliveries`);
  }

  async disable(webhook: Webhook, reason: string): Promise<void> {
    const current = await this.deps.store.webhooks.get(webhook.id);
    if (!current?.active) return;
    await this.deps.store.webhooks.update(webhook.id, { active: false, disabledReason: reason, updatedAt: this.deps.clock.now().toISOString() });
    this.deps.logger.warn({ webhookId: webhook.id, reason }, 'webhook disabled');
    await this.deps.audit.record('system', { communityId: webhook.communityId, action: 'webhook.disabled', targetType: 'webhook', targetId: webhook.id, details: { reason } });
    await this.deps.emit({ communityId: webhook.communityId, type: 'webhook.disabled', data: { webhookId: webhook.id, name: webhook.name, reason } });
  }
}
