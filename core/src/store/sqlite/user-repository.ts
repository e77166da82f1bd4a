import type { User, UserRepository } from '../ports.ts';
import { defineRowCodec } from './row-codec.ts';
import type { SqliteDb } from './sqlite-db.ts';
import { SqlWhere } from './sql-where.ts';
import { tableAccess } from './table-access.ts';

const codec = defineRowCodec<User>('users', {
  id: 'plain',
  email: 'plain',
  name: 'plain',
  passwordHash: 'plain',
  memberships: 'json',
  createdAt: 'plain',
  updatedAt: 'plain',
});

export function sqliteUserRepository(db: SqliteDb): UserRepository {
  const table = tableAccess(db, codec);
  return {
    create: async (user) => table.insert(user),
    get: async (id) => table.getBy('id', id),
    // `lower(email)` matches the unique index, so the lookup uses it. SQLite folds ASCII only,
    // which is what e-mail addresses are in practice.
    getByEmail: async (email) => {
      const row = db.get('SELECT * FROM users WHERE lower(email) = lower(?)', [email]);
      return row === undefined ? null : codec.decode(row);
    },
    list: async (filter, page) => {
      const where = new SqlWhere();
      const ids = filter.communityIds;
      // A user is visible in a community through a membership there or an instance-wide '*'.
      if (ids !== undefined) {
        if (ids.length === 0) where.add('0');
        else
          where.add(
            `EXISTS (SELECT 1 FROM json_each(users.memberships) AS m
               WHERE json_extract(m.value, '$.communityId') IN (SELECT value FROM json_each(?)))`,
            JSON.stringify([...ids, '*']),
          );
      }
      return table.page({ where, sortField: 'createdAt', page });
    },
    update: async (id, patch) => table.update(id, patch, ['name', 'passwordHash', 'memberships', 'updatedAt']),
    delete: async (id) => table.deleteBy('id', id) > 0,
    count: async () => (db.get('SELECT COUNT(*) AS n FROM users') as { n: number }).n,
  };
}
