/**
 * How each port type is stored in MongoDB: the port's `id` becomes `_id` (so the primary key is
 * unique for free) and a few lookup fields are added. Times stay ISO strings, as in SQLite, so
 * cursors and range filters compare the same way in both adapters.
 */
import type {
  ApiKey,
  AuditEntry,
  Community,
  Delivery,
  DeliveryAttempt,
  Session,
  SourceConfig,
  StoredEvent,
  User,
  Webhook,
} from '../ports.ts';

export type StoredAs<T extends { readonly id: string }> = Omit<T, 'id'> & { _id: string };

export type CommunityDoc = StoredAs<Community>;
/** `emailLower` carries the unique, case-insensitive e-mail index. */
export type UserDoc = StoredAs<User> & { emailLower: string };
export type SessionDoc = Omit<Session, 'tokenHash'> & { _id: string };
export type ApiKeyDoc = StoredAs<ApiKey>;
export type WebhookDoc = StoredAs<Webhook>;
export type EventDoc = StoredAs<StoredEvent>;
export type DeliveryDoc = StoredAs<Delivery>;
export type AttemptDoc = StoredAs<DeliveryAttempt>;
export type SourceDoc = StoredAs<SourceConfig>;
export type AuditDoc = StoredAs<AuditEntry>;

export function toDoc<T extends { readonly id: string }>(item: T): StoredAs<T> {
  const { id, ...rest } = item;
  return { ...rest, _id: id };
}

/**
 * Back from a lean document. `defaults` fills nullable fields the driver may omit (a field set
 * to null by an older writer, or added to the schema later), so callers always see the port's shape.
 */
export function fromDoc<T extends { readonly id: string }>(doc: StoredAs<T>, defaults: Partial<T> = {}): T {
  const { _id, ...rest } = doc as StoredAs<T> & Record<string, unknown>;
  const item: Record<string, unknown> = { ...defaults, id: _id };
  for (const [key, value] of Object.entries(rest)) if (value !== undefined) item[key] = value;
  // The lean document has exactly the schema's fields, which are the port's fields.
  return item as T;
}
