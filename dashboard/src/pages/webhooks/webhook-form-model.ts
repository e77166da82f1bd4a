import * as v from 'valibot';
import type { FieldIssue, Plugin, Webhook, WebhookInput, WebhookPatch } from '../../api/types.ts';
import { fieldsSchema, initialValues, toPayload, type FieldValues, type SecretStatus } from '../../schema-form/field-values.ts';
import { describeSchema, type DescribedSchema } from '../../schema-form/json-schema.ts';
import { formatRetrySchedule, parseRetrySchedule } from './retry-schedule.ts';

/** What the create/edit form holds; plugin fields live under `settings` and `secrets`. */
export interface WebhookFormValues {
  name: string;
  communityId: string;
  connector: string;
  url: string;
  events: string[];
  /** Optional `whsec_...` on create; empty = the server generates one. */
  secret: string;
  settings: FieldValues;
  secrets: FieldValues;
  /** Delays before each attempt, e.g. `0, 1m, 5m, 15m`; empty = the hub default. */
  retrySchedule: string;
}

export interface ConnectorForm {
  readonly settings: DescribedSchema;
  readonly secrets: DescribedSchema;
}

/** The plugin's settings and secrets as fields; a settings field listed in `secretFields` is write-only. */
export function describeConnector(plugin: Plugin | undefined): ConnectorForm {
  if (!plugin) return { settings: { fields: [], unsupported: [] }, secrets: { fields: [], unsupported: [] } };
  const secretNames = new Set(plugin.secretFields);
  const settings = describeSchema(plugin.settingsSchema);
  return {
    settings: { ...settings, fields: settings.fields.map((field) => (secretNames.has(field.name) ? { ...field, secret: true } : field)) },
    secrets: describeSchema(plugin.secretsSchema, { allSecret: true }),
  };
}

function parseUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

/**
 * A non-blocking note for the URL field: the server accepts only https, except for targets an
 * operator allowed with HUB_ALLOW_PRIVATE_TARGETS (local receivers), so plain http is a warning.
 */
export function urlWarning(url: string): string | undefined {
  const parsed = parseUrl(url.trim());
  if (parsed?.protocol === 'http:') {
    return 'Plain http:// is refused unless the server allows this address (HUB_ALLOW_PRIVATE_TARGETS). Prefer https://.';
  }
  return undefined;
}

const signingSecretPattern = /^whsec_[A-Za-z0-9+/]+={0,2}$/;

/** `whsec_` + base64 of 24 to 64 bytes, as the hub generates them. */
export function isSigningSecret(text: string): boolean {
  if (!signingSecretPattern.test(text)) return false;
  try {
    const bytes = atob(text.slice('whsec_'.length)).length;
    return bytes >= 24 && bytes <= 64;
  } catch {
    return false;
  }
}

export interface WebhookSchemaOptions {
  readonly plugin: Plugin | undefined;
  /** Ask for a community (the user can write to several and none is chosen by context). */
  readonly requireCommunity: boolean;
  /** On edit: which write-only fields are already set. */
  readonly secretStatus?: SecretStatus | undefined;
}

/** Client-side rules; the server re-validates everything and its 422 details are shown too. */
export function webhookFormSchema({ plugin, requireCommunity, secretStatus }: WebhookSchemaOptions) {
  const connector = describeConnector(plugin);
  return v.object({
    name: v.pipe(v.string(), v.trim(), v.nonEmpty('Give the webhook a name'), v.maxLength(120, 'Keep the name under 120 characters')),
    communityId: requireCommunity ? v.pipe(v.string(), v.nonEmpty('Choose a community')) : v.string(),
    connector: v.pipe(v.string(), v.nonEmpty('Choose a connector')),
    url: plugin?.requiresUrl
      ? v.pipe(
          v.string(),
          v.trim(),
          v.nonEmpty('Enter the URL to deliver to'),
          v.check((text) => {
            const parsed = parseUrl(text);
            return parsed !== null && (parsed.protocol === 'https:' || parsed.protocol === 'http:') && parsed.hostname !== '';
          }, 'Enter a full URL, e.g. https://example.com/webhooks'),
        )
      : v.string(),
    events: v.pipe(v.array(v.string()), v.minLength(1, 'Select at least one event')),
    secret: v.pipe(
      v.string(),
      v.trim(),
      v.check((text) => text === '' || isSigningSecret(text), 'A signing secret is whsec_ followed by base64 of 24 to 64 bytes'),
    ),
    settings: fieldsSchema(connector.settings.fields, secretStatus),
    secrets: fieldsSchema(connector.secrets.fields, secretStatus),
    retrySchedule: v.pipe(
      v.string(),
      v.rawCheck(({ dataset, addIssue }) => {
        if (!dataset.typed) return;
        const parsed = parseRetrySchedule(dataset.value);
        if (!parsed.ok) addIssue({ message: parsed.message });
      }),
    ),
  });
}

