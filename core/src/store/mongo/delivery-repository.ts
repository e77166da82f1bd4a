import { NotFoundError } from '../../errors.ts';
import { isDeliveryStatus, statusList, zeroStatusCounts } from '../delivery-status-counts.ts';
import { DuplicateKeyError, type Delivery, type DeliveryAttempt, type DeliveryFilter, type DeliveryRepository } from '../ports.ts';
import { fromDoc, toDoc, type AttemptDoc, type DeliveryDoc } from './documents.ts';
import type { MongoModels } from './models.ts';
import { asFilter, definedOnly, findPage, inList, insertOne, setAndGet, timeRange, type MongoFilter } from './mongo-query.ts';

const toDelivery = (doc: DeliveryDoc): Delivery =>
  fromDoc<Delivery>(doc, { nextAttemptAt: null, lastResponseCode: null, lastError: null, completedAt: null });

const toAttempt = (doc: AttemptDoc): DeliveryAttempt =>
  fromDoc<DeliveryAttempt>(doc, {
    requestHeaders: {},
    responseCode: null,
    responseBody: null,
    errorClass: null,
    errorMessage: null,
    nextAttemptAt: null,
  });

function filterOf(filter: DeliveryFilter): MongoFilter {
  return definedOnly({
    communityId: inList(filter.communityIds),
    status: inList(statusList(filter.status)),
    eventType: filter.eventType,
    webhookId: filter.webhookId,
    eventId: filter.eventId,
    createdAt: timeRange(filter.since, filter.until),
  });
}

/** True when every failure in an unordered bulk insert is a duplicate key. */
function onlyDuplicates(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { writeErrors, code } = error as { writeErrors?: unknown; code?: unknown };
  const list: unknown[] = Array.isArray(writeErrors) ? writeErrors : writeErrors === undefined ? [] : [writeErrors];
  if (list.length === 0) return code === 11000;
  return list.every((item) => typeof item === 'object' && item !== null && (item as { code?: unknown }).code === 11000);
}

const pairKey = (eventId: string, webhookId: string): string => JSON.stringify([eventId, webhookId]);

export function mongoDeliveryRepository(models: MongoModels): DeliveryRepository {
  const model = models.deliveries;
  return {
    // Unordered insert lets every new pair land while existing ones fail on the unique
    // (eventId, webhookId) index; those failures are the idempotence, so they are ignored and
    // the stored rows read back.
    createMany: async (input) => {
      if (input.length === 0) return [];
      try {
        await model.insertMany(input.map(toDoc), { ordered: false });
      } catch (error) {
        if (!onlyDuplicates(error)) throw error;
      }
      const docs = await model
        .find({ $or: input.map(({ eventId, webhookId }) => ({ eventId, webhookId })) })
        .lean<DeliveryDoc[]>();
      const byPair = new Map(docs.map((doc) => [pairKey(doc.eventId, doc.webhookId), toDelivery(doc)]));
      return input.map(({ eventId, webhookId }) => {
        const stored = byPair.get(pairKey(eventId, webhookId));
        // Only an `_id` already used by another pair leaves an input without a row.
        if (stored === undefined) throw new DuplicateKeyError('id');
        return stored;
      });
    },
    get: async (id) => {
      const doc = await model.findById(id).lean<DeliveryDoc>();
      return doc === null ? null : toDelivery(doc);
    },
    list: async (filter, page) =>
      findPage({ model, filter: filterOf(filter), sortField: 'createdAt', page, toItem: toDelivery }),
    // Compare-and-set: the status condition is part of the findOneAndUpdate filter, so the
    // test and the write are one atomic operation on the server.
    transition: async (id, from, patch) => {
      const doc = await setAndGet(model, { _id: id, status: { $in: [...from] } }, {
        status: patch.status,
        attempts: patch.attempts,
        nextAttemptAt: patch.nextAttemptAt,
        lastResponseCode: patch.lastResponseCode,
        lastError: patch.lastError,
        updatedAt: patch.updatedAt,
        completedAt: patch.completedAt,
      });
      return doc === null ? null : toDelivery(doc);
    },
    addAttempt: async (attempt) => {
      // Matches SQLite's foreign key: an attempt needs its delivery.
      if ((await model.exists({ _id: attempt.deliveryId })) === null) throw new NotFoundError('delivery', attempt.deliveryId);
      await insertOne(models.attempts, toDoc(attempt));
      return attempt;
    },
    listAttempts: async (deliveryId) => {
      const docs = await models.attempts.find({ deliveryId }).sort({ number: 1 }).lean<AttemptDoc[]>();
      return docs.map(toAttempt);
    },
    listByStatus: async (status, limit, cursor) =>
      findPage({
        model,
        filter: { status: { $in: [...status] } },
        sortField: 'createdAt',
        page: { limit, cursor },
        ascending: true,
        toItem: toDelivery,
      }),
    countByStatus: async (filter) => {
      const groups = await model.aggregate<{ _id: unknown; n: number }>([
        { $match: asFilter<DeliveryDoc>(filterOf(filter)) },
        { $group: { _id: '$status', n: { $sum: 1 } } },
      ]);
      const counts = zeroStatusCounts();
      for (const group of groups) if (isDeliveryStatus(group._id)) counts[group._id] = group.n;
      return counts;
    },
  };
}
