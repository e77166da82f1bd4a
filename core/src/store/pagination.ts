/**
 * Paging shared by every adapter, so a cursor means the same thing whichever database made it:
 * base64url of the JSON pair `[sortValue, id]` of the last row on the page.
 */
import { InvalidCursorError, type Page, type PageRequest } from './ports.ts';

export const DEFAULT_PAGE_LIMIT = 50;
export const MAX_PAGE_LIMIT = 200;

export interface CursorPosition {
  /** The sort column's value (createdAt, receivedAt or at) of the last row seen. */
  readonly at: string;
  readonly id: string;
}

/** 1..200, 50 when missing or not a number, so a caller cannot ask for the whole table. */
export function clampLimit(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return DEFAULT_PAGE_LIMIT;
  return Math.min(MAX_PAGE_LIMIT, Math.max(1, Math.trunc(limit)));
}

export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify([position.at, position.id]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): CursorPosition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch (error) {
    throw new InvalidCursorError('invalid cursor', { cause: error });
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) throw new InvalidCursorError('invalid cursor');
  const [at, id] = parsed as unknown[];
  if (typeof at !== 'string' || typeof id !== 'string') throw new InvalidCursorError('invalid cursor');
  // Buffer decoding ignores stray characters; re-encoding rejects anything we did not make.
  if (encodeCursor({ at, id }) !== cursor) throw new InvalidCursorError('invalid cursor');
  return { at, id };
}

/** Decodes `page.cursor` when present; the adapter then asks for `limit + 1` rows. */
export function readPageRequest(page: PageRequest | undefined): { limit: number; after: CursorPosition | null } {
  return {
    limit: clampLimit(page?.limit),
    after: page?.cursor === undefined ? null : decodeCursor(page.cursor),
  };
}

/**
 * Turns `limit + 1` fetched rows into a page: the extra row only proves that another page
 * exists, so the cursor points at the last row actually returned.
 */
export function toPage<T extends { readonly id: string }>(rows: readonly T[], limit: number, sortValue: (row: T) => string): Page<T> {
  if (rows.length <= limit) return { items: rows, nextCursor: null };
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: last === undefined ? null : encodeCursor({ at: sortValue(last), id: last.id }) };
}
