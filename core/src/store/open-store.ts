import { join } from 'node:path';
import type { Store } from './ports.ts';

export interface OpenStoreOptions {
  /** Directory of the embedded SQLite database (`<dataDir>/hub.db`), created when missing. */
  readonly dataDir: string;
  /** When set, MongoDB is used instead of SQLite. */
  readonly mongoUri?: string;
}

/**
 * Opens the hub's store: MongoDB when `mongoUri` is set, else the embedded SQLite file.
 * Each adapter is imported only when chosen, so the SQLite path never loads mongoose and the
 * MongoDB path never loads the native SQLite module.
 *
 * @example
 * const store = await openStore({ dataDir: '.hub-data', mongoUri: process.env.MONGODB_URI });
 */
export async function openStore(options: OpenStoreOptions): Promise<Store> {
  if (options.mongoUri !== undefined && options.mongoUri !== '') {
    const { openMongoStore } = await import('./mongo/open-mongo-store.ts');
    return openMongoStore({ uri: options.mongoUri });
  }
  const { openSqliteStore } = await import('./sqlite/open-sqlite-store.ts');
  return openSqliteStore({ file: join(options.dataDir, 'hub.db') });
}
