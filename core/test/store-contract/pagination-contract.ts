import { describe, expect, it } from 'vitest';
import { InvalidCursorError, type Delivery } from '../../src/store/ports.ts';
import { rejectsWithName, type ContractContext } from './contract-context.ts';
import { aCommunity, aDelivery, allPages, at, ids, newestFirst, oldestFirst } from './fixtures.ts';

export function paginationContract(ctx: ContractContext): void {
  describe('cursor pagination', () => {
    it('walks every page with no gap or repeat, even when timestamps are equal', async () => {
      const { deliveries } = ctx.store();
      const community = aCommunity().id;
      // Three rows share each of two timestamps: only the id can break those ties.
      const offsets = [0, 0, 0, 5000, 5000, 5000, 9000];
      const made = offsets.map((offset) => aDelivery(community, { createdAt: at(offset) }));
      await deliveries.createMany(made);
      const expected = ids(newestFirst(made, (d) => d.createdAt));

      for (const limit of [1, 2, 3, 7]) {
        const { items, pages } = await allPages((cursor) => deliveries.list({ communityIds: [community] }, { limit, cursor }));
        expect(ids(items)).toEqual(expected);
        expect(pages).toBe(Math.ceil(made.length / limit));
      }
      const firstPage = await deliveries.list({ communityIds: [community] }, { limit: 3 });
      expect(firstPage.nextCursor).not.toBeNull();
      const lastPage = await deliveries.list({ communityIds: [community] }, { limit: 7 });
      expect(lastPage.nextCursor).toBeNull();
    });

    it('keeps its place when rows are added after the first page', async () => {
      const { deliveries } = ctx.store();
      const community = aCommunity().id;
      const made = [1, 2, 3, 4].map((offset) => aDelivery(community, { createdAt: at(offset) }));
      await deliveries.createMany(made);
      const first = await deliveries.list({ communityIds: [community] }, { limit: 2 });
      await deliveries.createMany([aDelivery(community, { createdAt: at(100) })]);
      const second = await deliveries.list({ communityIds: [community] }, { limit: 2, cursor: first.nextCursor ?? '' });
      expect([...ids(first.items), ...ids(second.items)]).toEqual(ids(newestFirst(made, (d) => d.createdAt)));
    });

    it('rejects cursors it did not make', async () => {
      const { deliveries, events, communities } = ctx.store();
      const community = aCommunity().id;
      await deliveries.createMany([aDelivery(community), aDelivery(community)]);
      const real = (await deliveries.list({ communityIds: [community] }, { limit: 1 })).nextCursor ?? '';
      expect((await deliveries.list({ communityIds: [community] }, { limit: 1, cursor: real })).items).toHaveLength(1);

      const forged = Buffer.from(JSON.stringify({ at: at(), id: 'x' })).toString('base64url');
      const notOurs = ['not a cursor!', '', 'e30', forged, Buffer.from('[1,2]').toString('base64url'), `${real}.`, `${real}==`];
      for (const cursor of notOurs) {
        const error = await rejectsWithName(deliveries.list({}, { cursor }), 'InvalidCursorError');
        expect(error).toBeInstanceOf(InvalidCursorError);
      }
      await rejectsWithName(events.list({}, { cursor: 'garbage' }), 'InvalidCursorError');
      await rejectsWithName(communities.list({}, { cursor: 'garbage' }), 'InvalidCursorError');
      await rejectsWithName(deliveries.listByStatus(['pending'], 10, 'garbage'), 'InvalidCursorError');
    });

    it('defaults to 50 rows and clamps the limit to 1..200', async () => {
      const { deliveries } = ctx.store();
      const community = aCommunity().id;
      await deliveries.createMany(Array.from({ length: 201 }, (_, i) => aDelivery(community, { createdAt: at(i) })));
      const scope = { communityIds: [community] };
      const byDefault = await deliveries.list(scope);
      expect(byDefault.items).toHaveLength(50);
      expect(byDefault.nextCursor).not.toBeNull();
      expect((await deliveries.list(scope, { limit: 1000 })).items).toHaveLength(200);
      expect((await deliveries.list(scope, { limit: 0 })).items).toHaveLength(1);
      expect((await deliveries.list(scope, { limit: -3 })).items).toHaveLength(1);
    });

    it('lists by status oldest first, paging with the cursor', async () => {
      const { deliveries } = ctx.store();
      const community = aCommunity().id;
      const window = (offset: number): string => at(offset, '1980-01-01T00:00:00.000Z');
      // 1980 belongs to this test alone; retire what an earlier failed run may have left there.
      for (const leftover of (await deliveries.listByStatus(['retrying'], 200)).items) {
        if (leftover.createdAt < '1981') await deliveries.transition(leftover.id, ['retrying'], { status: 'dead' });
      }

      const retrying = [4000, 1000, 1000, 3000, 2000].map((offset) =>
        aDelivery(community, { status: 'retrying', createdAt: window(offset) }),
      );
      const pending = aDelivery(community, { status: 'pending', createdAt: window(500) });
      await deliveries.createMany([...retrying, pending]);

      const expected = ids(oldestFirst(retrying, (d) => d.createdAt));
      const seen: Delivery[] = [];
      let cursor: string | undefined;
      while (seen.length < expected.length) {
        const page = await deliveries.listByStatus(['retrying'], 2, cursor);
        expect(page.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.items);
        if (page.nextCursor === null) break;
        cursor = page.nextCursor;
      }
      expect(ids(seen).slice(0, expected.length)).toEqual(expected);

      const both = await deliveries.listByStatus(['pending', 'retrying'], 200);
      expect(ids(both.items).indexOf(pending.id)).toBeLessThan(ids(both.items).indexOf(expected[0] ?? ''));
    });
  });
}
