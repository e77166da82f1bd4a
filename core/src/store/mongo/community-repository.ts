import type { Community, CommunityRepository } from '../ports.ts';
import { fromDoc, toDoc, type CommunityDoc } from './documents.ts';
import type { MongoModels } from './models.ts';
import { definedOnly, findPage, inList, insertOne, setAndGet } from './mongo-query.ts';

export function mongoCommunityRepository(models: MongoModels): CommunityRepository {
  const model = models.communities;
  const toItem = (doc: CommunityDoc): Community => fromDoc<Community>(doc);
  return {
    create: async (community) => {
      await insertOne(model, toDoc(community));
      return community;
    },
    get: async (id) => {
      const doc = await model.findById(id).lean<CommunityDoc>();
      return doc === null ? null : toItem(doc);
    },
    list: async (filter, page) =>
      findPage({ model, filter: definedOnly({ _id: inList(filter.communityIds) }), sortField: 'createdAt', page, toItem }),
    update: async (id, patch) => {
      const doc = await setAndGet(model, { _id: id }, { name: patch.name, updatedAt: patch.updatedAt });
      return doc === null ? null : toItem(doc);
    },
    delete: async (id) => (await model.deleteOne({ _id: id })).deletedCount > 0,
  };
}
