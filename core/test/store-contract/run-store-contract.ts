/**
 * The store contract: the behaviour every `Store` adapter must have. Each adapter's test calls
 * `runStoreContract` with a function that opens a store on one shared database; tests keep to
 * their own communities and time windows, so they can share it and may run against a database
 * that already holds data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/ports.ts';
import { configurationContract } from './configuration-contract.ts';
import type { ContractContext } from './contract-context.ts';
import { deliveryContract } from './delivery-contract.ts';
import { eventContract } from './event-contract.ts';
import { identityContract } from './identity-contract.ts';
import { paginationContract } from './pagination-contract.ts';
import { aCommunity, aDelivery, anEvent, aWebhook } from './fixtures.ts';

export function runStoreContract(name: string, open: () => Promise<Store>): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store | undefined;
    const ctx: ContractContext = {
      store: () => {
        if (store === undefined) throw new Error('store not open');
        return store;
      },
      open,
    };

    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => {
      await store?.close();
    });

    it('answers ping', async () => {
      await expect(ctx.store().ping()).resolves.toBeUndefined();
    });

    it('shows the same data through a second opening of the database', async () => {
      const community = aCommunity();
      const webhook = aWebhook(community.id);
      const event = anEvent(community.id);
      await ctx.store().communities.create(community);
      await ctx.store().webhooks.create(webhook);
      await ctx.store().events.insert(event);
      const [delivery] = await ctx.store().deliveries.createMany([aDelivery(community.id, { eventId: event.id, webhookId: webhook.id })]);

      const reopened = await open();
      try {
        expect(await reopened.communities.get(community.id)).toEqual(community);
        expect(await reopened.webhooks.get(webhook.id)).toEqual(webhook);
        expect(await reopened.events.get(event.id)).toEqual(event);
        expect(await reopened.deliveries.get(delivery?.id ?? '')).toEqual(delivery);
      } finally {
        await reopened.close();
      }
    });

    identityContract(ctx);
    configurationContract(ctx);
    eventContract(ctx);
    deliveryContract(ctx);
    paginationContract(ctx);
  });
}
