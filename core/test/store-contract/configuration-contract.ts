import { describe, expect, it } from 'vitest';
import type { ContractContext } from './contract-context.ts';
import { aCommunity, aDelivery, allPages, anAuditEntry, aSource, aWebhook, at, ids } from './fixtures.ts';

/** Webhooks, sources and the audit log: what people configure and what records it. */
export function configurationContract(ctx: ContractContext): void {
  describe('webhooks', () => {
    it('round-trips every field, JSON ones included', async () => {
      const { webhooks } = ctx.store();
      const webhook = aWebhook(aCommunity().id, { retrySchedule: [1000, 60_000], pluginSecretsCiphertext: 'v1.x', pluginSecretFields: ['token'] });
      expect(await webhooks.create(webhook)).toEqual(webhook);
      expect(await webhooks.get(webhook.id)).toEqual(webhook);
      expect(await webhooks.get('wh_missing')).toBeNull();
    });

    it('updates only the fields in the patch', async () => {
      const { webhooks } = ctx.store();
      const webhook = aWebhook(aCommunity().id);
      await webhooks.create(webhook);
      const patch = {
        name: 'Renamed',
        active: false,
        disabledReason: 'too many failures',
        url: null,
        settings: { mentions: false },
        retrySchedule: [5000],
        updatedAt: at(7000),
      };
      const updated = await webhooks.update(webhook.id, patch);
      expect(updated).toEqual({ ...webhook, ...patch });
      expect(await webhooks.get(webhook.id)).toEqual(updated);

      const cleared = await webhooks.update(webhook.id, { retrySchedule: null, disabledReason: null, active: true });
      expect(cleared).toEqual({ ...webhook, ...patch, retrySchedule: null, disabledReason: null, active: true });
      expect(await webhooks.update('wh_missing', { name: 'x' })).toBeNull();
    });

    it('lists by community, active flag and connector', async () => {
      const { webhooks } = ctx.store();
      const [c1, c2] = [aCommunity().id, aCommunity().id];
      const http = aWebhook(c1, { createdAt: at(1) });
      const discord = aWebhook(c1, { connector: 'discord', createdAt: at(2) });
      const off = aWebhook(c1, { active: false, createdAt: at(3) });
      const elsewhere = aWebhook(c2, { createdAt: at(4) });
      for (const webhook of [http, discord, off, elsewhere]) await webhooks.create(webhook);

      expect(ids((await webhooks.list({ communityIds: [c1] })).items)).toEqual([off.id, discord.id, http.id]);
      expect(ids((await webhooks.list({ communityIds: [c1, c2] })).items)).toEqual([elsewhere.id, off.id, discord.id, http.id]);
      expect((await webhooks.list({ communityIds: [] })).items).toEqual([]);
      expect(ids((await webhooks.list({ communityIds: [c1], active: true })).items)).toEqual([discord.id, http.id]);
      expect(ids((await webhooks.list({ communityIds: [c1], active: false })).items)).toEqual([off.id]);
      expect(ids((await webhooks.list({ communityIds: [c1], connector: 'discord' })).items)).toEqual([discord.id]);
      const everywhere = ids((await allPages((cursor) => webhooks.list({ connector: 'discord' }, { cursor, limit: 200 }))).items);
      expect(everywhere).toContain(discord.id);
      expect(everywhere).not.toContain(http.id);

      expect(ids(await webhooks.listActive(c1)).sort()).toEqual([http.id, discord.id].sort());
    });

    it('bumps and resets the dead counter atomically', async () => {
      const { webhooks } = ctx.store();
      const webhook = aWebhook(aCommunity().id);
      await webhooks.create(webhook);
      expect(await webhooks.bumpConsecutiveDead(webhook.id, { delta: 1 })).toBe(1);
      const results = await Promise.all(Array.from({ length: 10 }, () => webhooks.bumpConsecutiveDead(webhook.id, { delta: 1 })));
      expect([...results].sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
      expect((await webhooks.get(webhook.id))?.consecutiveDead).toBe(11);
      expect(await webhooks.bumpConsecutiveDead(webhook.id, { reset: true })).toBe(0);
      expect((await webhooks.get(webhook.id))?.consecutiveDead).toBe(0);
      expect(await webhooks.bumpConsecutiveDead('wh_missing', { delta: 1 })).toBe(0);
    });

    it('deletes a webhook and keeps its deliveries', async () => {
      const { webhooks, deliveries } = ctx.store();
      const webhook = aWebhook(aCommunity().id);
      await webhooks.create(webhook);
      const [delivery] = await deliveries.createMany([aDelivery(webhook.communityId, { webhookId: webhook.id })]);
      expect(await webhooks.delete(webhook.id)).toBe(true);
      expect(await webhooks.get(webhook.id)).toBeNull();
      expect(await webhooks.delete(webhook.id)).toBe(false);
      expect(await deliveries.get(delivery?.id ?? 'missing')).toEqual(delivery);
    });
  });

  describe('sources', () => {
    it('creates, reads, updates and deletes', async () => {
      const { sources } = ctx.store();
      const source = aSource(aCommunity().id);
      expect(await sources.create(source)).toEqual(source);
      expect(await sources.get(source.id)).toEqual(source);
      const patch = { name: 'Docs repo', active: false, secretsCiphertext: null, secretFields: [], updatedAt: at(3000) };
      const updated = await sources.update(source.id, patch);
      expect(updated).toEqual({ ...source, ...patch });
      expect(await sources.get(source.id)).toEqual(updated);
      expect(await sources.update('src_missing', { name: 'x' })).toBeNull();
      expect(await sources.delete(source.id)).toBe(true);
      expect(await sources.get(source.id)).toBeNull();
      expect(await sources.delete(source.id)).toBe(false);
    });

    it('lists by community and plugin', async () => {
      const { sources } = ctx.store();
      const [c1, c2] = [aCommunity().id, aCommunity().id];
      const github = aSource(c1, { createdAt: at(1) });
      const gitlab = aSource(c1, { plugin: 'gitlab', createdAt: at(2) });
      const other = aSource(c2, { createdAt: at(3) });
      for (const source of [github, gitlab, other]) await sources.create(source);
      expect(ids((await sources.list({ communityIds: [c1] })).items)).toEqual([gitlab.id, github.id]);
      expect(ids((await sources.list({ communityIds: [c1, c2], plugin: 'github' })).items)).toEqual([other.id, github.id]);
      expect((await sources.list({ communityIds: [] })).items).toEqual([]);
    });
  });

  describe('audit', () => {
    it('appends entries and lists them newest first with filters', async () => {
      const { audit } = ctx.store();
      const [c1, c2] = [aCommunity().id, aCommunity().id];
      const created = anAuditEntry(c1, { at: at(1) });
      const updated = anAuditEntry(c1, { at: at(2), action: 'webhook.updated', targetId: created.targetId });
      const revoked = anAuditEntry(c1, { at: at(3), action: 'apiKey.revoked', targetType: 'apiKey' });
      const elsewhere = anAuditEntry(c2, { at: at(4) });
      const instanceWide = anAuditEntry(null, { at: at(5), action: 'instance.configured', targetId: created.targetId });
      for (const entry of [created, updated, revoked, elsewhere, instanceWide]) await audit.append(entry);

      expect((await audit.list({ communityIds: [c1] })).items).toEqual([revoked, updated, created]);
      expect(ids((await audit.list({ communityIds: [c1, c2] })).items)).toEqual([elsewhere.id, revoked.id, updated.id, created.id]);
      expect((await audit.list({ communityIds: [] })).items).toEqual([]);
      expect(ids((await audit.list({ communityIds: [c1], action: 'webhook.updated' })).items)).toEqual([updated.id]);
      expect(ids((await audit.list({ targetId: created.targetId })).items)).toEqual([instanceWide.id, updated.id, created.id]);
      expect(ids((await audit.list({ communityIds: [c1], targetId: created.targetId })).items)).toEqual([updated.id, created.id]);
      const page = await audit.list({ communityIds: [c1] }, { limit: 2 });
      expect(ids(page.items)).toEqual([revoked.id, updated.id]);
      expect(ids((await audit.list({ communityIds: [c1] }, { limit: 2, cursor: page.nextCursor ?? '' })).items)).toEqual([created.id]);
    });
  });
}
