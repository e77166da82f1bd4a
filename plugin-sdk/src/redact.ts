/** What replaces a secret value in text that leaves a plugin. */
export const REDACTED = '[redacted]';

/**
 * Every non-empty string inside a (decrypted) secrets object, nested values included: the
 * values that must never reach a log line, an outcome reason or an error message.
 *
 * @example
 * secretStrings({ webhookUrl: 'https://discord.com/api/webhooks/1/abc' }); // ['https://discord.com/api/webhooks/1/abc']
 */
export function secretStrings(secrets: unknown): string[] {
  const found: string[] = [];
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      if (value !== '') found.push(value);
    } else if (Array.isArray(value)) {
      value.forEach(visit);
    } else if (typeof value === 'object' && value !== null) {
      Object.values(value).forEach(visit);
    }
  };
  visit(secrets);
  return found;
}

/**
 * Replace every occurrence of the given secret values in `text` with `[redacted]`, longest
 * first, so a URL that contains a token is removed whole. Use it on anything built from an
 * error message or a response before it becomes an outcome reason or a log field.
 *
 * @example
 * return retryable(redactSecrets(outcome.reason, [ctx.secrets.webhookUrl]));
 */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let result = text;
  const ordered = [...secrets].filter((secret) => secret !== '').sort((a, b) => b.length - a.length);
  for (const secret of ordered) result = result.split(secret).join(REDACTED);
  return result;
}