export function emptyFormValues(communityId: string, connector: Plugin | undefined): WebhookFormValues {
  const fields = describeConnector(connector);
  return {
    name: '',
    communityId,
    connector: connector?.id ?? '',
    url: '',
    events: [],
    secret: '',
    settings: initialValues(fields.settings.fields),
    secrets: initialValues(fields.secrets.fields),
    retrySchedule: '',
  };
}

export function formValuesFrom(webhook: Webhook, connector: Plugin | undefined): WebhookFormValues {
  const fields = describeConnector(connector);
  return {
    name: webhook.name,
    communityId: webhook.communityId,
    connector: webhook.connector,
    url: webhook.url ?? '',
    events: [...webhook.events],
    secret: '',
    settings: initialValues(fields.settings.fields, webhook.settings),
    secrets: initialValues(fields.secrets.fields),
    retrySchedule: formatRetrySchedule(webhook.retrySchedule),
  };
}

function pluginPayload(values: WebhookFormValues, plugin: Plugin | undefined) {
  const connector = describeConnector(plugin);
  // Write-only fields start empty, so toPayload sends them only when something was typed.
  const settings = toPayload(connector.settings.fields, values.settings);
  const secrets = toPayload(connector.secrets.fields, values.secrets) as Record<string, string>;
  return { settings, secrets: Object.keys(secrets).length > 0 ? secrets : undefined };
}

/** The schedule in milliseconds; null for the hub default (the form has checked the text). */
function retryScheduleOf(values: WebhookFormValues): number[] | null {
  const parsed = parseRetrySchedule(values.retrySchedule);
  return parsed.ok ? parsed.value : null;
}

/** The POST body. Secrets only when typed; the URL only for connectors that take one; a schedule only when set. */
export function toCreateInput(values: WebhookFormValues, plugin: Plugin | undefined): WebhookInput {
  const { settings, secrets } = pluginPayload(values, plugin);
  const retrySchedule = retryScheduleOf(values);
  return {
    name: values.name.trim(),
    ...(values.communityId ? { communityId: values.communityId } : {}),
    connector: values.connector,
    ...(plugin?.requiresUrl ? { url: values.url.trim() } : {}),
    events: values.events,
    ...(values.secret.trim() ? { secret: values.secret.trim() } : {}),
    settings,
    ...(secrets ? { secrets } : {}),
    ...(retrySchedule ? { retrySchedule } : {}),
    active: true,
  };
}

/**
 * The PATCH body: no signing secret (rotate it instead), secrets only when typed; an empty
 * schedule goes back to the hub default (null), an unchanged one is not sent.
 */
export function toPatch(values: WebhookFormValues, plugin: Plugin | undefined, current?: Pick<Webhook, 'retrySchedule'>): WebhookPatch {
  const { settings, secrets } = pluginPayload(values, plugin);
  const retrySchedule = retryScheduleOf(values);
  // Leave the schedule out when it did not change, so the audit log does not list it.
  const sameSchedule = current !== undefined && JSON.stringify(current.retrySchedule ?? null) === JSON.stringify(retrySchedule);
  return {
    name: values.name.trim(),
    ...(plugin?.requiresUrl ? { url: values.url.trim() } : {}),
    events: values.events,
    settings,
    ...(secrets ? { secrets } : {}),
    ...(sameSchedule ? {} : { retrySchedule }),
  };
}

/**
 * Put each server issue on the form field it names (`events.0` goes to `events`); issues that
 * match no field are returned to show above the form.
 */
export function matchIssuesToFields(
  issues: readonly FieldIssue[],
  fieldNames: readonly string[],
): { matched: { name: string; message: string }[]; unmatched: FieldIssue[] } {
  const matched: { name: string; message: string }[] = [];
  const unmatched: FieldIssue[] = [];
  const names = [...fieldNames].sort((a, b) => b.length - a.length);
  for (const issue of issues) {
    const name = names.find((candidate) => issue.path === candidate || issue.path.startsWith(`${candidate}.`));
    if (name) matched.push({ name, message: issue.message });
    else unmatched.push(issue);
  }
  return { matched, unmatched };
}

/** Every field name the form can show an error on, for `matchIssuesToFields`. */
export function formFieldNames(plugin: Plugin | undefined): string[] {
  const connector = describeConnector(plugin);
  return [
    'name',
    'communityId',
    'connector',
    'url',
    'events',
    'secret',
    'retrySchedule',
    ...connector.settings.fields.map((field) => `settings.${field.name}`),
    ...connector.secrets.fields.map((field) => `secrets.${field.name}`),
  ];
}
