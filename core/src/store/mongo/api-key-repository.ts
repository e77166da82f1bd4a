import type { ApiKey, ApiKeyRepository } from '../ports.ts';
import { fromDoc, toDoc, type ApiKeyDoc } from './documents.ts';
import type { MongoModels } from './models.ts';
import { definedOnly, findPage, inList, insertOne } from './mongo-query.ts';

const toItem = (doc: ApiKeyDoc): ApiKey => fromDoc<ApiKey>(doc, { scopes: [], lastUsedAt: null });

export function mongoApiKeyRepository(models: MongoModels): ApiKeyRepository {
  const model = models.apiKeys;
  return {
    create: async (key) => {
      await insertOne(model, toDoc(key));
      return key;
    },
    get: async (id) => {
      const doc = await model.findById(id).lean<ApiKeyDoc>();
      return doc === null ? null : toItem(doc);
    },
    getByHash: async (keyHash) => {
      const doc = await model.findOne({ keyHash }).lean<ApiKeyDoc>();
      return doc === null ? null : toItem(doc);
    },
    list: async (filter, page) =>
      findPage({ model, filter: definedOnly({ communityId: inList(filter.communityIds) }), sortField: 'createdAt', page, toItem }),
    touch: async (id, at) => {
      await model.updateOne({ _id: id }, { $set: { lastUsedAt: at } });
    },
    delete: async (id) => (await model.deleteOne({ _id: id })).deletedCount > 0,
  };
}
