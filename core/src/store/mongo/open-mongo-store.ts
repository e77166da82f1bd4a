import mongoose from 'mongoose';
import type { Store } from '../ports.ts';
import { mongoApiKeyRepository } from './api-key-repository.ts';
import { mongoAuditRepository } from './audit-repository.ts';
import { mongoCommunityRepository } from './community-repository.ts';
import { mongoDeliveryRepository } from './delivery-repository.ts';
import { mongoEventRepository } from './event-repository.ts';
import { defineModels } from './models.ts';
import { mongoSessionRepository } from './session-repository.ts';
import { mongoSourceRepository } from './source-repository.ts';
import { mongoUserRepository } from './user-repository.ts';
import { mongoWebhookRepository } from './webhook-repository.ts';

export interface MongoStoreOptions {
  /** A MongoDB connection string naming the database, e.g. `mongodb://db:27017/hub`. */
  readonly uri: string;
  /** Overrides the database named in `uri`; the contract tests use a throw-away one. */
  readonly dbName?: string;
  /** How long to wait for a server before failing to open. @defaultValue 10000 */
  readonly serverSelectionTimeoutMs?: number;
}

/**
 * Connects on a dedicated mongoose connection (never the global one), builds the indexes the
 * contract relies on and returns the store. Load it with `await import()`, so mongoose is only
 * loaded when MongoDB is in use.
 *
 * @example
 * const store = await openMongoStore({ uri: process.env.MONGODB_URI! });
 */
export async function openMongoStore(options: MongoStoreOptions): Promise<Store> {
  const connection = mongoose.createConnection(options.uri, {
    serverSelectionTimeoutMS: options.serverSelectionTimeoutMs ?? 10_000,
    // Fail fast instead of queueing operations while disconnected; the queue hides outages.
    bufferCommands: false,
    ...(options.dbName === undefined ? {} : { dbName: options.dbName }),
  });
  try {
    await connection.asPromise();
    const models = await defineModels(connection);
    return {
      kind: 'mongo',
      communities: mongoCommunityRepository(models),
      users: mongoUserRepository(models),
      sessions: mongoSessionRepository(models),
      apiKeys: mongoApiKeyRepository(models),
      webhooks: mongoWebhookRepository(models),
      events: mongoEventRepository(models),
      deliveries: mongoDeliveryRepository(models),
      sources: mongoSourceRepository(models),
      audit: mongoAuditRepository(models),
      ping: async () => {
        const db = connection.db;
        if (db === undefined) throw new Error('MongoDB connection is not open');
        await db.command({ ping: 1 });
      },
      close: async () => {
        await connection.close();
      },
    };
  } catch (error) {
    await connection.close().catch(() => undefined);
    throw error;
  }
}
