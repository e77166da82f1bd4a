import { useCallback } from 'react';
import { api } from '../../api/client.ts';
import type { Plugin, Webhook } from '../../api/types.ts';
import { canManage } from '../../auth/permissions.ts';
import { useCatalog } from '../../auth/catalog.tsx';
import { useUser } from '../../auth/session.tsx';
import { Badge, Chip } from '../../components/badge.tsx';
import { Button } from '../../components/button.tsx';
import { ConnectorIcon } from '../../components/connector-icon.tsx';
import { PencilIcon, PlusIcon, SendIcon, TrashIcon, WebhookIcon } from '../../components/icons.tsx';
import { PageHeader, tableClasses } from '../../components/layout-parts.tsx';
import { PagedTable, type TableSpec } from '../../components/paged-table.tsx';
import { Switch } from '../../components/switch.tsx';
import { usePagedList } from '../../hooks/use-paged-list.ts';
import { POLL_INTERVAL_MS } from '../../hooks/use-resource.ts';
import { navigate, type Location } from '../../router/hash-router.ts';
import { queryFilters } from '../../router/query-filters.ts';
import { describeTestResult, useWebhookActions } from './use-webhook-actions.ts';
import { WebhookFilters, webhookFilterNames } from './webhook-filters.tsx';

export function destinationLabel(webhook: Webhook, plugin: Plugin | undefined): string {
  if (webhook.url) return webhook.url;
  return `${plugin?.name ?? webhook.connector} channel`;
}

const table: TableSpec = {
  columns: [
    { label: 'Webhook' },
    { label: 'Destination' },
    { label: 'Events' },
    { label: 'Status' },
    { label: 'Actions', align: 'right', srOnly: true },
  ],
  loadErrorTitle: 'Could not load webhooks',
  refreshErrorTitle: 'Could not refresh the list',
  noMatches: { title: 'No webhooks match these filters', description: 'Try another status or connector.' },
};

function EventChips({ events }: { events: readonly string[] }) {
  const shown = events.slice(0, 3);
  return (
    <div className="flex flex-wrap gap-1">
      {shown.map((event) => (
        <Chip key={event}>{event === '*' ? '* all events' : event}</Chip>
      ))}
      {events.length > shown.length && (
        <span className="text-xs text-slate-500" title={events.slice(3).join(', ')}>
          +{events.length - shown.length} more
        </span>
      )}
    </div>
  );
}

