import type { Webhook, WebhookRepository } from '../ports.ts';
import { defineRowCodec } from './row-codec.ts';
import type { SqliteDb } from './sqlite-db.ts';
import { SqlWhere } from './sql-where.ts';
import { tableAccess } from './table-access.ts';

const codec = defineRowCodec<Webhook>('webhooks', {
  id: 'plain',
  communityId: 'plain',
  name: 'plain',
  connector: 'plain',
  url: 'plain',
  events: 'json',
  secrets: 'json',
  settings: 'json',
  pluginSecretsCiphertext: 'plain',
  pluginSecretFields: 'json',
  active: 'bool',
  disabledReason: 'plain',
  retrySchedule: 'json',
  consecutiveDead: 'plain',
  createdAt: 'plain',
  updatedAt: 'plain',
});

/** Everything but identity and creation time may change. */
const MUTABLE: readonly (keyof Webhook & string)[] = [
  'name',
  'connector',
  'url',
  'events',
  'secrets',
  'settings',
  'pluginSecretsCiphertext',
  'pluginSecretFields',
  'active',
  'disabledReason',
  'retrySchedule',
  'consecutiveDead',
  'updatedAt',
];

export function sqliteWebhookRepository(db: SqliteDb): WebhookRepository {
  const table = tableAccess(db, codec);
  return {
    create: async (webhook) => table.insert(webhook),
    get: async (id) => table.getBy('id', id),
    list: async (filter, page) => {
      const where = new SqlWhere()
        .community('community_id', filter.communityIds)
        .equals('connector', filter.connector)
        .equals('active', filter.active === undefined ? undefined : filter.active ? 1 : 0);
      return table.page({ where, sortField: 'createdAt', page });
    },
    listActive: async (communityId) =>
      codec.decodeAll(
        db.all('SELECT * FROM webhooks WHERE community_id = ? AND active = 1 ORDER BY created_at, id', [communityId]),
      ),
    update: async (id, patch) => table.update(id, patch, MUTABLE),
    // One UPDATE, so concurrent workers each add their death; a missing webhook (deleted while
    // its delivery died) counts as 0 rather than failing the worker.
    bumpConsecutiveDead: async (id, change) => {
      const row =
        'reset' in change
          ? db.get('UPDATE webhooks SET consecutive_dead = 0 WHERE id = ? RETURNING consecutive_dead AS n', [id])
          : db.get('UPDATE webhooks SET consecutive_dead = consecutive_dead + ? WHERE id = ? RETURNING consecutive_dead AS n', [
              change.delta,
              id,
            ]);
      return row === undefined ? 0 : (row as { n: number }).n;
    },
    // Deliveries keep their webhook_id (no foreign key), so history outlives the webhook.
    delete: async (id) => table.deleteBy('id', id) > 0,
  };
}
