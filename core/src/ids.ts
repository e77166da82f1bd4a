import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/**
 * A time-ordered, URL-safe id with a type prefix, e.g. `wh_01jf3k8q2m...`. 10 characters of
 * millisecond time then 16 of randomness (Crockford base32, lower case), like a ULID.
 */
export function newId(prefix: string, at: number = Date.now()): string {
  let time = '';
  let t = at;
  for (let i = 0; i < 10; i++) {
    time = ALPHABET[t % 32] + time;
    t = Math.floor(t / 32);
  }
  const bytes = randomBytes(16);
  let random = '';
  for (const byte of bytes) random += ALPHABET[byte % 32];
  return `${prefix}_${time}${random}`;
}