export function WebhooksPage({ location }: { location: Location }) {
  const user = useUser();
  const catalog = useCatalog();
  const filter = queryFilters(location, '/webhooks', webhookFilterNames);
  const { active, connector, community: communityId } = filter.values;

  const list = usePagedList<Webhook>(
    `webhooks:${active}:${connector}:${communityId}`,
    (request) =>
      api.webhooks.list(
        { active: active === '' ? undefined : active === 'true', connector: connector || undefined, communityId: communityId || undefined },
        request,
      ),
    { pollMs: POLL_INTERVAL_MS },
  );
  const { reload, replace } = list;
  const actions = useWebhookActions(
    useCallback(
      (updated?: Webhook) => {
        if (updated) replace(updated);
        void reload();
      },
      [replace, reload],
    ),
  );
  const mayCreate = canManage(user, communityId || undefined);

  const createButton = mayCreate && (
    <Button variant="primary" icon={<PlusIcon />} onClick={() => navigate('/webhooks/new')}>
      New webhook
    </Button>
  );

  return (
    <>
      <PageHeader title="Webhooks" description="Endpoints and channels that receive your events. Changes apply to the next event." actions={createButton} />
      <PagedTable
        list={list}
        {...table}
        filters={{ ...filter, controls: <WebhookFilters filter={filter} /> }}
        empty={{
          icon: <WebhookIcon className="size-6" />,
          title: 'No webhooks yet',
          description: 'Create a webhook to send events to your own endpoint, Discord or Slack. Every delivery and retry will show up in the log.',
          action: createButton || undefined,
        }}
        renderRow={(webhook) => {
          const plugin = catalog.plugin(webhook.connector);
          const manage = canManage(user, webhook.communityId);
          const busy = actions.busy[webhook.id];
          const result = actions.results[webhook.id];
          return (
            <tr key={webhook.id} className={`${tableClasses.row} cursor-pointer`} onClick={() => navigate(`/webhooks/${encodeURIComponent(webhook.id)}`)} data-testid="webhook-row">
              <td className={tableClasses.td}>
                <div className="flex items-center gap-3">
                  <ConnectorIcon plugin={plugin} connector={webhook.connector} />
                  <div className="min-w-0">
                    <p className="truncate font-medium text-slate-900">{webhook.name}</p>
                    <p className="truncate text-xs text-slate-500">
                      {plugin?.name ?? webhook.connector}
                      {catalog.communities.length > 1 && ` · ${catalog.communityName(webhook.communityId)}`}
                    </p>
                  </div>
                </div>
              </td>
              <td className={`${tableClasses.td} max-w-64`}>
                <span className={`block truncate ${webhook.url ? 'font-mono text-xs' : 'text-slate-600'}`} title={webhook.url ?? undefined}>
                  {destinationLabel(webhook, plugin)}
                </span>
              </td>
              <td className={tableClasses.td}>
                <EventChips events={webhook.events} />
              </td>
              <td className={tableClasses.td}>
                <div className="flex items-center gap-2.5">
                  <Switch
                    checked={webhook.active}
                    label={`Active: ${webhook.name}`}
                    onChange={(next) => void actions.setActive(webhook, next)}
                    disabled={!manage}
                    busy={busy === 'toggle'}
                  />
                  {webhook.active ? (
                    <Badge tone="green">Active</Badge>
                  ) : (
                    <Badge tone={webhook.disabledReason ? 'red' : 'gray'}>Disabled</Badge>
                  )}
                </div>
                {!webhook.active && webhook.disabledReason && (
                  <p className="mt-1 line-clamp-2 max-w-60 text-xs text-rose-600" title={webhook.disabledReason}>
                    {webhook.disabledReason}
                  </p>
                )}
                {webhook.active && (webhook.consecutiveDead ?? 0) > 0 && (
                  <p className="mt-1 text-xs text-amber-700">
                    {webhook.consecutiveDead} failed {webhook.consecutiveDead === 1 ? 'delivery' : 'deliveries'} in a row
                  </p>
                )}
                {result && (
                  <p className={`mt-1 text-xs ${result.success ? 'text-emerald-700' : 'text-rose-600'}`} title={describeTestResult(result)}>
                    {result.success ? 'Test OK' : 'Test failed'} · {describeTestResult(result)}
                  </p>
                )}
              </td>
              <td className={`${tableClasses.td} text-right`} onClick={(event) => event.stopPropagation()}>
                <div className="flex items-center justify-end gap-1">
                  {manage && (
                    <>
                      <Button size="sm" icon={<SendIcon className="size-3.5" />} onClick={() => void actions.sendTest(webhook)} busy={busy === 'test'}>
                        Send test
                      </Button>
                      <Button size="sm" variant="ghost" onClick={() => navigate(`/webhooks/${encodeURIComponent(webhook.id)}`)} aria-label={`Edit ${webhook.name}`}>
                        <PencilIcon className="size-3.5" />
                      </Button>
                      <Button
                        size="sm"
                        variant="ghost"
                        className="hover:text-rose-600"
                        onClick={() => void actions.remove(webhook)}
                        busy={busy === 'delete'}
                        aria-label={`Delete ${webhook.name}`}
                      >
                        {busy !== 'delete' && <TrashIcon className="size-3.5" />}
                      </Button>
                    </>
                  )}
                </div>
              </td>
            </tr>
          );
        }}
      />
    </>
  );
}
