import type { Role, User } from '../api/types.ts';

function roleIn(user: User, communityId: string | undefined): Role | null {
  const everywhere = user.memberships.find((membership) => membership.communityId === '*');
  if (everywhere) return everywhere.role;
  if (!communityId) {
    // No community in view: the best role the user holds anywhere.
    if (user.memberships.some((membership) => membership.role === 'owner')) return 'owner';
    if (user.memberships.some((membership) => membership.role === 'admin')) return 'admin';
    return user.memberships.length > 0 ? 'viewer' : null;
  }
  return user.memberships.find((membership) => membership.communityId === communityId)?.role ?? null;
}

/** Owners and admins change webhooks and retry deliveries; viewers only read. The server decides. */
export function canManage(user: User, communityId?: string): boolean {
  const role = roleIn(user, communityId);
  switch (role) {
    case 'owner':
    case 'admin':
      return true;
    case 'viewer':
    case null:
      return false;
  }
}

/** The instance owner (`{communityId: '*', role: 'owner'}`) manages users and communities. */
export function isInstanceOwner(user: User): boolean {
  return user.memberships.some((membership) => membership.communityId === '*' && membership.role === 'owner');
}
