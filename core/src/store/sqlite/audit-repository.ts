import type { AuditEntry, AuditRepository } from '../ports.ts';
import { defineRowCodec } from './row-codec.ts';
import type { SqliteDb } from './sqlite-db.ts';
import { SqlWhere } from './sql-where.ts';
import { tableAccess } from './table-access.ts';

const codec = defineRowCodec<AuditEntry>('audit_entries', {
  id: 'plain',
  at: 'plain',
  communityId: 'plain',
  actorType: 'plain',
  actorId: 'plain',
  action: 'plain',
  targetType: 'plain',
  targetId: 'plain',
  details: 'json',
});

export function sqliteAuditRepository(db: SqliteDb): AuditRepository {
  const table = tableAccess(db, codec);
  return {
    append: async (entry) => {
      table.insert(entry);
    },
    // Instance-wide entries (communityId null) only show to callers without a community scope.
    list: async (filter, page) => {
      const where = new SqlWhere()
        .community('community_id', filter.communityIds)
        .equals('target_id', filter.targetId)
        .equals('action', filter.action);
      return table.page({ where, sortField: 'at', page });
    },
  };
}
