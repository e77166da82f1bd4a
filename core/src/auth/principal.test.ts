import { describe, expect, it } from 'vitest';
import type { ApiKey, Session, User } from '../store/ports.ts';
import { can, canSee, isInstanceOwner, roleIn, visibleCommunityIds, type Principal } from './principal.ts';

const session = {} as Session;
const user = (memberships: User['memberships']): Principal => ({
  kind: 'user',
  session,
  user: { id: 'usr_1', email: 'a@b.c', name: 'A', passwordHash: '', memberships, createdAt: '', updatedAt: '' },
});
const key = (scopes: ApiKey['scopes']): Principal => ({
  kind: 'apiKey',
  key: { id: 'key_1', name: 'k', communityId: 'c1', scopes, prefix: 'hub_', keyHash: '', createdBy: 'usr_1', createdAt: '', lastUsedAt: null },
});

describe('RBAC', () => {
  it('lets an owner on * do everything everywhere', () => {
    const owner = user([{ communityId: '*', role: 'owner' }]);
    expect(isInstanceOwner(owner)).toBe(true);
    expect(can(owner, 'manage', 'any')).toBe(true);
    expect(visibleCommunityIds(owner)).toBeUndefined();
  });

  it('lets a viewer read but not write, publish or manage', () => {
    const viewer = user([{ communityId: 'c1', role: 'viewer' }]);
    expect(can(viewer, 'read', 'c1')).toBe(true);
    expect(can(viewer, 'write', 'c1')).toBe(false);
    expect(can(viewer, 'publish', 'c1')).toBe(false);
    expect(can(viewer, 'manage', 'c1')).toBe(false);
  });

  it('confines an admin to their community', () => {
    const admin = user([{ communityId: 'c1', role: 'admin' }]);
    expect(can(admin, 'write', 'c1')).toBe(true);
    expect(canSee(admin, 'c2')).toBe(false);
    expect(can(admin, 'read', 'c2')).toBe(false);
    expect(visibleCommunityIds(admin)).toEqual(['c1']);
    expect(isInstanceOwner(admin)).toBe(false);
  });

  it('takes the strongest of several memberships', () => {
    expect(roleIn((user([{ communityId: 'c1', role: 'viewer' }, { communityId: '*', role: 'admin' }]) as Extract<Principal, { kind: 'user' }>).user, 'c1')).toBe('admin');
  });

  it('gives API keys exactly their scopes in their community', () => {
    const publisher = key(['events:publish']);
    expect(can(publisher, 'publish', 'c1')).toBe(true);
    expect(can(publisher, 'read', 'c1')).toBe(false);
    expect(can(publisher, 'publish', 'c2')).toBe(false);
    const writer = key(['webhooks:write']);
    expect(can(writer, 'read', 'c1')).toBe(true);
    expect(can(writer, 'write', 'c1')).toBe(true);
    expect(can(writer, 'manage', 'c1')).toBe(false);
  });
});
