/** Builds a WHERE clause from optional filters, with positional parameters. */
export class SqlWhere {
  private readonly clauses: string[] = [];
  private readonly values: unknown[] = [];

  /** Adds a condition; `sql` has one `?` per value in `params`. */
  add(sql: string, ...params: unknown[]): this {
    this.clauses.push(sql);
    this.values.push(...params);
    return this;
  }

  /** `column = value`, skipped when value is undefined. */
  equals(column: string, value: unknown): this {
    return value === undefined ? this : this.add(`${column} = ?`, value);
  }

  /**
   * `column IN (...)`: one JSON parameter instead of one placeholder per value, so the SQL text
   * (and its cached statement) does not depend on the list length. An empty list matches nothing.
   */
  oneOf(column: string, values: readonly string[] | undefined): this {
    if (values === undefined) return this;
    if (values.length === 0) return this.add('0');
    return this.add(`${column} IN (SELECT value FROM json_each(?))`, JSON.stringify(values));
  }

  /** `CommunityScoped`: undefined = every community, [] = none. */
  community(column: string, communityIds: readonly string[] | undefined): this {
    return this.oneOf(column, communityIds);
  }

  /** Inclusive lower and exclusive upper bound on an ISO time column. */
  range(column: string, since: string | undefined, until: string | undefined): this {
    if (since !== undefined) this.add(`${column} >= ?`, since);
    if (until !== undefined) this.add(`${column} < ?`, until);
    return this;
  }

  get sql(): string {
    return this.clauses.length === 0 ? '' : `WHERE ${this.clauses.join(' AND ')}`;
  }

  get params(): readonly unknown[] {
    return this.values;
  }
}
