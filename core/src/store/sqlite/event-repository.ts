import { clampLimit } from '../pagination.ts';
import type { EventRepository, StoredEvent } from '../ports.ts';
import { defineRowCodec } from './row-codec.ts';
import type { SqliteDb } from './sqlite-db.ts';
import { SqlWhere } from './sql-where.ts';
import { tableAccess } from './table-access.ts';

const codec = defineRowCodec<StoredEvent>('events', {
  id: 'plain',
  communityId: 'plain',
  type: 'plain',
  source: 'plain',
  occurredAt: 'plain',
  receivedAt: 'plain',
  payload: 'plain',
  processed: 'bool',
  processedAt: 'plain',
});

export function sqliteEventRepository(db: SqliteDb): EventRepository {
  const table = tableAccess(db, codec);
  return {
    // ON CONFLICT(id) rather than a read first: two publishers racing on one eventId both
    // succeed, and exactly one of them inserts.
    insert: async (event) => {
      const inserted = db.get(
        `INSERT INTO events (${codec.columnList}) VALUES (${codec.placeholders}) ON CONFLICT (id) DO NOTHING RETURNING *`,
        codec.values(event),
      );
      if (inserted !== undefined) return { inserted: true, event: codec.decode(inserted) };
      const stored = table.getBy('id', event.id);
      if (stored === null) throw new Error(`event '${event.id}' conflicted but is not stored`);
      return { inserted: false, event: stored };
    },
    get: async (id) => table.getBy('id', id),
    list: async (filter, page) => {
      const where = new SqlWhere()
        .community('community_id', filter.communityIds)
        .equals('type', filter.type)
        .equals('source', filter.source)
        .range('received_at', filter.since, filter.until);
      return table.page({ where, sortField: 'receivedAt', page });
    },
    // The first processing time wins; a second fan-out pass must not move it.
    markProcessed: async (id, at) => {
      db.run('UPDATE events SET processed = 1, processed_at = ? WHERE id = ? AND processed = 0', [at, id]);
    },
    // Clamped like a page (1..200), so one reconciler pass stays bounded; it simply runs again.
    listUnprocessed: async (receivedBefore, limit) =>
      codec.decodeAll(
        db.all('SELECT * FROM events WHERE processed = 0 AND received_at < ? ORDER BY received_at, id LIMIT ?', [
          receivedBefore,
          clampLimit(limit),
        ]),
      ),
  };
}
