/**
 * Filters, keyset pages and error mapping shared by the MongoDB repositories. Filters are
 * built as plain objects and typed once here, because mongoose's strict filter types cannot
 * follow a filter assembled from optional parts.
 */
import type { Model, QueryFilter } from 'mongoose';
import { readPageRequest, toPage } from '../pagination.ts';
import { DuplicateKeyError, type Page, type PageRequest } from '../ports.ts';

export type MongoFilter = Record<string, unknown>;

export function asFilter<D>(filter: MongoFilter): QueryFilter<D> {
  return filter as QueryFilter<D>;
}

/** Drops undefined conditions, so an absent filter field means "no restriction". */
export function definedOnly(conditions: Record<string, unknown>): MongoFilter {
  return Object.fromEntries(Object.entries(conditions).filter(([, value]) => value !== undefined));
}

/** `CommunityScoped`: undefined = every community; `$in: []` matches nothing, as it should. */
export function inList(values: readonly string[] | undefined): { $in: string[] } | undefined {
  return values === undefined ? undefined : { $in: [...values] };
}

/** Inclusive `since`, exclusive `until`; undefined when neither is set. */
export function timeRange(since: string | undefined, until: string | undefined): MongoFilter | undefined {
  if (since === undefined && until === undefined) return undefined;
  return definedOnly({ $gte: since, $lt: until });
}

/**
 * One keyset page ordered by (sortField, _id), newest first unless `ascending`: the same
 * order and cursor as the SQLite adapter.
 */
export async function findPage<D extends { _id: string }, T extends { readonly id: string }>(query: {
  model: Model<D>;
  filter: MongoFilter;
  sortField: keyof D & keyof T & string;
  page: PageRequest | undefined;
  ascending?: boolean;
  toItem: (doc: D) => T;
}): Promise<Page<T>> {
  const { limit, after } = readPageRequest(query.page);
  const field = query.sortField;
  const order = query.ascending === true ? 1 : -1;
  const beyond = query.ascending === true ? '$gt' : '$lt';
  const filter =
    after === null
      ? query.filter
      : {
          $and: [
            query.filter,
            { $or: [{ [field]: { [beyond]: after.at } }, { [field]: after.at, _id: { [beyond]: after.id } }] },
          ],
        };
  const docs = await query.model
    .find(asFilter<D>(filter))
    .sort({ [field]: order, _id: order })
    .limit(limit + 1)
    .lean<D[]>();
  return toPage(docs.map(query.toItem), limit, (item) => String(item[field]));
}

const KEY_NAMES: Readonly<Record<string, string>> = { _id: 'id', emailLower: 'email' };

function duplicateKeyOf(error: unknown): string | null {
  if (typeof error !== 'object' || error === null) return null;
  const { code, keyPattern } = error as { code?: unknown; keyPattern?: unknown };
  if (code !== 11000) return null;
  if (typeof keyPattern !== 'object' || keyPattern === null) return 'unknown';
  return Object.keys(keyPattern)
    .map((key) => KEY_NAMES[key] ?? key)
    .join(',');
}

export function isDuplicateKeyError(error: unknown): boolean {
  return duplicateKeyOf(error) !== null;
}

/** E11000 becomes `DuplicateKeyError` naming the key as the port does (`id`, `email`...). */
export function rethrowAsDuplicateKey(error: unknown): never {
  const key = duplicateKeyOf(error);
  if (key !== null) throw new DuplicateKeyError(key);
  throw error;
}

/** Inserts one document, mapping a unique-index clash to `DuplicateKeyError`. */
export async function insertOne<D>(model: Model<D>, doc: D): Promise<void> {
  try {
    await model.create(doc);
  } catch (error) {
    rethrowAsDuplicateKey(error);
  }
}

/**
 * `$set` the defined fields on the document matching `filter` and return it as it is after the
 * write (null when nothing matched). One findOneAndUpdate, so the match and the write are atomic;
 * with nothing to set it only reads, because an empty `$set` is an error for MongoDB.
 */
export async function setAndGet<D>(model: Model<D>, filter: MongoFilter, fields: MongoFilter): Promise<D | null> {
  const set = definedOnly(fields);
  if (Object.keys(set).length === 0) return model.findOne(asFilter<D>(filter)).lean<D>();
  return model.findOneAndUpdate(asFilter<D>(filter), { $set: set }, { returnDocument: 'after' }).lean<D>();
}
