import { describe, expect, it } from 'vitest';
import { DuplicateKeyError } from '../../src/store/ports.ts';
import { rejectsWithName, type ContractContext } from './contract-context.ts';
import { aCommunity, allPages, anApiKey, aSession, aUser, at, ids } from './fixtures.ts';

export function identityContract(ctx: ContractContext): void {
  describe('communities', () => {
    it('creates, reads, updates and deletes', async () => {
      const { communities } = ctx.store();
      const community = aCommunity({ name: 'Rust FR' });
      expect(await communities.create(community)).toEqual(community);
      expect(await communities.get(community.id)).toEqual(community);

      const updated = await communities.update(community.id, { name: 'Rust France', updatedAt: at(5000) });
      expect(updated).toEqual({ ...community, name: 'Rust France', updatedAt: at(5000) });
      expect(await communities.get(community.id)).toEqual(updated);

      expect(await communities.delete(community.id)).toBe(true);
      expect(await communities.get(community.id)).toBeNull();
      expect(await communities.delete(community.id)).toBe(false);
      expect(await communities.update(community.id, { name: 'gone' })).toBeNull();
    });

    it('rejects a second community with the same id', async () => {
      const community = aCommunity();
      await ctx.store().communities.create(community);
      const error = await rejectsWithName(ctx.store().communities.create({ ...community, name: 'other' }), 'DuplicateKeyError');
      expect(error).toBeInstanceOf(DuplicateKeyError);
      expect((await ctx.store().communities.get(community.id))?.name).toBe(community.name);
    });

    it('lists only the communities in scope', async () => {
      const { communities } = ctx.store();
      const [a, b, c] = [aCommunity({ createdAt: at(1) }), aCommunity({ createdAt: at(2) }), aCommunity({ createdAt: at(3) })];
      for (const community of [a, b, c]) await communities.create(community);
      expect(ids((await communities.list({ communityIds: [a.id, c.id] })).items)).toEqual([c.id, a.id]);
      expect((await communities.list({ communityIds: [] })).items).toEqual([]);
      const all = await allPages((cursor) => communities.list({}, { cursor, limit: 200 }));
      expect(ids(all.items)).toEqual(expect.arrayContaining([a.id, b.id, c.id]));
    });
  });

  describe('users', () => {
    it('creates, reads, updates, counts and deletes', async () => {
      const { users } = ctx.store();
      const before = await users.count();
      const user = aUser({ memberships: [{ communityId: 'com_x', role: 'admin' }] });
      expect(await users.create(user)).toEqual(user);
      expect(await users.count()).toBe(before + 1);
      expect(await users.get(user.id)).toEqual(user);

      const memberships = [
        { communityId: 'com_x', role: 'viewer' as const },
        { communityId: 'com_y', role: 'owner' as const },
      ];
      const updated = await users.update(user.id, { name: 'Renamed', memberships, updatedAt: at(1000) });
      expect(updated).toEqual({ ...user, name: 'Renamed', memberships, updatedAt: at(1000) });
      expect(await users.get(user.id)).toEqual(updated);
      expect(await users.update('usr_missing', { name: 'x' })).toBeNull();

      expect(await users.delete(user.id)).toBe(true);
      expect(await users.get(user.id)).toBeNull();
      expect(await users.count()).toBe(before);
      expect(await users.delete(user.id)).toBe(false);
    });

    it('finds a user by e-mail whatever its case', async () => {
      const { users } = ctx.store();
      const user = aUser({ email: `Ada.${Date.now()}@Example.TEST` });
      await users.create(user);
      expect(await users.getByEmail(user.email.toLowerCase())).toEqual(user);
      expect(await users.getByEmail(user.email.toUpperCase())).toEqual(user);
      expect(await users.getByEmail(`nobody.${Date.now()}@example.test`)).toBeNull();
    });

    it('keeps e-mails unique regardless of case', async () => {
      const { users } = ctx.store();
      const user = aUser({ email: `grace.${Date.now()}@example.test` });
      await users.create(user);
      const error = await rejectsWithName(users.create(aUser({ email: user.email.toUpperCase() })), 'DuplicateKeyError');
      expect((error as DuplicateKeyError).key).toBe('email');
      expect(await users.getByEmail(user.email)).toEqual(user);
    });

    it('lists members of the given communities and instance-wide members', async () => {
      const { users } = ctx.store();
      const [c1, c2] = [aCommunity(), aCommunity()];
      const member1 = aUser({ memberships: [{ communityId: c1.id, role: 'viewer' }] });
      const member2 = aUser({ memberships: [{ communityId: c2.id, role: 'admin' }] });
      const owner = aUser({ memberships: [{ communityId: '*', role: 'owner' }] });
      const loner = aUser();
      for (const user of [member1, member2, owner, loner]) await users.create(user);

      const inC1 = ids((await allPages((cursor) => users.list({ communityIds: [c1.id] }, { cursor, limit: 200 }))).items);
      expect(inC1).toEqual(expect.arrayContaining([member1.id, owner.id]));
      expect(inC1).not.toContain(member2.id);
      expect(inC1).not.toContain(loner.id);

      const inBoth = ids((await allPages((cursor) => users.list({ communityIds: [c1.id, c2.id] }, { cursor, limit: 200 }))).items);
      expect(inBoth).toEqual(expect.arrayContaining([member1.id, member2.id, owner.id]));
      expect(inBoth).not.toContain(loner.id);

      expect((await users.list({ communityIds: [] })).items).toEqual([]);
      const everyone = ids((await allPages((cursor) => users.list({}, { cursor, limit: 200 }))).items);
      expect(everyone).toEqual(expect.arrayContaining([member1.id, member2.id, owner.id, loner.id]));
    });
  });

  describe('sessions', () => {
    it('creates, reads and deletes by token and by user', async () => {
      const { users, sessions } = ctx.store();
      const user = aUser();
      await users.create(user);
      const [one, two] = [aSession(user.id), aSession(user.id)];
      expect(await sessions.create(one)).toEqual(one);
      await sessions.create(two);
      expect(await sessions.get(one.tokenHash)).toEqual(one);

      await sessions.delete(one.tokenHash);
      expect(await sessions.get(one.tokenHash)).toBeNull();
      expect(await sessions.get(two.tokenHash)).toEqual(two);

      await sessions.create(one);
      await sessions.deleteForUser(user.id);
      expect(await sessions.get(one.tokenHash)).toBeNull();
      expect(await sessions.get(two.tokenHash)).toBeNull();
    });

    it('drops the sessions of a deleted user', async () => {
      const { users, sessions } = ctx.store();
      const user = aUser();
      await users.create(user);
      const session = aSession(user.id);
      await sessions.create(session);
      await users.delete(user.id);
      expect(await sessions.get(session.tokenHash)).toBeNull();
    });

    it('deletes sessions expired at or before now, and only those', async () => {
      const { users, sessions } = ctx.store();
      const user = aUser();
      await users.create(user);
      const now = '2000-01-01T00:00:00.000Z';
      const expired = aSession(user.id, { expiresAt: '1999-12-31T23:59:59.999Z' });
      const expiringNow = aSession(user.id, { expiresAt: now });
      const live = aSession(user.id, { expiresAt: '2000-01-01T00:00:00.001Z' });
      for (const session of [expired, expiringNow, live]) await sessions.create(session);

      expect(await sessions.deleteExpired(now)).toBe(2);
      expect(await sessions.get(expired.tokenHash)).toBeNull();
      expect(await sessions.get(expiringNow.tokenHash)).toBeNull();
      expect(await sessions.get(live.tokenHash)).toEqual(live);
      expect(await sessions.deleteExpired(now)).toBe(0);
    });
  });

  describe('api keys', () => {
    it('creates, finds by hash, touches and deletes', async () => {
      const { apiKeys } = ctx.store();
      const key = anApiKey(aCommunity().id);
      expect(await apiKeys.create(key)).toEqual(key);
      expect(await apiKeys.get(key.id)).toEqual(key);
      expect(await apiKeys.getByHash(key.keyHash)).toEqual(key);
      expect(await apiKeys.getByHash('hash-of-nothing')).toBeNull();

      await apiKeys.touch(key.id, at(9000));
      expect(await apiKeys.getByHash(key.keyHash)).toEqual({ ...key, lastUsedAt: at(9000) });

      expect(await apiKeys.delete(key.id)).toBe(true);
      expect(await apiKeys.get(key.id)).toBeNull();
      expect(await apiKeys.getByHash(key.keyHash)).toBeNull();
      expect(await apiKeys.delete(key.id)).toBe(false);
    });

    it('keeps key hashes unique', async () => {
      const { apiKeys } = ctx.store();
      const key = anApiKey(aCommunity().id);
      await apiKeys.create(key);
      const error = await rejectsWithName(apiKeys.create(anApiKey(key.communityId, { keyHash: key.keyHash })), 'DuplicateKeyError');
      expect((error as DuplicateKeyError).key).toBe('keyHash');
    });

    it('lists keys by community, newest first', async () => {
      const { apiKeys } = ctx.store();
      const [c1, c2] = [aCommunity().id, aCommunity().id];
      const older = anApiKey(c1, { createdAt: at(1) });
      const newer = anApiKey(c1, { createdAt: at(2) });
      const other = anApiKey(c2);
      for (const key of [older, newer, other]) await apiKeys.create(key);
      expect(ids((await apiKeys.list({ communityIds: [c1] })).items)).toEqual([newer.id, older.id]);
      expect(ids((await apiKeys.list({ communityIds: [c1, c2] })).items)).toEqual(expect.arrayContaining([older.id, newer.id, other.id]));
      expect((await apiKeys.list({ communityIds: [] })).items).toEqual([]);
    });
  });
}
