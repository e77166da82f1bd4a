import type { SourceConfig, SourceRepository } from '../ports.ts';
import { fromDoc, toDoc, type SourceDoc } from './documents.ts';
import type { MongoModels } from './models.ts';
import { definedOnly, findPage, inList, insertOne, setAndGet } from './mongo-query.ts';

const toItem = (doc: SourceDoc): SourceConfig =>
  fromDoc<SourceConfig>(doc, { settings: {}, secretsCiphertext: null, secretFields: [] });

export function mongoSourceRepository(models: MongoModels): SourceRepository {
  const model = models.sources;
  return {
    create: async (source) => {
      await insertOne(model, toDoc(source));
      return source;
    },
    get: async (id) => {
      const doc = await model.findById(id).lean<SourceDoc>();
      return doc === null ? null : toItem(doc);
    },
    list: async (filter, page) => {
      const query = definedOnly({ communityId: inList(filter.communityIds), plugin: filter.plugin });
      return findPage({ model, filter: query, sortField: 'createdAt', page, toItem });
    },
    update: async (id, patch) => {
      const { id: _id, createdAt: _createdAt, ...changes } = patch as Partial<SourceConfig>;
      const doc = await setAndGet(model, { _id: id }, changes);
      return doc === null ? null : toItem(doc);
    },
    delete: async (id) => (await model.deleteOne({ _id: id })).deletedCount > 0,
  };
}
