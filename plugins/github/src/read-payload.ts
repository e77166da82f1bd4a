import type { RawRequest } from '@hub/plugin-sdk';

/**
 * The JSON payload of a GitHub delivery. GitHub sends either `application/json` or
 * `application/x-www-form-urlencoded` with the JSON in a `payload` field. Throws (-> 400) on
 * anything that is not a JSON object.
 */
export function readPayload(request: RawRequest): Record<string, unknown> {
  const text = Buffer.from(request.body).toString('utf8');
  const contentType = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  let json = text;
  if (contentType === 'application/x-www-form-urlencoded') {
    const payload = new URLSearchParams(text).get('payload');
    if (payload === null) throw new Error('form-encoded GitHub delivery has no payload field');
    json = payload;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new Error('GitHub delivery body is not valid JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error('GitHub delivery payload is not a JSON object');
  }
  return parsed as Record<string, unknown>;
}
