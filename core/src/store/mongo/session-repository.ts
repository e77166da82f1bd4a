import { NotFoundError } from '../../errors.ts';
import type { Session, SessionRepository } from '../ports.ts';
import type { SessionDoc } from './documents.ts';
import type { MongoModels } from './models.ts';
import { insertOne } from './mongo-query.ts';

function toItem(doc: SessionDoc): Session {
  const { _id, userId, csrfToken, createdAt, expiresAt } = doc;
  return { tokenHash: _id, userId, csrfToken, createdAt, expiresAt };
}

export function mongoSessionRepository(models: MongoModels): SessionRepository {
  const model = models.sessions;
  return {
    create: async (session) => {
      // Matches SQLite's foreign key: a session needs its user.
      if ((await models.users.exists({ _id: session.userId })) === null) throw new NotFoundError('user', session.userId);
      const { tokenHash, ...rest } = session;
      await insertOne(model, { ...rest, _id: tokenHash });
      return session;
    },
    get: async (tokenHash) => {
      const doc = await model.findById(tokenHash).lean<SessionDoc>();
      return doc === null ? null : toItem(doc);
    },
    delete: async (tokenHash) => {
      await model.deleteOne({ _id: tokenHash });
    },
    deleteForUser: async (userId) => {
      await model.deleteMany({ userId });
    },
    // A session is over at its expiry instant, hence `$lte`.
    deleteExpired: async (now) => (await model.deleteMany({ expiresAt: { $lte: now } })).deletedCount,
  };
}
