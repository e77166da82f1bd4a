import { statusList, zeroStatusCounts, isDeliveryStatus } from '../delivery-status-counts.ts';
import type { Delivery, DeliveryAttempt, DeliveryFilter, DeliveryPatch, DeliveryRepository } from '../ports.ts';
import { defineRowCodec } from './row-codec.ts';
import { rethrowAsDuplicateKey, rethrowAsMissingParent } from './sqlite-errors.ts';
import type { SqliteDb } from './sqlite-db.ts';
import { SqlWhere } from './sql-where.ts';
import { tableAccess } from './table-access.ts';

const deliveryCodec = defineRowCodec<Delivery>('deliveries', {
  id: 'plain',
  eventId: 'plain',
  webhookId: 'plain',
  communityId: 'plain',
  eventType: 'plain',
  status: 'plain',
  attempts: 'plain',
  nextAttemptAt: 'plain',
  lastResponseCode: 'plain',
  lastError: 'plain',
  createdAt: 'plain',
  updatedAt: 'plain',
  completedAt: 'plain',
});

const attemptCodec = defineRowCodec<DeliveryAttempt>('delivery_attempts', {
  id: 'plain',
  deliveryId: 'plain',
  number: 'plain',
  trigger: 'plain',
  startedAt: 'plain',
  durationMs: 'plain',
  requestHeaders: 'json',
  responseCode: 'plain',
  responseBody: 'plain',
  success: 'bool',
  errorClass: 'plain',
  errorMessage: 'plain',
  nextAttemptAt: 'plain',
});

const PATCHABLE: readonly (keyof DeliveryPatch & string)[] = [
  'status',
  'attempts',
  'nextAttemptAt',
  'lastResponseCode',
  'lastError',
  'updatedAt',
  'completedAt',
];

function filterWhere(filter: DeliveryFilter): SqlWhere {
  return new SqlWhere()
    .community('community_id', filter.communityIds)
    .oneOf('status', statusList(filter.status))
    .equals('event_type', filter.eventType)
    .equals('webhook_id', filter.webhookId)
    .equals('event_id', filter.eventId)
    .range('created_at', filter.since, filter.until);
}

export function sqliteDeliveryRepository(db: SqliteDb): DeliveryRepository {
  const deliveries = tableAccess(db, deliveryCodec);
  const insertDelivery = `INSERT INTO deliveries (${deliveryCodec.columnList}) VALUES (${deliveryCodec.placeholders})
    ON CONFLICT (event_id, webhook_id) DO NOTHING`;
  const selectByPair = 'SELECT * FROM deliveries WHERE event_id = ? AND webhook_id = ?';

  return {
    // Fan-out may run twice for one event (a retry, the reconciler); the conflict target keeps
    // one delivery per (event, webhook) and hands back the row that won. A clash on `id` alone
    // is not covered by the target, so it still fails loudly.
    createMany: async (input) =>
      db.transaction(() =>
        input.map((delivery) => {
          try {
            db.run(insertDelivery, deliveryCodec.values(delivery));
          } catch (error) {
            rethrowAsDuplicateKey(error);
          }
          const row = db.get(selectByPair, [delivery.eventId, delivery.webhookId]);
          if (row === undefined) throw new Error(`delivery for event '${delivery.eventId}' vanished during insert`);
          return deliveryCodec.decode(row);
        }),
      ),
    get: async (id) => deliveries.getBy('id', id),
    list: async (filter, page) => deliveries.page({ where: filterWhere(filter), sortField: 'createdAt', page }),
    // Compare-and-set in one statement: the status test and the write cannot be separated by
    // another worker, in this process or another one sharing the file.
    transition: async (id, from, patch) =>
      deliveries.update(id, patch, PATCHABLE, {
        sql: 'status IN (SELECT value FROM json_each(?))',
        params: [JSON.stringify(from)],
      }),
    addAttempt: async (attempt) => {
      try {
        db.run(
          `INSERT INTO delivery_attempts (${attemptCodec.columnList}) VALUES (${attemptCodec.placeholders})`,
          attemptCodec.values(attempt),
        );
      } catch (error) {
        rethrowAsMissingParent(error, { what: 'delivery', id: attempt.deliveryId });
      }
      return attempt;
    },
    listAttempts: async (deliveryId) =>
      attemptCodec.decodeAll(db.all('SELECT * FROM delivery_attempts WHERE delivery_id = ? ORDER BY number', [deliveryId])),
    listByStatus: async (status, limit, cursor) =>
      deliveries.page({
        where: new SqlWhere().oneOf('status', status),
        sortField: 'createdAt',
        page: { limit, cursor },
        ascending: true,
      }),
    countByStatus: async (filter) => {
      const where = filterWhere(filter);
      const rows = db.all(`SELECT status, COUNT(*) AS n FROM deliveries ${where.sql} GROUP BY status`, where.params) as {
        status: string;
        n: number;
      }[];
      const counts = zeroStatusCounts();
      for (const row of rows) if (isDeliveryStatus(row.status)) counts[row.status] = row.n;
      return counts;
    },
  };
}
