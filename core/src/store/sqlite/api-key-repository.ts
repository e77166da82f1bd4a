import type { ApiKey, ApiKeyRepository } from '../ports.ts';
import { defineRowCodec } from './row-codec.ts';
import type { SqliteDb } from './sqlite-db.ts';
import { SqlWhere } from './sql-where.ts';
import { tableAccess } from './table-access.ts';

const codec = defineRowCodec<ApiKey>('api_keys', {
  id: 'plain',
  name: 'plain',
  communityId: 'plain',
  scopes: 'json',
  prefix: 'plain',
  keyHash: 'plain',
  createdBy: 'plain',
  createdAt: 'plain',
  lastUsedAt: 'plain',
});

export function sqliteApiKeyRepository(db: SqliteDb): ApiKeyRepository {
  const table = tableAccess(db, codec);
  return {
    create: async (key) => table.insert(key),
    get: async (id) => table.getBy('id', id),
    getByHash: async (keyHash) => table.getBy('keyHash', keyHash),
    list: async (filter, page) =>
      table.page({ where: new SqlWhere().community('community_id', filter.communityIds), sortField: 'createdAt', page }),
    touch: async (id, at) => {
      table.update(id, { lastUsedAt: at }, ['lastUsedAt']);
    },
    delete: async (id) => table.deleteBy('id', id) > 0,
  };
}
