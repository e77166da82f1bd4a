import { randomBytes } from 'node:crypto';
import type { Clock } from '../clock.ts';
import { UnauthenticatedError } from '../errors.ts';
import { hashToken } from '../security/api-key-token.ts';
import { dummyPasswordHash, verifyPassword } from '../security/passwords.ts';
import type { Session, Store, User } from '../store/ports.ts';


/** Logging in and out; sessions are stored by the hash of their cookie token. */
export class SessionService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly ttlMs: number,
  ) {}

  async login(email: string, password: string): Promise<{ token: string; session: Session; user: User }> {
    const user = await this.store.users.getByEmail(email);
    // Check a password of the same cost even for unknown emails, so timing does not tell which
    // emails exist.
    const valid = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash())).catch(() => false);
    if (!user || !valid) throw new UnauthenticatedError('email or password is wrong');
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    const session = await this.store.sessions.create({
      tokenHash: hashToken(token),
      userId: user.id,
      csrfToken: randomBytes(24).toString('base64url'),
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + this.ttlMs).toISOString(),
    });
    return { token, session, user };
  }

  /** The session and user behind a cookie token, or null when unknown or expired. */
  async resolve(token: string): Promise<{ session: Session; user: User } | null> {
    const session = await this.store.sessions.get(hashToken(token));
    if (!session) return null;
    if (session.expiresAt <= this.clock.now().toISOString()) {
      await this.store.sessions.delete(session.tokenHash);
      return null;
    }
    const user = await this.store.users.get(session.userId);
    return user ? { session, user } : null;
  }

  async logout(session: Session): Promise<void> {
    await this.store.sessions.delete(session.tokenHash);
  }
}
