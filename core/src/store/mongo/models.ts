/**
 * Mongoose schemas and indexes, mirroring `sqlite/migrations.ts`. Compiled on a dedicated
 * connection so the hub never touches mongoose's global one.
 */
import { Schema, type Connection, type Model, type SchemaOptions } from 'mongoose';
import type {
  ApiKeyDoc,
  AttemptDoc,
  AuditDoc,
  CommunityDoc,
  DeliveryDoc,
  EventDoc,
  SessionDoc,
  SourceDoc,
  UserDoc,
  WebhookDoc,
} from './documents.ts';

// minimize:false keeps `settings: {}`; versionKey:false because updates never use it; ids are
// the hub's own strings, so `_id` is a String and no virtual `id` is added.
const options = { versionKey: false, minimize: false, id: false, strict: true } as const satisfies SchemaOptions;
const nullableString = { type: String, default: null };

const communitySchema = new Schema<CommunityDoc>(
  { _id: String, name: String, createdAt: String, updatedAt: String },
  { ...options, collection: 'communities' },
);
communitySchema.index({ createdAt: -1, _id: -1 });

const membershipSchema = new Schema({ communityId: String, role: String }, { _id: false, id: false });
const userSchema = new Schema<UserDoc>(
  {
    _id: String,
    email: String,
    emailLower: String,
    name: String,
    passwordHash: String,
    memberships: { type: [membershipSchema], default: [] },
    createdAt: String,
    updatedAt: String,
  },
  { ...options, collection: 'users' },
);
userSchema.index({ emailLower: 1 }, { unique: true });
userSchema.index({ 'memberships.communityId': 1 });
userSchema.index({ createdAt: -1, _id: -1 });

const sessionSchema = new Schema<SessionDoc>(
  { _id: String, userId: String, csrfToken: String, createdAt: String, expiresAt: String },
  { ...options, collection: 'sessions' },
);
sessionSchema.index({ userId: 1 });
sessionSchema.index({ expiresAt: 1 });

const apiKeySchema = new Schema<ApiKeyDoc>(
  {
    _id: String,
    name: String,
    communityId: String,
    scopes: { type: [String], default: [] },
    prefix: String,
    keyHash: String,
    createdBy: String,
    createdAt: String,
    lastUsedAt: nullableString,
  },
  { ...options, collection: 'api_keys' },
);
apiKeySchema.index({ keyHash: 1 }, { unique: true });
apiKeySchema.index({ communityId: 1, createdAt: -1, _id: -1 });

const secretSchema = new Schema(
  { id: String, ciphertext: String, fingerprint: String, createdAt: String, expiresAt: nullableString },
  { _id: false, id: false },
);
const webhookSchema = new Schema<WebhookDoc>(
  {
    _id: String,
    communityId: String,
    name: String,
    connector: String,
    url: nullableString,
    events: { type: [String], default: [] },
    secrets: { type: [secretSchema], default: [] },
    settings: { type: Schema.Types.Mixed, default: {} },
    pluginSecretsCiphertext: nullableString,
    pluginSecretFields: { type: [String], default: [] },
    active: Boolean,
    disabledReason: nullableString,
    // An array that may be null: Mixed, because a typed array would turn null into [].
    retrySchedule: { type: Schema.Types.Mixed, default: null },
    consecutiveDead: { type: Number, default: 0 },
    createdAt: String,
    updatedAt: String,
  },
  { ...options, collection: 'webhooks' },
);
webhookSchema.index({ communityId: 1, createdAt: -1, _id: -1 });
webhookSchema.index({ createdAt: -1, _id: -1 });

const eventSchema = new Schema<EventDoc>(
  {
    _id: String,
    communityId: String,
    type: String,
    source: String,
    occurredAt: String,
    receivedAt: String,
    payload: String,
    processed: Boolean,
    processedAt: nullableString,
  },
  { ...options, collection: 'events' },
);
eventSchema.index({ communityId: 1, receivedAt: -1, _id: -1 });
eventSchema.index({ receivedAt: -1, _id: -1 });
eventSchema.index({ processed: 1, receivedAt: 1, _id: 1 });

