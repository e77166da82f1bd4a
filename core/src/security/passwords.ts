import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

// N = 2^15, r = 8, p = 3: one of OWASP's equivalent scrypt settings (32 MiB, ~150 ms on one
// core). Stored with each hash so that it can be raised without breaking old rows.
const COST = 2 ** 15;
const BLOCK_SIZE = 8;
const PARALLELISM = 3;
const SALT_BYTES = 16;
const KEY_BYTES = 32;
// Node refuses more than 32 MiB by default; leave headroom for the parameters above and for
// verifying hashes made with a somewhat higher cost.
const MAX_MEMORY = 256 * 1024 * 1024;
const MAX_COST = 2 ** 20;

/**
 * Hashes a password with scrypt: `scrypt$N$r$p$<salt base64>$<hash base64>`.
 *
 * @example
 * user.passwordHash = await hashPassword(input.password);
 */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const hash = await derive(password, salt, KEY_BYTES, { N: COST, r: BLOCK_SIZE, p: PARALLELISM });
  return ['scrypt', COST, BLOCK_SIZE, PARALLELISM, salt.toString('base64'), hash.toString('base64')].join('$');
}

/**
 * True when `password` matches `stored` (from `hashPassword`), compared in constant time.
 * A malformed stored value is a mismatch, not an exception, so a login cannot crash on it.
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseStored(stored);
  if (parsed === undefined) return false;
  const actual = await derive(password, parsed.salt, parsed.hash.length, parsed.options);
  return timingSafeEqual(actual, parsed.hash);
}

let dummyHash: Promise<string> | undefined;

/**
 * A hash of a random password made with the current parameters, to verify against when the
 * user is unknown: a login for an unknown email then takes as long as one for a known email,
 * so response times do not reveal which emails have accounts.
 *
 * @example
 * const valid = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
 */
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(32).toString('base64'));
  return dummyHash;
}

function parseStored(stored: string): { options: ScryptOptions; salt: Buffer; hash: Buffer } | undefined {
  const [scheme, n, r, p, salt, hash, ...rest] = stored.split('$');
  if (scheme !== 'scrypt' || rest.length > 0 || salt === undefined || hash === undefined) return undefined;
  const [N, blockSize, parallelism] = [Number(n), Number(r), Number(p)];
  // Bounds keep a corrupted row from asking for gigabytes of memory.
  const powerOfTwo = Number.isInteger(N) && N > 1 && N <= MAX_COST && (N & (N - 1)) === 0;
  if (!powerOfTwo || !isIntegerIn(blockSize, 1, 32) || !isIntegerIn(parallelism, 1, 16)) return undefined;
  const saltBytes = Buffer.from(salt, 'base64');
  const hashBytes = Buffer.from(hash, 'base64');
  if (saltBytes.length === 0 || hashBytes.length < 16) return undefined;
  return { options: { N, r: blockSize, p: parallelism }, salt: saltBytes, hash: hashBytes };
}

function isIntegerIn(value: number, min: number, max: number): boolean {
  return Number.isInteger(value) && value >= min && value <= max;
}

function derive(password: string, salt: Buffer, length: number, options: ScryptOptions): Promise<Buffer> {
  // Not util.promisify: its typings lose the overload that takes options.
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, length, { ...options, maxmem: MAX_MEMORY }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}
