import { ForbiddenError, NotFoundError } from '../errors.ts';
import { can, canSee, isInstanceOwner, visibleCommunityIds, type Permission, type Principal } from './principal.ts';

/**
 * Throw unless the caller holds `permission` in `communityId`. A caller who cannot even see the
 * community gets a 404 for `resource`, so other communities' data does not leak by existence.
 */
export function authorize(principal: Principal, permission: Permission, communityId: string, resource?: { what: string; id: string }): void {
  if (!canSee(principal, communityId)) {
    if (resource) throw new NotFoundError(resource.what, resource.id);
    throw new ForbiddenError(`no access to community '${communityId}'`);
  }
  if (!can(principal, permission, communityId)) {
    throw new ForbiddenError(describeDenial(principal, permission));
  }
}

export function requireInstanceOwner(principal: Principal): void {
  if (!isInstanceOwner(principal)) throw new ForbiddenError('only the instance owner can do this');
}

export function requireUser(principal: Principal): asserts principal is Extract<Principal, { kind: 'user' }> {
  if (principal.kind !== 'user') throw new ForbiddenError('this action needs a signed-in user, not an API key');
}

function describeDenial(principal: Principal, permission: Permission): string {
  switch (principal.kind) {
    case 'apiKey':
      return permission === 'manage'
        ? 'API keys cannot manage the community'
        : `API key lacks the scope for '${permission}' (${permission === 'publish' ? 'events:publish' : permission === 'read' ? 'webhooks:read' : 'webhooks:write'})`;
    case 'user':
      return permission === 'read' ? 'your role cannot read this community' : `your role cannot ${permission} in this community (admin or owner needed)`;
  }
}

/**
 * The communities, within `requested` if given, where the caller holds `permission`; undefined
 * means every community (the instance owner asking for all). An API key without the scope is
 * refused outright; a user simply sees fewer communities.
 */
export function communitiesWith(principal: Principal, permission: Permission, requested?: readonly string[]): string[] | undefined {
  if (principal.kind === 'apiKey') {
    authorize(principal, permission, principal.key.communityId);
    return requested === undefined || requested.includes(principal.key.communityId) ? [principal.key.communityId] : [];
  }
  const visible = visibleCommunityIds(principal);
  if (visible === undefined) return requested === undefined ? undefined : [...requested];
  const candidates = requested === undefined ? visible : requested.filter((id) => visible.includes(id));
  return candidates.filter((id) => can(principal, permission, id));
}
