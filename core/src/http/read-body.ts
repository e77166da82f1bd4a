import type { Context } from 'hono';
import * as v from 'valibot';
import { HubError, ValidationError } from '../errors.ts';
import { issueDetails } from '../validation/issue-details.ts';

/** Parse a JSON body with a (strict) valibot schema: 415, 400 or 422 with details, never a 500. */
export async function readJson<TSchema extends v.GenericSchema>(c: Context, schema: TSchema): Promise<v.InferOutput<TSchema>> {
  const contentType = c.req.header('content-type') ?? '';
  if (!/^application\/(.+\+)?json\b/i.test(contentType)) {
    throw new HubError('unsupported_media_type', 415, 'send the body as JSON with Content-Type: application/json');
  }
  let json: unknown;
  try {
    const text = await c.req.text();
    json = text.trim() === '' ? undefined : JSON.parse(text);
  } catch (error) {
    if (error instanceof SyntaxError) throw new ValidationError(`malformed JSON: ${error.message}`, null, 400);
    throw error;
  }
  if (json === undefined) throw new ValidationError('a JSON body is required', null, 400);
  return parseWith(schema, json);
}

export function parseWith<TSchema extends v.GenericSchema>(schema: TSchema, value: unknown, prefix = ''): v.InferOutput<TSchema> {
  const result = v.safeParse(schema, value);
  if (!result.success) {
    const details = issueDetails(result.issues, prefix);
    const first = details[0];
    throw new ValidationError(first ? `${first.path || 'body'}: ${first.message}` : 'invalid body', details);
  }
  return result.output;
}

/** Parse query parameters with a valibot schema (all values are strings). */
export function readQuery<TSchema extends v.GenericSchema>(c: Context, schema: TSchema): v.InferOutput<TSchema> {
  return parseWith(schema, c.req.query(), 'query.');
}
