import * as v from 'valibot';

/** `limit` and `cursor` query parameters shared by every list route. */
export const pageQuery = {
  limit: v.optional(
    v.pipe(v.string(), v.regex(/^\d+$/, 'limit must be a whole number'), v.transform(Number), v.minValue(1, 'limit must be at least 1'), v.maxValue(200, 'limit must be at most 200')),
  ),
  cursor: v.optional(v.pipe(v.string(), v.maxLength(512))),
};

export const isoTime = (name: string) =>
  v.pipe(
    v.string(),
    v.check((text) => !Number.isNaN(Date.parse(text)), `${name} must be an ISO 8601 time`),
    v.transform((text) => new Date(text).toISOString()),
  );
