import type { User, UserRepository } from '../ports.ts';
import { fromDoc, toDoc, type UserDoc } from './documents.ts';
import type { MongoModels } from './models.ts';
import { findPage, insertOne, setAndGet, type MongoFilter } from './mongo-query.ts';

function toItem(doc: UserDoc): User {
  const { emailLower: _lookupOnly, ...rest } = doc;
  return fromDoc<User>(rest, { memberships: [] });
}

export function mongoUserRepository(models: MongoModels): UserRepository {
  const model = models.users;
  return {
    create: async (user) => {
      await insertOne(model, { ...toDoc(user), emailLower: user.email.toLowerCase() });
      return user;
    },
    get: async (id) => {
      const doc = await model.findById(id).lean<UserDoc>();
      return doc === null ? null : toItem(doc);
    },
    getByEmail: async (email) => {
      const doc = await model.findOne({ emailLower: email.toLowerCase() }).lean<UserDoc>();
      return doc === null ? null : toItem(doc);
    },
    list: async (filter, page) => {
      const ids = filter.communityIds;
      // Visible through a membership in one of the communities or an instance-wide '*';
      // [] still means nothing visible.
      const scope: MongoFilter =
        ids === undefined ? {} : ids.length === 0 ? { _id: { $in: [] } } : { 'memberships.communityId': { $in: [...ids, '*'] } };
      return findPage({ model, filter: scope, sortField: 'createdAt', page, toItem });
    },
    update: async (id, patch) => {
      const doc = await setAndGet(model, { _id: id }, {
        name: patch.name,
        passwordHash: patch.passwordHash,
        memberships: patch.memberships,
        updatedAt: patch.updatedAt,
      });
      return doc === null ? null : toItem(doc);
    },
    // SQLite cascades sessions from users; do the same by hand here.
    delete: async (id) => {
      const deleted = (await model.deleteOne({ _id: id })).deletedCount > 0;
      if (deleted) await models.sessions.deleteMany({ userId: id });
      return deleted;
    },
    count: async () => model.countDocuments(),
  };
}
