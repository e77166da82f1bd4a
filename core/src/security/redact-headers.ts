const REDACTED = '[redacted]';

// Signatures are as good as the secret for a replay within the tolerance window; the rest carry
// credentials outright.
const SENSITIVE = /signature|authorization|cookie|secret|token|api-?key|password/i;

/**
 * A copy of `headers` safe to store in the attempt log or to log: values of signature,
 * authorization, cookie and similar headers become `[redacted]`; names are kept as they were.
 *
 * @example
 * attempt.requestHeaders = redactHeaders(sentHeaders);
 */
export function redactHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, SENSITIVE.test(name) ? REDACTED : value]));
}
