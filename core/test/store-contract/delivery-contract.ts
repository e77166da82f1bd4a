import { describe, expect, it } from 'vitest';
import type { DeliveryFilter } from '../../src/store/ports.ts';
import { rejectsWithName, type ContractContext } from './contract-context.ts';
import { aCommunity, aDelivery, allPages, anAttempt, at, ids, newestFirst } from './fixtures.ts';

export function deliveryContract(ctx: ContractContext): void {
  describe('deliveries', () => {
    it('creates deliveries once per (eventId, webhookId) and returns stored rows in input order', async () => {
      const { deliveries } = ctx.store();
      const community = aCommunity().id;
      const a = aDelivery(community, { eventId: 'evt_shared' + community, webhookId: 'wh_a' });
      const b = aDelivery(community, { eventId: a.eventId, webhookId: 'wh_b' });
      expect(await deliveries.createMany([a, b])).toEqual([a, b]);

      // A second fan-out of the same event: new ids and states, but the pairs already exist.
      const againA = aDelivery(community, { eventId: a.eventId, webhookId: 'wh_a', status: 'dead', attempts: 9 });
      const c = aDelivery(community, { eventId: a.eventId, webhookId: 'wh_c' });
      const againB = aDelivery(community, { eventId: a.eventId, webhookId: 'wh_b' });
      expect(await deliveries.createMany([againA, c, againB])).toEqual([a, c, b]);

      expect(await deliveries.get(againA.id)).toBeNull();
      const stored = await deliveries.list({ eventId: a.eventId });
      expect(ids(stored.items).sort()).toEqual([a.id, b.id, c.id].sort());
      expect(await deliveries.createMany([])).toEqual([]);
    });

    it('refuses a new (eventId, webhookId) pair under an id already taken', async () => {
      const { deliveries } = ctx.store();
      const community = aCommunity().id;
      const [existing] = await deliveries.createMany([aDelivery(community)]);
      if (existing === undefined) throw new Error('not created');
      await rejectsWithName(deliveries.createMany([aDelivery(community, { id: existing.id })]), 'DuplicateKeyError');
      expect(await deliveries.get(existing.id)).toEqual(existing);
    });

    it('applies a transition only from the expected statuses', async () => {
      const { deliveries } = ctx.store();
      const [delivery] = await deliveries.createMany([aDelivery(aCommunity().id)]);
      if (delivery === undefined) throw new Error('not created');

      expect(await deliveries.transition(delivery.id, ['retrying', 'succeeded'], { status: 'dead', updatedAt: at(1) })).toBeNull();
      expect(await deliveries.get(delivery.id)).toEqual(delivery);

      const patch = {
        status: 'retrying' as const,
        attempts: 1,
        nextAttemptAt: at(30_000),
        lastResponseCode: 503,
        lastError: 'HTTP 503',
        updatedAt: at(2000),
      };
      const retrying = await deliveries.transition(delivery.id, ['pending', 'retrying'], patch);
      expect(retrying).toEqual({ ...delivery, ...patch });
      expect(await deliveries.get(delivery.id)).toEqual(retrying);

      const done = await deliveries.transition(delivery.id, ['retrying'], {
        status: 'succeeded',
        nextAttemptAt: null,
        lastError: null,
        completedAt: at(3000),
      });
      expect(done).toEqual({ ...delivery, ...patch, status: 'succeeded', nextAttemptAt: null, lastError: null, completedAt: at(3000) });
      expect(await deliveries.transition('dlv_missing', ['pending'], { status: 'dead' })).toBeNull();
    });

    it('lets exactly one of two concurrent transitions from pending win', async () => {
      const store = ctx.store();
      const other = await ctx.open();
      try {
        for (const [first, second] of [
          [store, store],
          [store, other],
        ] as const) {
          const [delivery] = await store.deliveries.createMany([aDelivery(aCommunity().id)]);
          if (delivery === undefined) throw new Error('not created');
          const results = await Promise.all([
            first.deliveries.transition(delivery.id, ['pending'], { status: 'succeeded', completedAt: at(1) }),
            second.deliveries.transition(delivery.id, ['pending'], { status: 'dead', completedAt: at(2) }),
          ]);
          const winners = results.filter((result) => result !== null);
          expect(winners).toHaveLength(1);
          expect(await store.deliveries.get(delivery.id)).toEqual(winners[0]);
        }
      } finally {
        await other.close();
      }
    });

    it('records attempts in number order and refuses a repeated number', async () => {
      const { deliveries } = ctx.store();
      const [delivery] = await deliveries.createMany([aDelivery(aCommunity().id)]);
      if (delivery === undefined) throw new Error('not created');
      const second = anAttempt(delivery.id, 2, {
        trigger: 'manual',
        success: true,
        responseCode: 200,
        responseBody: 'ok',
        errorClass: null,
        errorMessage: null,
        nextAttemptAt: null,
      });
      const first = anAttempt(delivery.id, 1);
      expect(await deliveries.addAttempt(second)).toEqual(second);
      await deliveries.addAttempt(first);
      expect(await deliveries.listAttempts(delivery.id)).toEqual([first, second]);

      const error = await rejectsWithName(deliveries.addAttempt(anAttempt(delivery.id, 2)), 'DuplicateKeyError');
      expect(error.message).toContain('number');
      expect(await deliveries.listAttempts(delivery.id)).toEqual([first, second]);
      expect(await deliveries.listAttempts('dlv_missing')).toEqual([]);
      await rejectsWithName(deliveries.addAttempt(anAttempt('dlv_missing', 1)), 'NotFoundError');
    });

    it('filters by status, event type, webhook, event, time window and community', async () => {
      const { deliveries } = ctx.store();
      const [c1, c2] = [aCommunity().id, aCommunity().id];
      const pending = aDelivery(c1, { createdAt: at(1000) });
      const retrying = aDelivery(c1, { status: 'retrying', eventType: 'member.left', createdAt: at(2000) });
      const dead = aDelivery(c1, { status: 'dead', webhookId: pending.webhookId, createdAt: at(3000) });
      const succeeded = aDelivery(c1, { status: 'succeeded', eventId: pending.eventId, createdAt: at(4000) });
      const other = aDelivery(c2, { status: 'dead', createdAt: at(2500) });
      await deliveries.createMany([pending, retrying, dead, succeeded, other]);

      const list = async (filter: DeliveryFilter): Promise<string[]> => ids((await deliveries.list(filter)).items);
      const inC1: DeliveryFilter = { communityIds: [c1] };
      expect(await list(inC1)).toEqual([succeeded.id, dead.id, retrying.id, pending.id]);
      expect(await list({ communityIds: [c1, c2] })).toEqual(ids(newestFirst([pending, retrying, dead, succeeded, other], (d) => d.createdAt)));
      expect(await list({ communityIds: [] })).toEqual([]);
      expect(await list({ ...inC1, status: 'dead' })).toEqual([dead.id]);
      expect(await list({ ...inC1, status: ['pending', 'retrying'] })).toEqual([retrying.id, pending.id]);
      expect(await list({ ...inC1, status: [] })).toEqual([]);
      expect(await list({ ...inC1, eventType: 'member.left' })).toEqual([retrying.id]);
      expect(await list({ webhookId: pending.webhookId })).toEqual([dead.id, pending.id]);
      expect(await list({ eventId: pending.eventId })).toEqual([succeeded.id, pending.id]);
      expect(await list({ ...inC1, since: at(2000) })).toEqual([succeeded.id, dead.id, retrying.id]);
      expect(await list({ ...inC1, until: at(3000) })).toEqual([retrying.id, pending.id]);
      expect(await list({ ...inC1, since: at(2000), until: at(4000), status: ['dead', 'succeeded'] })).toEqual([dead.id]);
      const deadAnywhere = ids((await allPages((cursor) => deliveries.list({ status: 'dead' }, { cursor, limit: 200 }))).items);
      expect(deadAnywhere).toEqual(expect.arrayContaining([dead.id, other.id]));
      expect(deadAnywhere).not.toContain(pending.id);
    });

    it('counts by status with the same filters, every status present', async () => {
      const { deliveries } = ctx.store();
      const [c1, c2] = [aCommunity().id, aCommunity().id];
      await deliveries.createMany([
        aDelivery(c1),
        aDelivery(c1),
        aDelivery(c1, { status: 'dead', eventType: 'member.left' }),
        aDelivery(c2, { status: 'succeeded' }),
      ]);
      expect(await deliveries.countByStatus({ communityIds: [c1] })).toEqual({ pending: 2, retrying: 0, succeeded: 0, dead: 1 });
      expect(await deliveries.countByStatus({ communityIds: [c1, c2] })).toEqual({ pending: 2, retrying: 0, succeeded: 1, dead: 1 });
      expect(await deliveries.countByStatus({ communityIds: [c1], eventType: 'member.left' })).toEqual({
        pending: 0,
        retrying: 0,
        succeeded: 0,
        dead: 1,
      });
      expect(await deliveries.countByStatus({ communityIds: [] })).toEqual({ pending: 0, retrying: 0, succeeded: 0, dead: 0 });
    });
  });
}
