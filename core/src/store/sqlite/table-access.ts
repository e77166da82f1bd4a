/**
 * The statements every repository shares (insert, get, update, delete, paged list), written
 * once over a `RowCodec`. Table and column names come from code, never from input.
 */
import type { Page, PageRequest } from '../ports.ts';
import { readPageRequest, toPage } from '../pagination.ts';
import { columnOf, type RowCodec } from './row-codec.ts';
import type { SqliteDb } from './sqlite-db.ts';
import { rethrowAsDuplicateKey } from './sqlite-errors.ts';
import { SqlWhere } from './sql-where.ts';

/** An extra condition on an UPDATE, e.g. the status compare-and-set. */
export interface SqlGuard {
  readonly sql: string;
  readonly params: readonly unknown[];
}

export interface TableAccess<T> {
  readonly codec: RowCodec<T>;
  insert(item: T): T;
  getBy(field: keyof T & string, value: unknown): T | null;
  /** Applies the allowed, defined fields of `patch` to the row with `id`; null when missing. */
  update(id: string, patch: Partial<T>, allowed: readonly (keyof T & string)[], guard?: SqlGuard): T | null;
  deleteBy(field: keyof T & string, value: unknown): number;
  /** One page, newest first (or oldest first with `ascending`), keyset-paged on (sortField, id). */
  page(query: { where: SqlWhere; sortField: keyof T & string; page?: PageRequest; ascending?: boolean }): Page<T>;
}

export function tableAccess<T extends { readonly id: string }>(db: SqliteDb, codec: RowCodec<T>): TableAccess<T> {
  const table = codec.table;
  return {
    codec,
    insert(item) {
      try {
        db.run(`INSERT INTO ${table} (${codec.columnList}) VALUES (${codec.placeholders})`, codec.values(item));
      } catch (error) {
        rethrowAsDuplicateKey(error);
      }
      return item;
    },
    getBy(field, value) {
      const row = db.get(`SELECT * FROM ${table} WHERE ${columnOf(field)} = ?`, [value]);
      return row === undefined ? null : codec.decode(row);
    },
    update(id, patch, allowed, guard) {
      const { sql, params } = codec.assignments(patch, allowed);
      const where = new SqlWhere().add('id = ?', id);
      if (guard !== undefined) where.add(guard.sql, ...guard.params);
      // With nothing to change, a no-op assignment still answers "does the row match?".
      const set = sql.length === 0 ? 'id = id' : sql.join(', ');
      let row: unknown;
      try {
        row = db.get(`UPDATE ${table} SET ${set} ${where.sql} RETURNING *`, [...params, ...where.params]);
      } catch (error) {
        rethrowAsDuplicateKey(error);
      }
      return row === undefined ? null : codec.decode(row);
    },
    deleteBy(field, value) {
      return db.run(`DELETE FROM ${table} WHERE ${columnOf(field)} = ?`, [value]).changes;
    },
    page({ where, sortField, page, ascending = false }) {
      const { limit, after } = readPageRequest(page);
      const sort = columnOf(sortField);
      const direction = ascending ? 'ASC' : 'DESC';
      if (after !== null) where.add(`(${sort}, id) ${ascending ? '>' : '<'} (?, ?)`, after.at, after.id);
      const rows = db.all(`SELECT * FROM ${table} ${where.sql} ORDER BY ${sort} ${direction}, id ${direction} LIMIT ?`, [
        ...where.params,
        limit + 1,
      ]);
      return toPage(codec.decodeAll(rows), limit, (item) => String(item[sortField]));
    },
  };
}
