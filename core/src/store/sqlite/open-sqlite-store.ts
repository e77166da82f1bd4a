import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { Store } from '../ports.ts';
import { sqliteApiKeyRepository } from './api-key-repository.ts';
import { sqliteAuditRepository } from './audit-repository.ts';
import { sqliteCommunityRepository } from './community-repository.ts';
import { sqliteDeliveryRepository } from './delivery-repository.ts';
import { sqliteEventRepository } from './event-repository.ts';
import { migrate } from './migrate.ts';
import { sqliteSessionRepository } from './session-repository.ts';
import { SqliteDb } from './sqlite-db.ts';
import { sqliteSourceRepository } from './source-repository.ts';
import { sqliteUserRepository } from './user-repository.ts';
import { sqliteWebhookRepository } from './webhook-repository.ts';

export interface SqliteStoreOptions {
  /** Path of the database file, or `':memory:'` for a throw-away store. */
  readonly file: string;
  /** How long a writer waits for another process's lock before failing. @defaultValue 5000 */
  readonly busyTimeoutMs?: number;
}

/**
 * Opens (creating when needed) a SQLite store and migrates it to the current schema.
 *
 * @example
 * const store = await openSqliteStore({ file: '.hub-data/hub.db' });
 */
export async function openSqliteStore(options: SqliteStoreOptions): Promise<Store> {
  if (options.file !== ':memory:') mkdirSync(dirname(options.file), { recursive: true });
  const raw = new Database(options.file);
  try {
    // WAL lets the API and the worker read while the other writes; the default synchronous=FULL
    // is kept so an accepted event survives a power cut, not only a crash.
    raw.pragma('journal_mode = WAL');
    raw.pragma('foreign_keys = ON');
    raw.pragma(`busy_timeout = ${Math.max(0, Math.trunc(options.busyTimeoutMs ?? 5000))}`);
    migrate(raw);
  } catch (error) {
    raw.close();
    throw error;
  }
  const db = new SqliteDb(raw);
  return {
    kind: 'sqlite',
    communities: sqliteCommunityRepository(db),
    users: sqliteUserRepository(db),
    sessions: sqliteSessionRepository(db),
    apiKeys: sqliteApiKeyRepository(db),
    webhooks: sqliteWebhookRepository(db),
    events: sqliteEventRepository(db),
    deliveries: sqliteDeliveryRepository(db),
    sources: sqliteSourceRepository(db),
    audit: sqliteAuditRepository(db),
    ping: async () => {
      db.get('SELECT 1');
    },
    close: async () => {
      if (raw.open) raw.close();
    },
  };
}
