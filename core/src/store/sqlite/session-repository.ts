import type { Session, SessionRepository } from '../ports.ts';
import { defineRowCodec } from './row-codec.ts';
import { rethrowAsMissingParent } from './sqlite-errors.ts';
import type { SqliteDb } from './sqlite-db.ts';

const codec = defineRowCodec<Session>('sessions', {
  tokenHash: 'plain',
  userId: 'plain',
  csrfToken: 'plain',
  createdAt: 'plain',
  expiresAt: 'plain',
});

export function sqliteSessionRepository(db: SqliteDb): SessionRepository {
  return {
    create: async (session) => {
      try {
        db.run(`INSERT INTO sessions (${codec.columnList}) VALUES (${codec.placeholders})`, codec.values(session));
      } catch (error) {
        // Sessions cascade from their user, so one cannot outlive (or predate) it.
        rethrowAsMissingParent(error, { what: 'user', id: session.userId });
      }
      return session;
    },
    get: async (tokenHash) => {
      const row = db.get('SELECT * FROM sessions WHERE token_hash = ?', [tokenHash]);
      return row === undefined ? null : codec.decode(row);
    },
    delete: async (tokenHash) => {
      db.run('DELETE FROM sessions WHERE token_hash = ?', [tokenHash]);
    },
    deleteForUser: async (userId) => {
      db.run('DELETE FROM sessions WHERE user_id = ?', [userId]);
    },
    // A session is over at its expiry instant, hence `<=`.
    deleteExpired: async (now) => db.run('DELETE FROM sessions WHERE expires_at <= ?', [now]).changes,
  };
}
