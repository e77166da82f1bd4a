import { valibotResolver } from '@hookform/resolvers/valibot';
import { useMemo, useState, type ReactNode } from 'react';
import { Controller, FormProvider, useForm, type Resolver } from 'react-hook-form';
import { isApiError } from '../../api/client.ts';
import type { Community, EventType, FieldIssue, Plugin, Webhook } from '../../api/types.ts';
import { Button } from '../../components/button.tsx';
import { CommunityOptions } from '../../components/community-options.tsx';
import { ConnectorIcon } from '../../components/connector-icon.tsx';
import { Field, Select, TextInput } from '../../components/form-controls.tsx';
import { ChevronRightIcon, LockIcon } from '../../components/icons.tsx';
import { Card, Section } from '../../components/layout-parts.tsx';
import { ServerErrorBanner } from '../../components/server-error-banner.tsx';
import { initialValues } from '../../schema-form/field-values.ts';
import { SchemaFields } from '../../schema-form/schema-fields.tsx';
import { EventSelector } from './event-selector.tsx';
import { describeRetrySchedule } from './retry-schedule.ts';
import {
  describeConnector,
  emptyFormValues,
  formFieldNames,
  formValuesFrom,
  matchIssuesToFields,
  urlWarning,
  webhookFormSchema,
  type WebhookFormValues,
} from './webhook-form-model.ts';

export interface WebhookFormProps {
  /** Sink plugins to choose from. */
  readonly sinks: readonly Plugin[];
  readonly eventTypes: readonly EventType[];
  /** Communities the user may create in; a picker is shown when there are several. */
  readonly communities: readonly Community[];
  readonly defaultCommunityId?: string;
  /** Present when editing. */
  readonly webhook?: Webhook;
  /** Save; reject with an ApiError to have its 422 details shown next to the fields. */
  readonly onSubmit: (values: WebhookFormValues, plugin: Plugin | undefined) => Promise<void>;
  readonly onCancel: () => void;
  /** On edit: the signing secrets panel (rotation lives with the page). */
  readonly signingPanel?: ReactNode;
}

