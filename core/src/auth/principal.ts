import type { ApiKey, ApiKeyScope, Role, Session, User } from '../store/ports.ts';

/** Who is calling: a dashboard user with a session, or an API key. */
export type Principal =
  | { readonly kind: 'user'; readonly user: User; readonly session: Session }
  | { readonly kind: 'apiKey'; readonly key: ApiKey };

/** What a caller wants to do within one community. */
export type Permission = 'read' | 'write' | 'publish' | 'manage';

const RANK: Record<Role, number> = { viewer: 1, admin: 2, owner: 3 };

const USER_MINIMUM: Record<Permission, Role> = { read: 'viewer', write: 'admin', publish: 'admin', manage: 'admin' };
const KEY_SCOPES: Record<Permission, readonly ApiKeyScope[]> = {
  read: ['webhooks:read', 'webhooks:write'],
  write: ['webhooks:write'],
  publish: ['events:publish'],
  manage: [],
};

/** The strongest role a user holds in a community (`'*'` memberships count everywhere). */
export function roleIn(user: User, communityId: string): Role | null {
  let best: Role | null = null;
  for (const membership of user.memberships) {
    if (membership.communityId !== '*' && membership.communityId !== communityId) continue;
    if (best === null || RANK[membership.role] > RANK[best]) best = membership.role;
  }
  return best;
}

export function isInstanceOwner(principal: Principal): boolean {
  return principal.kind === 'user' && principal.user.memberships.some((m) => m.communityId === '*' && m.role === 'owner');
}

/** Whether the caller can see the community at all. */
export function canSee(principal: Principal, communityId: string): boolean {
  switch (principal.kind) {
    case 'user':
      return roleIn(principal.user, communityId) !== null;
    case 'apiKey':
      return principal.key.communityId === communityId;
  }
}

export function can(principal: Principal, permission: Permission, communityId: string): boolean {
  switch (principal.kind) {
    case 'user': {
      const role = roleIn(principal.user, communityId);
      return role !== null && RANK[role] >= RANK[USER_MINIMUM[permission]];
    }
    case 'apiKey':
      return principal.key.communityId === communityId && KEY_SCOPES[permission].some((scope) => principal.key.scopes.includes(scope));
  }
}

/** Communities whose data the caller may list; undefined means every community. */
export function visibleCommunityIds(principal: Principal): string[] | undefined {
  switch (principal.kind) {
    case 'user':
      if (principal.user.memberships.some((m) => m.communityId === '*')) return undefined;
      return [...new Set(principal.user.memberships.map((m) => m.communityId))];
    case 'apiKey':
      return [principal.key.communityId];
  }
}

/** A short label for audit entries. */
export function actorOf(principal: Principal): { actorType: 'user' | 'apiKey'; actorId: string } {
  switch (principal.kind) {
    case 'user':
      return { actorType: 'user', actorId: principal.user.id };
    case 'apiKey':
      return { actorType: 'apiKey', actorId: principal.key.id };
  }
}

/** Where a write lands when the body names no community: the key's, the user's only one, or `default`. */
export function defaultCommunity(principal: Principal): string {
  switch (principal.kind) {
    case 'apiKey':
      return principal.key.communityId;
    case 'user': {
      const own = principal.user.memberships.filter((m) => m.communityId !== '*');
      return own.length === 1 && !principal.user.memberships.some((m) => m.communityId === '*') ? own[0]!.communityId : 'default';
    }
  }
}
