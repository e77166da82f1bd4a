import type { AuditLog } from '../audit/audit-log.ts';
import type { Clock } from '../clock.ts';
import { ConflictError, NotFoundError, ValidationError } from '../errors.ts';
import { newId } from '../ids.ts';
import { hashPassword } from '../security/passwords.ts';
import type { Membership, Page, PageRequest, Store, User } from '../store/ports.ts';
import { requireInstanceOwner } from './authorize.ts';
import type { Principal } from './principal.ts';

export type UserView = Omit<User, 'passwordHash'>;

export function toUserView({ passwordHash: _hash, ...rest }: User): UserView {
  return rest;
}

/** Users and their roles per community; instance owners only. */
export class UserService {
  constructor(
    private readonly store: Store,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async create(principal: Principal, input: { email: string; name: string; password: string; memberships: readonly Membership[] }): Promise<User> {
    requireInstanceOwner(principal);
    await this.checkMemberships(input.memberships);
    if (await this.store.users.getByEmail(input.email)) throw new ConflictError(`a user with email '${input.email}' exists`);
    const now = this.clock.now().toISOString();
    const user = await this.store.users.create({
      id: newId('usr'),
      email: input.email.toLowerCase(),
      name: input.name,
      passwordHash: await hashPassword(input.password),
      memberships: input.memberships,
      createdAt: now,
      updatedAt: now,
    });
    await this.audit.record(principal, { communityId: null, action: 'user.created', targetType: 'user', targetId: user.id, details: { email: user.email, memberships: user.memberships } });
    return user;
  }

  async list(principal: Principal, page: PageRequest): Promise<Page<User>> {
    requireInstanceOwner(principal);
    return this.store.users.list({}, page);
  }

  async get(principal: Principal, id: string): Promise<User> {
    requireInstanceOwner(principal);
    const user = await this.store.users.get(id);
    if (!user) throw new NotFoundError('user', id);
    return user;
  }

  async update(principal: Principal, id: string, input: { name?: string; password?: string; memberships?: readonly Membership[] }): Promise<User> {
    requireInstanceOwner(principal);
    const current = await this.store.users.get(id);
    if (!current) throw new NotFoundError('user', id);
    if (input.memberships) {
      await this.checkMemberships(input.memberships);
      if (principal.kind === 'user' && principal.user.id === id && !input.memberships.some((m) => m.communityId === '*' && m.role === 'owner')) {
        throw new ValidationError('you cannot remove your own instance-owner role', [{ path: 'memberships', message: 'would lock you out' }]);
      }
    }
    const updated = await this.store.users.update(id, {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.password !== undefined ? { passwordHash: await hashPassword(input.password) } : {}),
      ...(input.memberships !== undefined ? { memberships: input.memberships } : {}),
      updatedAt: this.clock.now().toISOString(),
    });
    if (!updated) throw new NotFoundError('user', id);
    if (input.password !== undefined) await this.store.sessions.deleteForUser(id);
    await this.audit.record(principal, {
      communityId: null,
      action: 'user.updated',
      targetType: 'user',
      targetId: id,
      details: { changed: Object.keys(input), ...(input.memberships ? { memberships: input.memberships } : {}) },
    });
    return updated;
  }

  async delete(principal: Principal, id: string): Promise<void> {
    requireInstanceOwner(principal);
    if (principal.kind === 'user' && principal.user.id === id) throw new ValidationError('you cannot delete yourself');
    if (!(await this.store.users.delete(id))) throw new NotFoundError('user', id);
    await this.store.sessions.deleteForUser(id);
    await this.audit.record(principal, { communityId: null, action: 'user.deleted', targetType: 'user', targetId: id });
  }

  private async checkMemberships(memberships: readonly Membership[]): Promise<void> {
    for (const membership of memberships) {
      if (membership.communityId !== '*' && !(await this.store.communities.get(membership.communityId))) {
        throw new ValidationError(`community '${membership.communityId}' does not exist`, [{ path: 'memberships', message: `unknown community '${membership.communityId}'` }]);
      }
    }
  }
}
