import type { Webhook, WebhookRepository } from '../ports.ts';
import { fromDoc, toDoc, type WebhookDoc } from './documents.ts';
import type { MongoModels } from './models.ts';
import { definedOnly, findPage, inList, insertOne, setAndGet } from './mongo-query.ts';

const toItem = (doc: WebhookDoc): Webhook =>
  fromDoc<Webhook>(doc, {
    url: null,
    events: [],
    secrets: [],
    settings: {},
    pluginSecretsCiphertext: null,
    pluginSecretFields: [],
    disabledReason: null,
    retrySchedule: null,
    consecutiveDead: 0,
  });

export function mongoWebhookRepository(models: MongoModels): WebhookRepository {
  const model = models.webhooks;
  return {
    create: async (webhook) => {
      await insertOne(model, toDoc(webhook));
      return webhook;
    },
    get: async (id) => {
      const doc = await model.findById(id).lean<WebhookDoc>();
      return doc === null ? null : toItem(doc);
    },
    list: async (filter, page) => {
      const query = definedOnly({
        communityId: inList(filter.communityIds),
        connector: filter.connector,
        active: filter.active,
      });
      return findPage({ model, filter: query, sortField: 'createdAt', page, toItem });
    },
    listActive: async (communityId) => {
      const docs = await model.find({ communityId, active: true }).sort({ createdAt: 1, _id: 1 }).lean<WebhookDoc[]>();
      return docs.map(toItem);
    },
    update: async (id, patch) => {
      // Identity and creation time never change, even if a caller spreads a whole webhook in.
      const { id: _id, communityId: _communityId, createdAt: _createdAt, ...changes } = patch as Partial<Webhook>;
      const doc = await setAndGet(model, { _id: id }, changes);
      return doc === null ? null : toItem(doc);
    },
    // One atomic update, so concurrent workers each add their death; a missing webhook counts as 0.
    bumpConsecutiveDead: async (id, change) => {
      const update = 'reset' in change ? { $set: { consecutiveDead: 0 } } : { $inc: { consecutiveDead: change.delta } };
      const doc = await model
        .findByIdAndUpdate(id, update, { returnDocument: 'after', projection: { consecutiveDead: 1 } })
        .lean<Pick<WebhookDoc, '_id' | 'consecutiveDead'>>();
      return doc?.consecutiveDead ?? 0;
    },
    // Deliveries are left in place: they are the webhook's history.
    delete: async (id) => (await model.deleteOne({ _id: id })).deletedCount > 0,
  };
}
