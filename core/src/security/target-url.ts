import { isIP } from 'node:net';
import type { AddressPolicy } from './address-policy.ts';
import { parseCidrList } from './cidr-list.ts';
import { resolveWithSystemDns, type ResolveHost } from './resolve-host.ts';

export type TargetUrlErrorCode = 'invalid_url' | 'scheme_not_allowed' | 'credentials_in_url' | 'blocked_address';

export type TargetUrlCheck = { ok: true; url: URL } | { ok: false; code: TargetUrlErrorCode; reason: string };

export interface TargetUrlOptions {
  readonly policy: AddressPolicy;
  /** The same ranges the policy exempts; they also permit plain `http:`. */
  readonly allowCidrs: readonly string[];
  /** @defaultValue the system resolver (`dns.promises.lookup`, all addresses) */
  readonly resolve?: ResolveHost;
}

const MAX_URL_LENGTH = 2048;

/**
 * The on-save check of a webhook target (DESIGN §8). `https:` only, except `http:` to addresses
 * inside `allowCidrs`; no credentials; literal addresses in any spelling (WHATWG URL turns
 * `2130706433`, `0177.0.0.1`, `0x7f000001` and `127.1` into `127.0.0.1`) and names that resolve
 * into a blocked range are refused. A name that does not resolve yet is accepted: the
 * connect-time check in the guarded client is the authority, this check only gives early feedback.
 *
 * @example
 * const result = await validateTargetUrl(body.url, { policy, allowCidrs });
 * if (!result.ok) throw new ValidationError(result.reason, { field: 'url', code: result.code });
 */
export async function validateTargetUrl(raw: string, options: TargetUrlOptions): Promise<TargetUrlCheck> {
  const text = raw.trim();
  if (text.length > MAX_URL_LENGTH) return refuse('invalid_url', `the URL is longer than ${MAX_URL_LENGTH} characters`);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return refuse('invalid_url', 'not a valid absolute URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return refuse('scheme_not_allowed', `${url.protocol} URLs are not allowed; use https:`);
  }
  // Checked before any lookup; the reason never repeats the credentials themselves.
  if (url.username !== '' || url.password !== '') {
    return refuse('credentials_in_url', 'the URL must not contain a user name or password; send credentials in a header');
  }
  const host = bareHostname(url.hostname);
  if (host === '') return refuse('invalid_url', 'the URL has no host');

  let addresses: string[];
  if (isIP(host) !== 0) {
    const verdict = options.policy.check(host);
    if (!verdict.allowed) return refuse('blocked_address', verdict.reason);
    addresses = [host];
  } else {
    if (isLocalName(host)) return refuse('blocked_address', `${host} is a local host name`);
    addresses = await resolveOrNothing(host, options.resolve ?? resolveWithSystemDns);
    for (const address of addresses) {
      const verdict = options.policy.check(address);
      if (!verdict.allowed) return refuse('blocked_address', `${host} resolves to a blocked address: ${verdict.reason}`);
    }
  }

  if (url.protocol === 'http:') {
    // Plain http is for local receivers only: every address must be explicitly allowed, and an
    // unresolvable name cannot prove that.
    const allowList = parseCidrList(options.allowCidrs);
    if (addresses.length === 0 || !addresses.every((address) => allowList.contains(address))) {
      return refuse('scheme_not_allowed', 'plain http: is only allowed to addresses in HUB_ALLOW_PRIVATE_TARGETS; use https:');
    }
  }
  return { ok: true, url };
}

function refuse(code: TargetUrlErrorCode, reason: string): TargetUrlCheck {
  return { ok: false, code, reason };
}

/** WHATWG URL keeps IPv6 hosts in brackets; a trailing root dot names the same host. */
function bareHostname(hostname: string): string {
  const unbracketed = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  return unbracketed.endsWith('.') ? unbracketed.slice(0, -1) : unbracketed;
}

/** RFC 6761: `localhost` and every name under it are the local machine, whatever DNS says. */
function isLocalName(host: string): boolean {
  return host === 'localhost' || host.endsWith('.localhost');
}

async function resolveOrNothing(host: string, resolve: ResolveHost): Promise<string[]> {
  try {
    return await resolve(host);
  } catch {
    // ENOTFOUND, or a resolver that is down right now: neither is the user's fault, and the
    // connect-time check refuses the name later if it then points somewhere blocked.
    return [];
  }
}
