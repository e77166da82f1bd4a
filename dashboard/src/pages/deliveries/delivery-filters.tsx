import type { Webhook } from '../../api/types.ts';
import { useCatalog } from '../../auth/catalog.tsx';
import { deliveryStatusLabel } from '../../components/badge.tsx';
import { TimeRangeFilters, ValueOptions } from '../../components/filter-bar.tsx';
import { FilterSelect } from '../../components/form-controls.tsx';
import type { QueryFilters } from '../../router/query-filters.ts';

export const deliveryFilterNames = ['status', 'eventType', 'webhookId', 'since', 'until'] as const;

/** Status, event type, webhook and time range pickers over the delivery log. */
export function DeliveryFilters({
  filter,
  directory,
}: {
  filter: QueryFilters<(typeof deliveryFilterNames)[number]>;
  directory: { readonly webhooks: readonly Webhook[]; readonly get: (id: string) => Webhook | undefined };
}) {
  const catalog = useCatalog();
  const { status, eventType, webhookId, since, until } = filter.values;
  const { go } = filter;
  const eventTypes = [...new Set([...catalog.eventTypes.map((entry) => entry.type), ...(eventType ? [eventType] : [])])].sort();
  return (
    <>
      <FilterSelect label="Status" value={status} onChange={(value) => go({ status: value })} className="w-40">
        <option value="">All statuses</option>
        <option value="succeeded">{deliveryStatusLabel('succeeded')}</option>
        <option value="dead">{deliveryStatusLabel('dead')}</option>
        <option value="retrying">{deliveryStatusLabel('retrying')}</option>
        <option value="pending">{deliveryStatusLabel('pending')}</option>
      </FilterSelect>
      <FilterSelect label="Event type" value={eventType} onChange={(value) => go({ eventType: value })} className="w-52">
        <option value="">All event types</option>
        <ValueOptions values={eventTypes} />
      </FilterSelect>
      <FilterSelect label="Webhook" value={webhookId} onChange={(value) => go({ webhookId: value })} className="w-56">
        <option value="">All webhooks</option>
        {directory.webhooks.map((webhook) => (
          <option key={webhook.id} value={webhook.id}>
            {webhook.name}
          </option>
        ))}
        {webhookId && !directory.get(webhookId) && <option value={webhookId}>{webhookId}</option>}
      </FilterSelect>
      <TimeRangeFilters since={since} until={until} onChange={go} />
    </>
  );
}
