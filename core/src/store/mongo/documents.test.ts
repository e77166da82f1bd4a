/**
 * No MongoDB server runs here, so this checks offline what can be: every port type survives
 * mongoose's casting into a document and back unchanged (no dropped `{}`, no `_id` added to
 * sub-documents, nulls kept, `type` not mistaken for a type declaration).
 */
import { Mongoose, type Model } from 'mongoose';
import { describe, expect, it } from 'vitest';
import {
  aCommunity,
  aDelivery,
  anApiKey,
  anAttempt,
  anAuditEntry,
  anEvent,
  aSource,
  aUser,
  aWebhook,
} from '../../../test/store-contract/fixtures.ts';
import { fromDoc, toDoc, type StoredAs } from './documents.ts';
import { compileModels } from './models.ts';

// Its own instance, never connected: compiling models must not reach for a server.
const mongoose = new Mongoose({ autoIndex: false, autoCreate: false, bufferCommands: false });
const models = compileModels(mongoose.createConnection());

async function throughMongoose<T extends { readonly id: string }>(model: Model<StoredAs<T>>, item: T): Promise<T> {
  const document = new model(toDoc(item));
  await document.validate();
  return fromDoc<T>(document.toObject<StoredAs<T>>());
}

describe('mongo documents', () => {
  const community = 'com_1';

  it('keep webhooks whole: secrets, empty settings, retry schedule null or set', async () => {
    for (const webhook of [aWebhook(community), aWebhook(community, { settings: {}, retrySchedule: [1000, 2000], url: null })]) {
      expect(await throughMongoose(models.webhooks, webhook)).toEqual(webhook);
    }
  });

  it('keep events, deliveries and attempts whole', async () => {
    for (const event of [anEvent(community), anEvent(community, { processed: true, processedAt: '2026-01-01T00:00:00.000Z' })]) {
      expect(await throughMongoose(models.events, event)).toEqual(event);
    }
    const delivery = aDelivery(community, { lastResponseCode: 500, lastError: 'boom' });
    expect(await throughMongoose(models.deliveries, delivery)).toEqual(delivery);
    const attempt = anAttempt(delivery.id, 1);
    expect(await throughMongoose(models.attempts, attempt)).toEqual(attempt);
  });

  it('keep communities, api keys, sources and audit entries whole', async () => {
    const community = aCommunity();
    expect(await throughMongoose(models.communities, community)).toEqual(community);
    const key = anApiKey(community.id);
    expect(await throughMongoose(models.apiKeys, key)).toEqual(key);
    const source = aSource(community.id);
    expect(await throughMongoose(models.sources, source)).toEqual(source);
    const entry = anAuditEntry(null, { details: {} });
    expect(await throughMongoose(models.audit, entry)).toEqual(entry);
  });

  it('keep users whole, memberships included', async () => {
    const user = aUser({ memberships: [{ communityId: '*', role: 'owner' }] });
    const document = new models.users({ ...toDoc(user), emailLower: user.email.toLowerCase() });
    const { emailLower, ...stored } = document.toObject<StoredAs<typeof user> & { emailLower: string }>();
    expect(emailLower).toBe(user.email.toLowerCase());
    expect(fromDoc<typeof user>(stored)).toEqual(user);
  });
});
