import { describe, expect, it } from 'vitest';
import { dummyPasswordHash, hashPassword, verifyPassword } from './passwords.ts';

describe('hashPassword / verifyPassword', () => {
  it('stores scrypt$N$r$p$salt$hash and verifies only the right password', async () => {
    const stored = await hashPassword('correct horse battery staple');
    expect(stored).toMatch(/^scrypt\$32768\$8\$3\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(stored).not.toContain('correct horse');
    expect(await verifyPassword('correct horse battery staple', stored)).toBe(true);
    expect(await verifyPassword('correct horse battery stapl', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same')).not.toBe(await hashPassword('same'));
  });

  it('treats NFC and NFD spellings of a password as the same password', async () => {
    const stored = await hashPassword('café');
    expect(await verifyPassword('cafe\u0301', stored)).toBe(true);
  });

  it('verifies hashes made with other parameters, as stored in the hash', async () => {
    // Node's default scrypt parameters (N=16384, r=8, p=1), salt "salt", password "pw".
    const { scryptSync } = await import('node:crypto');
    const legacy = `scrypt$16384$8$1$${Buffer.from('salt').toString('base64')}$${scryptSync('pw', 'salt', 64).toString('base64')}`;
    expect(await verifyPassword('pw', legacy)).toBe(true);
    expect(await verifyPassword('px', legacy)).toBe(false);
  });

  it.each(['', 'plain', 'bcrypt$2b$10$abc', 'scrypt$16384$8$1$c2FsdA==', 'scrypt$1000$8$1$c2FsdA==$AAAAAAAAAAAAAAAAAAAAAA==', 'scrypt$2147483648$8$1$c2FsdA==$AAAAAAAAAAAAAAAAAAAAAA==', 'scrypt$16384$8$1$$AAAA'])(
    'answers false for a malformed stored value %j instead of throwing',
    async (stored) => {
      expect(await verifyPassword('pw', stored)).toBe(false);
    },
  );

  it('offers a dummy hash with current parameters for unknown users', async () => {
    const dummy = await dummyPasswordHash();
    expect(dummy).toMatch(/^scrypt\$32768\$8\$3\$/);
    expect(await dummyPasswordHash()).toBe(dummy);
    expect(await verifyPassword('', dummy)).toBe(false);
  });
});
