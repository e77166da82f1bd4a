import * as v from 'valibot';
import { parseDuration } from '../config/duration.ts';

const MAX_DELAY_MS = 7 * 24 * 3_600_000;

const delay = v.pipe(
  v.union([v.pipe(v.number(), v.integer()), v.string()], 'each delay must be milliseconds or a duration such as 30s, 5m, 1h'),
  v.transform((value) => (typeof value === 'number' ? value : parseDuration(value))),
  v.check((value): value is number => value !== null && value >= 0 && value <= MAX_DELAY_MS, 'each delay must be a duration between 0 and 7 days, such as 0, 30s, 5m or 1h'),
  v.transform((value) => value as number),
);

const fields = {
  name: v.pipe(v.string('name must be a string'), v.trim(), v.minLength(1, 'name is required'), v.maxLength(120, 'name must be at most 120 characters')),
  communityId: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
  connector: v.pipe(v.string(), v.regex(/^[a-z][a-z0-9-]{1,48}$/, 'connector must be a plugin id such as generic-http or discord')),
  url: v.nullable(v.pipe(v.string('url must be a string'), v.maxLength(2048, 'url must be at most 2048 characters'))),
  events: v.pipe(
    v.array(v.pipe(v.string(), v.minLength(1), v.maxLength(200)), 'events must be an array of event types'),
    v.minLength(1, 'select at least one event type (or "*")'),
    v.maxLength(100, 'at most 100 event filters'),
  ),
  secret: v.pipe(v.string('secret must be a string'), v.maxLength(200, 'secret is too long')),
  settings: v.record(v.string(), v.unknown(), 'settings must be an object'),
  secrets: v.record(v.string(), v.unknown(), 'secrets must be an object'),
  active: v.boolean('active must be true or false'),
  retrySchedule: v.nullable(v.pipe(v.array(delay), v.minLength(1, 'retrySchedule needs at least one attempt'), v.maxLength(20, 'retrySchedule allows at most 20 attempts'))),
};

export const createWebhookBody = v.strictObject({
  name: fields.name,
  communityId: v.optional(fields.communityId),
  connector: v.optional(fields.connector, 'generic-http'),
  url: v.optional(fields.url),
  events: fields.events,
  secret: v.optional(fields.secret),
  settings: v.optional(fields.settings, {}),
  secrets: v.optional(fields.secrets, {}),
  active: v.optional(fields.active, true),
  retrySchedule: v.optional(fields.retrySchedule),
});

export const updateWebhookBody = v.strictObject({
  name: v.optional(fields.name),
  connector: v.optional(fields.connector),
  url: v.optional(fields.url),
  events: v.optional(fields.events),
  settings: v.optional(fields.settings),
  /** Only the fields given change; `null` clears one. */
  secrets: v.optional(fields.secrets),
  active: v.optional(fields.active),
  retrySchedule: v.optional(fields.retrySchedule),
});

export type CreateWebhookInput = v.InferOutput<typeof createWebhookBody>;
export type UpdateWebhookInput = v.InferOutput<typeof updateWebhookBody>;
