import { ui } from '@hub/plugin-sdk';
import * as v from 'valibot';

/** Headers the hub owns on every request; a webhook's static headers may not replace them. */
const RESERVED_NAMES = ['content-type', 'content-length', 'host', 'connection', 'transfer-encoding', 'authorization'];
const RESERVED_PREFIXES = ['x-webhook-', 'webhook-'];

/**
 * JSON Schema has no regex flags, so case-insensitivity is spelled out: `ab` -> `[aA][bB]`.
 * The pattern is an RFC 9110 token that is neither reserved nor under a reserved prefix.
 */
const anyCase = (text: string) => text.replace(/[a-z]/g, (c) => `[${c}${c.toUpperCase()}]`);
const HEADER_NAME = new RegExp(
  `^(?!(?:${RESERVED_PREFIXES.map(anyCase).join('|')}))(?!(?:${RESERVED_NAMES.map(anyCase).join('|')})$)[!#$%&'*+.^_\`|~0-9A-Za-z-]+$`,
);
/** RFC 9110 field-value characters: HTAB, SP, visible ASCII and obs-text; no CR/LF injection. */
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

/** Whether the hub sets this header itself (checked again at delivery, whatever was stored). */
export function isReservedHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return RESERVED_NAMES.includes(lower) || RESERVED_PREFIXES.some((prefix) => lower.startsWith(prefix));
}

export const settingsSchema = v.object({
  headers: v.optional(
    v.pipe(
      v.record(
        v.pipe(
          v.string(),
          v.regex(HEADER_NAME, 'Header names must be HTTP tokens and cannot be Content-Type, Host, Authorization (a secret), X-Webhook-* or webhook-*'),
        ),
        v.pipe(v.string(), v.maxLength(1024), v.regex(HEADER_VALUE, 'Header values must be printable text without line breaks')),
      ),
      v.maxEntries(20),
      ui({
        label: 'Extra headers',
        help: 'Static headers added to every request. Content-Type, X-Webhook-* and webhook-* are set by the hub.',
        placeholder: '{"X-Team": "platform"}',
      }),
    ),
  ),
});

/** Write-only values: stored encrypted, never returned by the API, redacted from attempt logs. */
export const secretsSchema = v.object({
  authorization: v.optional(
    v.pipe(
      v.string(),
      v.maxLength(4096),
      v.regex(HEADER_VALUE, 'The Authorization value must be printable text without line breaks'),
      ui({
        widget: 'password',
        label: 'Authorization header',
        help: 'Sent as "Authorization" on every request, e.g. "Bearer <token>". Write-only: the API never shows it again.',
        secret: true,
      }),
    ),
  ),
});