const deliverySchema = new Schema<DeliveryDoc>(
  {
    _id: String,
    eventId: String,
    webhookId: String,
    communityId: String,
    eventType: String,
    status: { type: String, enum: ['pending', 'retrying', 'succeeded', 'dead'] },
    attempts: Number,
    nextAttemptAt: nullableString,
    lastResponseCode: { type: Number, default: null },
    lastError: nullableString,
    createdAt: String,
    updatedAt: String,
    completedAt: nullableString,
  },
  { ...options, collection: 'deliveries' },
);
deliverySchema.index({ eventId: 1, webhookId: 1 }, { unique: true });
deliverySchema.index({ communityId: 1, createdAt: -1, _id: -1 });
deliverySchema.index({ status: 1, createdAt: 1, _id: 1 });
deliverySchema.index({ webhookId: 1, createdAt: -1, _id: -1 });
deliverySchema.index({ createdAt: -1, _id: -1 });

const attemptSchema = new Schema<AttemptDoc>(
  {
    _id: String,
    deliveryId: String,
    number: Number,
    trigger: String,
    startedAt: String,
    durationMs: Number,
    requestHeaders: { type: Schema.Types.Mixed, default: {} },
    responseCode: { type: Number, default: null },
    responseBody: nullableString,
    success: Boolean,
    errorClass: nullableString,
    errorMessage: nullableString,
    nextAttemptAt: nullableString,
  },
  { ...options, collection: 'delivery_attempts' },
);
attemptSchema.index({ deliveryId: 1, number: 1 }, { unique: true });

const sourceSchema = new Schema<SourceDoc>(
  {
    _id: String,
    communityId: String,
    plugin: String,
    name: String,
    settings: { type: Schema.Types.Mixed, default: {} },
    secretsCiphertext: nullableString,
    secretFields: { type: [String], default: [] },
    active: Boolean,
    createdAt: String,
    updatedAt: String,
  },
  { ...options, collection: 'sources' },
);
sourceSchema.index({ communityId: 1, createdAt: -1, _id: -1 });
sourceSchema.index({ createdAt: -1, _id: -1 });

const auditSchema = new Schema<AuditDoc>(
  {
    _id: String,
    at: String,
    communityId: nullableString,
    actorType: String,
    actorId: String,
    action: String,
    targetType: String,
    targetId: String,
    details: { type: Schema.Types.Mixed, default: {} },
  },
  { ...options, collection: 'audit_entries' },
);
auditSchema.index({ communityId: 1, at: -1, _id: -1 });
auditSchema.index({ targetId: 1, at: -1, _id: -1 });
auditSchema.index({ at: -1, _id: -1 });

export interface MongoModels {
  readonly communities: Model<CommunityDoc>;
  readonly users: Model<UserDoc>;
  readonly sessions: Model<SessionDoc>;
  readonly apiKeys: Model<ApiKeyDoc>;
  readonly webhooks: Model<WebhookDoc>;
  readonly events: Model<EventDoc>;
  readonly deliveries: Model<DeliveryDoc>;
  readonly attempts: Model<AttemptDoc>;
  readonly sources: Model<SourceDoc>;
  readonly audit: Model<AuditDoc>;
}

/** Compiles the models on `connection`, without touching the server. */
export function compileModels(connection: Connection): MongoModels {
  return {
    communities: connection.model<CommunityDoc>('Community', communitySchema),
    users: connection.model<UserDoc>('User', userSchema),
    sessions: connection.model<SessionDoc>('Session', sessionSchema),
    apiKeys: connection.model<ApiKeyDoc>('ApiKey', apiKeySchema),
    webhooks: connection.model<WebhookDoc>('Webhook', webhookSchema),
    events: connection.model<EventDoc>('Event', eventSchema),
    deliveries: connection.model<DeliveryDoc>('Delivery', deliverySchema),
    attempts: connection.model<AttemptDoc>('DeliveryAttempt', attemptSchema),
    sources: connection.model<SourceDoc>('Source', sourceSchema),
    audit: connection.model<AuditDoc>('AuditEntry', auditSchema),
  };
}

/** Compiles the models and waits until their collections and indexes exist. */
export async function defineModels(connection: Connection): Promise<MongoModels> {
  const models = compileModels(connection);
  // Unique indexes must exist before the first write, or a duplicate could slip in while
  // mongoose builds them in the background.
  await Promise.all(Object.values(models).map((model: Model<unknown>) => model.init()));
  return models;
}
