import { createHash, randomBytes } from 'node:crypto';

const API_KEY_PREFIX = 'hub_';
const DISPLAY_PREFIX_LENGTH = 12;

export interface GeneratedApiKey {
  /** Shown once, in the response that created it; never stored. */
  readonly key: string;
  /** The first 12 characters, stored and shown so users can tell keys apart. */
  readonly prefix: string;
  /** What is stored and looked up: SHA-256 hex of the key. */
  readonly hash: string;
}

/**
 * A new API key: `hub_` and 32 random bytes in base64url. The `hub_` prefix makes leaked keys
 * easy to spot (secret scanners, logs). A plain SHA-256 suffices for storage because the key
 * has 256 bits of entropy; slow hashes are for guessable passwords.
 *
 * @example
 * const { key, prefix, hash } = generateApiKey();
 * await store.apiKeys.insert({ prefix, hash, communityId, scopes });
 * return { key }; // the only time it is shown
 */
export function generateApiKey(): GeneratedApiKey {
  const key = API_KEY_PREFIX + randomBytes(32).toString('base64url');
  return { key, prefix: key.slice(0, DISPLAY_PREFIX_LENGTH), hash: hashApiKey(key) };
}

/** The stored form of an API key, for looking up the key a request presents. */
export function hashApiKey(key: string): string {
  return sha256Hex(key);
}

/** The stored form of a session token, so a leaked sessions table cannot be replayed. */
export function hashToken(token: string): string {
  return sha256Hex(token);
}

function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}
