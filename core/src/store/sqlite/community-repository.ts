import type { Community, CommunityRepository } from '../ports.ts';
import { defineRowCodec } from './row-codec.ts';
import type { SqliteDb } from './sqlite-db.ts';
import { SqlWhere } from './sql-where.ts';
import { tableAccess } from './table-access.ts';

const codec = defineRowCodec<Community>('communities', {
  id: 'plain',
  name: 'plain',
  createdAt: 'plain',
  updatedAt: 'plain',
});

export function sqliteCommunityRepository(db: SqliteDb): CommunityRepository {
  const table = tableAccess(db, codec);
  return {
    create: async (community) => table.insert(community),
    get: async (id) => table.getBy('id', id),
    list: async (filter, page) =>
      table.page({ where: new SqlWhere().community('id', filter.communityIds), sortField: 'createdAt', page }),
    update: async (id, patch) => table.update(id, patch, ['name', 'updatedAt']),
    delete: async (id) => table.deleteBy('id', id) > 0,
  };
}
