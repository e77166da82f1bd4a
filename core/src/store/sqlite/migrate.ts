import type Database from 'better-sqlite3';
import { StartupError } from '../../errors.ts';
import { MIGRATIONS, type Migration } from './migrations.ts';

export interface MigrationResult {
  /** Versions applied by this call; empty when the file was already up to date. */
  readonly applied: readonly number[];
  readonly version: number;
}

/**
 * Brings the schema up to the newest known version, all pending migrations in one transaction.
 * `BEGIN IMMEDIATE` makes a second process that opens the file at the same moment wait, then
 * find the work done, instead of applying the same migration twice.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): MigrationResult {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  ) STRICT`);
  const known = migrations.reduce((max, migration) => Math.max(max, migration.version), 0);
  const run = db.transaction((): MigrationResult => {
    const row = db.prepare('SELECT MAX(version) AS version FROM schema_migrations').get() as { version: number | null };
    const current = row.version ?? 0;
    if (current > known) {
      throw new StartupError(
        `database ${db.name} has schema version ${current}, newer than this hub knows (${known}); ` +
          'run a newer hub release against it, or point the hub at another data directory',
      );
    }
    const pending = migrations.filter((migration) => migration.version > current).sort((a, b) => a.version - b.version);
    const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
    for (const migration of pending) {
      db.exec(migration.sql);
      record.run(migration.version, migration.name, new Date().toISOString());
    }
    return { applied: pending.map((migration) => migration.version), version: Math.max(current, known) };
  });
  return run.immediate();
}
