import type Database from 'better-sqlite3';

/**
 * The open database plus a cache of prepared statements: filters build SQL at run time, but
 * only a handful of distinct strings ever occur, so each is compiled once.
 */
export class SqliteDb {
  private readonly statements = new Map<string, Database.Statement<unknown[]>>();

  constructor(readonly raw: Database.Database) {}

  statement(sql: string): Database.Statement<unknown[]> {
    let statement = this.statements.get(sql);
    if (statement === undefined) {
      statement = this.raw.prepare<unknown[]>(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  all(sql: string, params: readonly unknown[] = []): unknown[] {
    return this.statement(sql).all(...params);
  }

  get(sql: string, params: readonly unknown[] = []): unknown {
    return this.statement(sql).get(...params);
  }

  run(sql: string, params: readonly unknown[] = []): Database.RunResult {
    return this.statement(sql).run(...params);
  }

  /** Runs `fn` in `BEGIN IMMEDIATE`, so a writer in another process cannot interleave. */
  transaction<T>(fn: () => T): T {
    return this.raw.transaction(fn).immediate();
  }
}
