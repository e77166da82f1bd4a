/**
 * Maps domain objects to rows and back. Each repository declares how every field is stored;
 * columns are the snake_case of the field names, and the schema in `migrations.ts` matches.
 */

/** `plain`: text or number as is; `bool`: 0/1; `json`: JSON text (SQL NULL stays null). */
export type FieldKind = 'plain' | 'bool' | 'json';

export type FieldKinds<T> = { readonly [K in keyof T]-?: FieldKind };

export interface RowCodec<T> {
  readonly table: string;
  /** Quoted column list in field order, for INSERT. */
  readonly columnList: string;
  readonly placeholders: string;
  /** The row's values in field order, for INSERT. */
  values(item: T): unknown[];
  /** `"col" = ?` assignments and values for the fields of `patch` that are set and allowed. */
  assignments(patch: Partial<T>, allowed: readonly (keyof T & string)[]): { sql: string[]; params: unknown[] };
  decode(row: unknown): T;
  decodeAll(rows: readonly unknown[]): T[];
}

export function columnOf(field: string): string {
  return field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

/** Quoted, because some field names (`trigger`) are SQL keywords. */
export function quoted(field: string): string {
  return `"${columnOf(field)}"`;
}

function encodeValue(kind: FieldKind, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (kind) {
    case 'plain':
      return value;
    case 'bool':
      return value === true ? 1 : 0;
    case 'json':
      return JSON.stringify(value);
  }
}

function decodeValue(kind: FieldKind, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (kind) {
    case 'plain':
      return value;
    case 'bool':
      return value === 1;
    case 'json':
      return JSON.parse(String(value));
  }
}

export function defineRowCodec<T extends object>(table: string, kinds: FieldKinds<T>): RowCodec<T> {
  const fields = Object.keys(kinds) as (keyof T & string)[];
  const kindOf = (field: keyof T & string): FieldKind => kinds[field];
  const decode = (row: unknown): T => {
    const source = row as Record<string, unknown>;
    const item: Record<string, unknown> = {};
    for (const field of fields) item[field] = decodeValue(kindOf(field), source[columnOf(field)]);
    // The kinds map lists every key of T, so the built object is a complete T.
    return item as T;
  };
  return {
    table,
    columnList: fields.map(quoted).join(', '),
    placeholders: fields.map(() => '?').join(', '),
    values: (item) => fields.map((field) => encodeValue(kindOf(field), item[field])),
    assignments: (patch, allowed) => {
      const sql: string[] = [];
      const params: unknown[] = [];
      for (const field of allowed) {
        // Partial<T> lets a key be present with `undefined`; that means "leave unchanged".
        if (patch[field] === undefined) continue;
        sql.push(`${quoted(field)} = ?`);
        params.push(encodeValue(kindOf(field), patch[field]));
      }
      return { sql, params };
    },
    decode,
    decodeAll: (rows) => rows.map(decode),
  };
}
