import { clampLimit } from '../pagination.ts';
import type { EventRepository, StoredEvent } from '../ports.ts';
import { fromDoc, toDoc, type EventDoc } from './documents.ts';
import type { MongoModels } from './models.ts';
import { definedOnly, findPage, inList, isDuplicateKeyError, timeRange } from './mongo-query.ts';

const toItem = (doc: EventDoc): StoredEvent => fromDoc<StoredEvent>(doc, { processedAt: null });

export function mongoEventRepository(models: MongoModels): EventRepository {
  const model = models.events;
  return {
    // Insert and let the `_id` index decide: of two publishers racing on one eventId, exactly
    // one inserts and the other gets the stored event back.
    insert: async (event) => {
      try {
        await model.create(toDoc(event));
        return { inserted: true, event };
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
      const stored = await model.findById(event.id).lean<EventDoc>();
      if (stored === null) throw new Error(`event '${event.id}' conflicted but is not stored`);
      return { inserted: false, event: toItem(stored) };
    },
    get: async (id) => {
      const doc = await model.findById(id).lean<EventDoc>();
      return doc === null ? null : toItem(doc);
    },
    list: async (filter, page) => {
      const query = definedOnly({
        communityId: inList(filter.communityIds),
        type: filter.type,
        source: filter.source,
        receivedAt: timeRange(filter.since, filter.until),
      });
      return findPage({ model, filter: query, sortField: 'receivedAt', page, toItem });
    },
    // The first processing time wins; a second fan-out pass must not move it.
    markProcessed: async (id, at) => {
      await model.updateOne({ _id: id, processed: false }, { $set: { processed: true, processedAt: at } });
    },
    // Clamped like a page (1..200), so one reconciler pass stays bounded; it simply runs again.
    listUnprocessed: async (receivedBefore, limit) => {
      const docs = await model
        .find({ processed: false, receivedAt: { $lt: receivedBefore } })
        .sort({ receivedAt: 1, _id: 1 })
        .limit(clampLimit(limit))
        .lean<EventDoc[]>();
      return docs.map(toItem);
    },
  };
}
