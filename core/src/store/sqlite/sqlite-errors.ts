import { NotFoundError } from '../../errors.ts';
import { DuplicateKeyError } from '../ports.ts';

/** Unique indexes on expressions report the index name; these say which key it guards. */
const INDEX_KEYS: Readonly<Record<string, string>> = {
  users_email_unique: 'email',
};

function sqliteCode(error: unknown): string | undefined {
  const code: unknown = error instanceof Error ? (error as Error & { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
}

/**
 * Rethrows a unique-constraint failure as `DuplicateKeyError` naming the key (`id`, `email`,
 * `keyHash`, `deliveryId,number`...), and anything else unchanged.
 */
export function rethrowAsDuplicateKey(error: unknown): never {
  const code = sqliteCode(error);
  if ((code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') && error instanceof Error) {
    // e.g. "UNIQUE constraint failed: api_keys.key_hash" or "... failed: index 'users_email_unique'"
    const target = error.message.replace(/^.*constraint failed: /, '');
    const index = /^index '(.+)'$/.exec(target)?.[1];
    const key =
      index !== undefined
        ? (INDEX_KEYS[index] ?? index)
        : target
            .split(', ')
            .map((column) => column.replace(/^.*\./, '').replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase()))
            .join(',');
    throw new DuplicateKeyError(key);
  }
  throw error;
}

/** A foreign key that points nowhere means the parent row is missing: `NotFoundError`. */
export function rethrowAsMissingParent(error: unknown, parent: { what: string; id: string }): never {
  if (sqliteCode(error) === 'SQLITE_CONSTRAINT_FOREIGNKEY') throw new NotFoundError(parent.what, parent.id);
  rethrowAsDuplicateKey(error);
}
