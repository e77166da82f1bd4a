import type { AuditEntry, AuditRepository } from '../ports.ts';
import { fromDoc, toDoc, type AuditDoc } from './documents.ts';
import type { MongoModels } from './models.ts';
import { definedOnly, findPage, inList, insertOne } from './mongo-query.ts';

const toItem = (doc: AuditDoc): AuditEntry => fromDoc<AuditEntry>(doc, { communityId: null, details: {} });

export function mongoAuditRepository(models: MongoModels): AuditRepository {
  const model = models.audit;
  return {
    append: async (entry) => {
      await insertOne(model, toDoc(entry));
    },
    // Instance-wide entries (communityId null) only show to callers without a community scope.
    list: async (filter, page) => {
      const query = definedOnly({
        communityId: inList(filter.communityIds),
        targetId: filter.targetId,
        action: filter.action,
      });
      return findPage({ model, filter: query, sortField: 'at', page, toItem });
    },
  };
}
