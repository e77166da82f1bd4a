import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { StartupError } from '../errors.ts';

const VERSION = 'v1';
const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const BASE64URL = /^[A-Za-z0-9_-]*$/;

/** Encrypts secrets at rest (webhook signing secrets, plugin secret fields). */
export interface SecretBox {
  /** `v1.<iv>.<tag>.<ciphertext>`, each base64url; a fresh random IV every time. */
  seal(plaintext: string): string;
  /** Throws `SecretBoxError` when the value is malformed, tampered with or sealed with another key. */
  open(sealed: string): string;
}

/** Decryption failed. The message never contains the sealed value or the plaintext. */
export class SecretBoxError extends Error {
  override readonly name = 'SecretBoxError';
}

/**
 * AES-256-GCM with a 32-byte key (`HUB_SECRET_KEY`, see `loadSecretKey`). The version prefix
 * leaves room to change algorithm or key later without guessing what old rows hold.
 *
 * @example
 * const box = createSecretBox(loadSecretKey({ env: process.env.HUB_SECRET_KEY, dataDir, log }));
 * const stored = box.seal(secret);
 */
export function createSecretBox(key: Buffer): SecretBox {
  if (key.length !== 32) throw new Error(`the secret key must be 32 bytes, got ${key.length}`);
  const secretKey = Buffer.from(key);

  return {
    seal(plaintext: string): string {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv(ALGORITHM, secretKey, iv, { authTagLength: TAG_BYTES });
      const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return [VERSION, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ciphertext.toString('base64url')].join('.');
    },

    open(sealed: string): string {
      const parts = sealed.split('.');
      if (parts.length !== 4 || parts[0] !== VERSION) {
        throw new SecretBoxError('not a sealed secret in a known format (expected v1.<iv>.<tag>.<ciphertext>)');
      }
      const [iv, tag, ciphertext] = parts.slice(1).map(decode);
      if (iv?.length !== IV_BYTES || tag?.length !== TAG_BYTES || ciphertext === undefined) {
        throw new SecretBoxError('the sealed secret is malformed');
      }
      try {
        const decipher = createDecipheriv(ALGORITHM, secretKey, iv, { authTagLength: TAG_BYTES });
        decipher.setAuthTag(tag);
        return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
      } catch {
        // The cause is dropped on purpose: nothing of the input should reach a log.
        throw new SecretBoxError('could not decrypt the secret: it was sealed with another key or has been altered');
      }
    },
  };
}

export interface LoadSecretKeyOptions {
  /** The value of `HUB_SECRET_KEY`, or undefined when unset. */
  readonly env: string | undefined;
  /** Where the development key file lives when `HUB_SECRET_KEY` is unset. */
  readonly dataDir: string;
  /** Receives the development-key warnings; never the key. */
  readonly log: (message: string) => void;
}

const EXPECTED_FORM = '64 hex characters or the base64 of 32 bytes (generate one with `openssl rand -hex 32`)';

/**
 * The 32-byte key of the secret box. `HUB_SECRET_KEY` wins (64 hex characters or base64 of 32
 * bytes); without it a development key is read from, or created in, `<dataDir>/secret.key`
 * (mode 0600) with a warning, because losing that file makes every stored secret unreadable.
 * Synchronous: it runs once at start, before anything else can use the key. Errors name the
 * variable or file and the expected form, never the value.
 */
export function loadSecretKey(options: LoadSecretKeyOptions): Buffer {
  if (options.env !== undefined && options.env.trim() !== '') {
    const key = decodeKey(options.env);
    if (key === undefined) throw new StartupError(`HUB_SECRET_KEY must be ${EXPECTED_FORM}`);
    return key;
  }
  const path = join(options.dataDir, 'secret.key');
  const existing = readKeyFile(path, options.log);
  if (existing !== undefined) {
    options.log(`HUB_SECRET_KEY is not set; using the development key in ${path}. Set HUB_SECRET_KEY in production.`);
    return existing;
  }
  mkdirSync(options.dataDir, { recursive: true });
  const key = randomBytes(32);
  try {
    // 'wx': if another process created the file meanwhile, use theirs rather than overwrite it.
    writeFileSync(path, `${key.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    const theirs = (error as { code?: unknown }).code === 'EEXIST' ? readKeyFile(path, options.log) : undefined;
    if (theirs === undefined) throw new StartupError(`cannot create ${path}: ${(error as Error).message}`, { cause: error });
    return theirs;
  }
  options.log(
    `HUB_SECRET_KEY is not set; generated a development key in ${path}. ` +
      'Set HUB_SECRET_KEY in production: without this file, stored secrets cannot be decrypted.',
  );
  return key;
}

function readKeyFile(path: string, log: (message: string) => void): Buffer | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return undefined;
    throw new StartupError(`cannot read ${path}: ${(error as Error).message}`, { cause: error });
  }
  const key = decodeKey(text);
  if (key === undefined) throw new StartupError(`${path} must hold ${EXPECTED_FORM}; delete it only if no secrets were stored with it`);
  // A warning, not a refusal: some volumes (Windows, a few Docker setups) cannot express 0600.
  if ((statSync(path).mode & 0o077) !== 0) log(`${path} is readable by other users; run chmod 600 on it`);
  return key;
}

function decodeKey(raw: string): Buffer | undefined {
  const value = raw.trim();
  if (/^[0-9a-fA-F]{64}$/.test(value)) return Buffer.from(value, 'hex');
  if (/^[A-Za-z0-9+/]{43}=?$/.test(value)) return Buffer.from(value, 'base64');
  return undefined;
}

function decode(part: string): Buffer | undefined {
  return BASE64URL.test(part) ? Buffer.from(part, 'base64url') : undefined;
}
