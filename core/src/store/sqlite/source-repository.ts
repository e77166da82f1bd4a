import type { SourceConfig, SourceRepository } from '../ports.ts';
import { defineRowCodec } from './row-codec.ts';
import type { SqliteDb } from './sqlite-db.ts';
import { SqlWhere } from './sql-where.ts';
import { tableAccess } from './table-access.ts';

const codec = defineRowCodec<SourceConfig>('sources', {
  id: 'plain',
  communityId: 'plain',
  plugin: 'plain',
  name: 'plain',
  settings: 'json',
  secretsCiphertext: 'plain',
  secretFields: 'json',
  active: 'bool',
  createdAt: 'plain',
  updatedAt: 'plain',
});

const MUTABLE: readonly (keyof SourceConfig & string)[] = [
  'communityId',
  'plugin',
  'name',
  'settings',
  'secretsCiphertext',
  'secretFields',
  'active',
  'updatedAt',
];

export function sqliteSourceRepository(db: SqliteDb): SourceRepository {
  const table = tableAccess(db, codec);
  return {
    create: async (source) => table.insert(source),
    get: async (id) => table.getBy('id', id),
    list: async (filter, page) => {
      const where = new SqlWhere().community('community_id', filter.communityIds).equals('plugin', filter.plugin);
      return table.page({ where, sortField: 'createdAt', page });
    },
    update: async (id, patch) => table.update(id, patch, MUTABLE),
    delete: async (id) => table.deleteBy('id', id) > 0,
  };
}
