import { describe, expect, it } from 'vitest';
import type { ApiKey, User } from '../store/ports.ts';
import { communitiesWith } from './authorize.ts';
import type { Principal } from './principal.ts';

const user = (memberships: User['memberships']): Principal => ({
  kind: 'user',
  session: { tokenHash: '', userId: 'u', csrfToken: '', createdAt: '', expiresAt: '' },
  user: { id: 'u', email: 'u@example.com', name: 'U', passwordHash: '', memberships, createdAt: '', updatedAt: '' },
});
const key = (scopes: ApiKey['scopes']): Principal => ({
  kind: 'apiKey',
  key: { id: 'k', name: 'k', communityId: 'c1', scopes, prefix: '', keyHash: '', createdBy: 'u', createdAt: '', lastUsedAt: null },
});

describe('communitiesWith', () => {
  it('means every community for the instance owner, or exactly what was asked', () => {
    const owner = user([{ communityId: '*', role: 'owner' }]);
    expect(communitiesWith(owner, 'write')).toBeUndefined();
    expect(communitiesWith(owner, 'write', ['c9'])).toEqual(['c9']);
  });

  it('keeps only the communities where a user holds the permission', () => {
    const mixed = user([{ communityId: 'c1', role: 'admin' }, { communityId: 'c2', role: 'viewer' }]);
    expect(communitiesWith(mixed, 'read')).toEqual(['c1', 'c2']);
    expect(communitiesWith(mixed, 'write')).toEqual(['c1']);
    expect(communitiesWith(mixed, 'write', ['c2', 'c3'])).toEqual([]);
  });

  it('gives an API key its own community, and refuses a missing scope', () => {
    expect(communitiesWith(key(['webhooks:read']), 'read')).toEqual(['c1']);
    expect(communitiesWith(key(['webhooks:read']), 'read', ['c2'])).toEqual([]);
    expect(() => communitiesWith(key(['events:publish']), 'read')).toThrow(/lacks the scope/);
  });
});
