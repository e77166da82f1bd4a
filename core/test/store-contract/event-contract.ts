import { describe, expect, it } from 'vitest';
import type { ContractContext } from './contract-context.ts';
import { aCommunity, allPages, anEvent, at, ids, newestFirst, oldestFirst } from './fixtures.ts';

export function eventContract(ctx: ContractContext): void {
  describe('events', () => {
    it('inserts an eventId once and leaves the stored event untouched on a repeat', async () => {
      const { events } = ctx.store();
      const event = anEvent(aCommunity().id);
      expect(await events.insert(event)).toEqual({ inserted: true, event });
      const repeat = { ...event, type: 'member.left', payload: '{"changed":true}', receivedAt: at(60_000) };
      expect(await events.insert(repeat)).toEqual({ inserted: false, event });
      expect(await events.get(event.id)).toEqual(event);
      expect(await events.get('evt_missing')).toBeNull();
    });

    it('keeps exactly one event when the same eventId races in', async () => {
      const { events } = ctx.store();
      const event = anEvent(aCommunity().id);
      const results = await Promise.all([events.insert(event), events.insert({ ...event, payload: '{"second":1}' })]);
      expect(results.filter((result) => result.inserted)).toHaveLength(1);
      const stored = await events.get(event.id);
      for (const result of results) expect(result.event).toEqual(stored);
    });

    it('filters by type, source, time window and community', async () => {
      const { events } = ctx.store();
      const [c1, c2] = [aCommunity().id, aCommunity().id];
      const joined = anEvent(c1, { receivedAt: at(1000) });
      const left = anEvent(c1, { type: 'member.left', receivedAt: at(2000) });
      const github = anEvent(c1, { type: 'push', source: 'github', receivedAt: at(3000) });
      const other = anEvent(c2, { receivedAt: at(2000) });
      for (const event of [joined, left, github, other]) await events.insert(event);

      const list = async (filter: Parameters<typeof events.list>[0]): Promise<string[]> => ids((await events.list(filter)).items);
      expect(await list({ communityIds: [c1] })).toEqual([github.id, left.id, joined.id]);
      expect(await list({ communityIds: [c1, c2] })).toEqual(ids(newestFirst([joined, left, github, other], (e) => e.receivedAt)));
      expect(await list({ communityIds: [] })).toEqual([]);
      expect(await list({ communityIds: [c1], type: 'member.left' })).toEqual([left.id]);
      expect(await list({ communityIds: [c1], source: 'github' })).toEqual([github.id]);
      // since is inclusive, until exclusive
      expect(await list({ communityIds: [c1], since: at(2000) })).toEqual([github.id, left.id]);
      expect(await list({ communityIds: [c1], until: at(2000) })).toEqual([joined.id]);
      expect(await list({ communityIds: [c1], since: at(1000), until: at(3000) })).toEqual([left.id, joined.id]);
      const bySource = ids((await allPages((cursor) => events.list({ source: 'github' }, { cursor, limit: 200 }))).items);
      expect(bySource).toContain(github.id);
      expect(bySource).not.toContain(joined.id);
    });

    it('pages by receivedAt, newest first', async () => {
      const { events } = ctx.store();
      const community = aCommunity().id;
      const inserted = [0, 0, 0, 1000, 1000, 2000, 3000].map((offset) => anEvent(community, { receivedAt: at(offset) }));
      for (const event of inserted) await events.insert(event);
      const { items, pages } = await allPages((cursor) => events.list({ communityIds: [community] }, { limit: 2, cursor }));
      expect(pages).toBe(4);
      expect(ids(items)).toEqual(ids(newestFirst(inserted, (e) => e.receivedAt)));
    });

    it('lists unprocessed events oldest first until they are marked processed', async () => {
      const { events } = ctx.store();
      const community = aCommunity().id;
      const window = (offset: number): string => at(offset, '1990-01-01T00:00:00.000Z');
      const before = window(10_000);
      // 1990 belongs to this test alone; clear what an earlier failed run may have left there.
      for (const leftover of await events.listUnprocessed(before, 200)) await events.markProcessed(leftover.id, window(0));

      const made = [3000, 1000, 1000, 2000, 20_000].map((offset) => anEvent(community, { receivedAt: window(offset) }));
      for (const event of made) await events.insert(event);
      const expected = oldestFirst(made.slice(0, 4), (e) => e.receivedAt);
      expect(ids(await events.listUnprocessed(before, 10))).toEqual(ids(expected));
      expect(ids(await events.listUnprocessed(before, 2))).toEqual(ids(expected.slice(0, 2)));

      const first = expected[0];
      if (first === undefined) throw new Error('no events');
      await events.markProcessed(first.id, at(5000));
      expect(await events.get(first.id)).toEqual({ ...first, processed: true, processedAt: at(5000) });
      expect(ids(await events.listUnprocessed(before, 10))).toEqual(ids(expected.slice(1)));
      // a second pass does not move the processing time
      await events.markProcessed(first.id, at(9000));
      expect((await events.get(first.id))?.processedAt).toBe(at(5000));
    });
  });
}
