import { createHmac } from 'node:crypto';
import type { RawRequest } from '../define-source.ts';

export interface SignGithubRequestOptions {
  /** The webhook secret configured on GitHub. */
  readonly secret: string;
  /** The payload: raw text or bytes as sent, or an object to serialise as JSON. */
  readonly body: string | Uint8Array | Record<string, unknown>;
  /** The `X-GitHub-Event` name: `push`, `pull_request`, `ping`... */
  readonly event: string;
  /** @defaultValue '72d3162e-cc78-11e3-81ab-4c9367dc0958' */
  readonly deliveryId?: string;
  /** How GitHub encodes the body. `form` sends `payload=<json>`. @defaultValue 'json' */
  readonly contentType?: 'json' | 'form';
  /** Extra or replacement headers (lower-case names). */
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * The `X-Hub-Signature-256` value GitHub sends for these bytes.
 *
 * @example
 * githubSignature256("It's a Secret to Everybody", 'Hello, World!');
 * // 'sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17'
 */
export function githubSignature256(secret: string, body: string | Uint8Array): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/**
 * An inbound request exactly as GitHub would send it, signed with `secret`.
 *
 * @example
 * const request = signGithubRequest({ secret: 's3cret', event: 'push', body: pushPayload });
 * expect(github.ingress.verify(ctx, request)).toEqual({ ok: true });
 */
export function signGithubRequest(options: SignGithubRequestOptions): RawRequest {
  const json =
    typeof options.body === 'string' || options.body instanceof Uint8Array ? options.body : JSON.stringify(options.body);
  const form = options.contentType === 'form';
  const text = typeof json === 'string' ? json : Buffer.from(json).toString('utf8');
  const bytes = form ? Buffer.from(new URLSearchParams({ payload: text }).toString()) : Buffer.from(json);
  return {
    method: 'POST',
    headers: {
      'content-type': form ? 'application/x-www-form-urlencoded' : 'application/json',
      'user-agent': 'GitHub-Hookshot/044aadd',
      'x-github-event': options.event,
      'x-github-delivery': options.deliveryId ?? '72d3162e-cc78-11e3-81ab-4c9367dc0958',
      'x-github-hook-id': '292430182',
      'x-hub-signature-256': githubSignature256(options.secret, bytes),
      ...options.headers,
    },
    body: new Uint8Array(bytes),
    query: {},
  };
}