/** Create or edit a webhook: connector, destination, events, plugin settings and secrets. */
export function WebhookForm({ sinks, eventTypes, communities, defaultCommunityId, webhook, onSubmit, onCancel, signingPanel }: WebhookFormProps) {
  const editing = webhook !== undefined;
  const pluginById = useMemo(() => new Map(sinks.map((plugin) => [plugin.id, plugin])), [sinks]);
  const firstSink = sinks.find((plugin) => plugin.id === 'generic-http') ?? sinks[0];
  const requireCommunity = !editing && communities.length > 1;
  const secretStatus = webhook?.pluginSecrets;

  const resolver = useMemo<Resolver<WebhookFormValues>>(
    () => (values, context, options) =>
      valibotResolver(webhookFormSchema({ plugin: pluginById.get(values.connector), requireCommunity, secretStatus }))(values, context, options),
    [pluginById, requireCommunity, secretStatus],
  );

  const form = useForm<WebhookFormValues>({
    resolver,
    defaultValues: webhook
      ? formValuesFrom(webhook, pluginById.get(webhook.connector))
      : emptyFormValues(defaultCommunityId ?? (communities.length === 1 ? (communities[0]?.id ?? '') : ''), firstSink),
  });
  const { register, control, handleSubmit, watch, setValue, setError, formState } = form;
  const [serverError, setServerError] = useState<unknown>(null);
  const [unmatched, setUnmatched] = useState<FieldIssue[]>([]);
  const [advancedOpen, setAdvancedOpen] = useState(false);

  const connectorId = watch('connector');
  const plugin = pluginById.get(connectorId);
  const connector = describeConnector(plugin);
  const warning = plugin?.requiresUrl ? urlWarning(watch('url')) : undefined;
  const { errors } = formState;
  // A problem in a collapsed field must be visible.
  const showAdvanced = advancedOpen || errors.retrySchedule !== undefined;
  const retrySchedule = watch('retrySchedule');

  const chooseConnector = (id: string) => {
    const next = describeConnector(pluginById.get(id));
    setValue('connector', id, { shouldDirty: true });
    setValue('settings', initialValues(next.settings.fields));
    setValue('secrets', initialValues(next.secrets.fields));
  };

  const submit = handleSubmit(async (values) => {
    setServerError(null);
    setUnmatched([]);
    try {
      await onSubmit(values, plugin);
    } catch (error) {
      setServerError(error);
      if (isApiError(error)) {
        const { matched, unmatched: rest } = matchIssuesToFields(error.fieldIssues, formFieldNames(plugin));
        for (const issue of matched) setError(issue.name as keyof WebhookFormValues, { type: 'server', message: issue.message });
        setUnmatched(rest);
      }
      window.scrollTo?.({ top: 0, behavior: 'smooth' });
    }
  });

  const templateSuggestions = (plugin?.templates ?? []).map((template) => ({
    key: template.eventType,
    description: template.description,
    placeholder: template.source,
  }));

  return (
    <FormProvider {...form}>
      <form onSubmit={(event) => void submit(event)} noValidate aria-label={editing ? 'Edit webhook' : 'Create webhook'}>
        {serverError !== null && <ServerErrorBanner className="mb-6" error={serverError} title={editing ? 'Could not save the webhook' : 'Could not create the webhook'} unmatched={unmatched} />}

        <Card className="px-6 py-8 sm:px-8">
          <Section title="General" description="A name you will recognise in lists and delivery logs.">
            <Field id="webhook-name" label="Name" error={errors.name?.message} required>
              <TextInput id="webhook-name" placeholder="e.g. Billing service" invalid={!!errors.name} {...register('name')} />
            </Field>
            {requireCommunity && (
              <Field id="webhook-community" label="Community" error={errors.communityId?.message} required help="Only events of this community are delivered.">
                <Select id="webhook-community" invalid={!!errors.communityId} {...register('communityId')}>
                  <option value="">Choose a community…</option>
                  <CommunityOptions communities={communities} />
                </Select>
              </Field>
            )}
          </Section>

          <Section title="Destination" description="Where events go. Connectors are plugins; each brings its own settings.">
            <div>
              <span className="mb-1.5 block text-sm font-medium text-slate-800">Connector</span>
              <div role="radiogroup" aria-label="Connector" className="grid grid-cols-1 gap-3 sm:grid-cols-2">
                {(editing ? sinks.filter((sink) => sink.id === connectorId) : sinks).map((sink) => {
                  const selected = sink.id === connectorId;
                  return (
                    <button
                      key={sink.id}
                      type="button"
                      role="radio"
                      aria-checked={selected}
                      disabled={editing}
                      onClick={() => chooseConnector(sink.id)}
                      className={`flex items-start gap-3 rounded-lg p-3 text-left ring-1 transition ${
                        selected ? 'bg-indigo-50/60 ring-2 ring-indigo-600' : 'bg-white ring-slate-200 hover:ring-slate-300'
                      } disabled:cursor-default`}
                    >
                      <ConnectorIcon plugin={sink} connector={sink.id} />
                      <span className="min-w-0">
                        <span className="block text-sm font-medium text-slate-900">{sink.name}</span>
                        <span className="line-clamp-2 block text-xs text-slate-500">{sink.description}</span>
                      </span>
                    </button>
                  );
                })}
              </div>
              {editing && <p className="mt-1.5 text-xs text-slate-500">The connector of an existing webhook cannot be changed.</p>}
              {errors.connector?.message && <p className="mt-1.5 text-sm text-rose-600">{errors.connector.message}</p>}
              {sinks.length === 0 && <p className="text-sm text-amber-700">The server has no sink connectors loaded.</p>}
            </div>
            {plugin?.requiresUrl && (
              <Field
                id="webhook-url"
                label="Endpoint URL"
                error={errors.url?.message}
                warning={warning}
                required
                help="We POST each event here as JSON, signed with the signing secret."
              >
                <TextInput id="webhook-url" type="url" inputMode="url" placeholder="https://example.com/webhooks" invalid={!!errors.url} className="font-mono" {...register('url')} />
              </Field>
            )}
          </Section>

          <Section title="Events" description="Pick event types, or a wildcard to receive a whole family, including types added later.">
            <Controller
              control={control}
              name="events"
              render={({ field }) => <EventSelector eventTypes={eventTypes} value={field.value} onChange={field.onChange} invalid={!!errors.events} />}
            />
            {errors.events?.message && (
              <p role="alert" className="text-sm text-rose-600">
                {errors.events.message}
              </p>
            )}
          </Section>

          {(connector.settings.fields.length > 0 || connector.settings.unsupported.length > 0) && (
            <Section title={`${plugin?.name ?? 'Connector'} settings`} description="Options defined by the connector.">
              <SchemaFields
                fields={connector.settings.fields}
                unsupported={connector.settings.unsupported}
                prefix="settings"
                secretStatus={secretStatus}
                templateSuggestions={templateSuggestions}
              />
            </Section>
          )}

          {connector.secrets.fields.length > 0 && (
            <Section
              title="Connector secrets"
              description={
                <span className="inline-flex items-start gap-1.5">
                  <LockIcon className="mt-0.5 size-3.5 shrink-0" />
                  Write-only: stored encrypted and never shown again.{editing ? ' Leave a field empty to keep its value.' : ''}
                </span>
              }
            >
              <SchemaFields fields={connector.secrets.fields} prefix="secrets" secretStatus={editing ? secretStatus : undefined} />
            </Section>
          )}

          {!plugin?.requiresUrl ? null : editing ? (
            signingPanel && (
              <Section title="Signing secret" description="Receivers verify X-Webhook-Signature with it. Rotate it to get a new one; the old one keeps signing for a while.">
                {signingPanel}
              </Section>
            )
          ) : (
            <Section title="Signing secret" description="Every delivery is signed (X-Webhook-Signature, HMAC-SHA256) so receivers can check it came from this hub.">
              <Field
                id="webhook-secret"
                label="Secret"
                error={errors.secret?.message}
                help="Optional. Leave empty to generate one; it is shown once after you create the webhook."
              >
                <TextInput id="webhook-secret" autoComplete="off" placeholder="whsec_… (leave empty to generate)" invalid={!!errors.secret} className="font-mono" {...register('secret')} />
              </Field>
            </Section>
          )}

          <section className="grid grid-cols-1 gap-x-8 gap-y-4 py-8 first:pt-0 md:grid-cols-3">
            <div>
              <button
                type="button"
                onClick={() => setAdvancedOpen((open) => !open)}
                aria-expanded={showAdvanced}
                aria-controls="webhook-advanced"
                className="-ml-1 flex items-center gap-1 rounded text-sm font-semibold text-slate-900 hover:text-indigo-600"
              >
                <ChevronRightIcon className={`size-4 text-slate-400 transition ${showAdvanced ? 'rotate-90' : ''}`} />
                Advanced
              </button>
              <p className="mt-1 text-sm text-slate-500">
                Retry schedule: <span className="text-slate-700">{describeRetrySchedule(retrySchedule)}</span>
              </p>
            </div>
            {showAdvanced && (
              <div id="webhook-advanced" className="space-y-5 md:col-span-2">
                <Field
                  id="webhook-retry-schedule"
                  label="Retry schedule"
                  error={errors.retrySchedule?.message}
                  aside={
                    retrySchedule.trim() !== '' && (
                      <button
                        type="button"
                        className="text-xs font-medium text-indigo-600 hover:text-indigo-500"
                        onClick={() => setValue('retrySchedule', '', { shouldDirty: true, shouldValidate: true })}
                      >
                        Use hub default
                      </button>
                    )
                  }
                  help={
                    <>
                      The delay before each attempt, comma-separated: <code className="font-mono text-xs">0, 1m, 5m, 15m</code> tries at once, then 1, 5 and
                      15 minutes after each failure. Units ms, s, m, h (a bare number is milliseconds); up to 20 attempts of at most 7 days. Empty = the hub
                      default.
                    </>
                  }
                >
                  <TextInput
                    id="webhook-retry-schedule"
                    autoComplete="off"
                    spellCheck={false}
                    placeholder="Hub default, e.g. 0, 1m, 5m, 15m"
                    invalid={!!errors.retrySchedule}
                    className="font-mono"
                    {...register('retrySchedule')}
                  />
                </Field>
              </div>
            )}
          </section>
        </Card>

        <div className="sticky bottom-0 z-10 -mx-8 mt-6 flex justify-end gap-3 border-t border-slate-200 bg-slate-50/90 px-8 py-4 backdrop-blur">
          <Button onClick={onCancel}>Cancel</Button>
          <Button type="submit" variant="primary" busy={formState.isSubmitting}>
            {editing ? 'Save changes' : 'Create webhook'}
          </Button>
        </div>
      </form>
    </FormProvider>
  );
}
