import { useCallback, useState } from 'react';
import { api, errorMessage } from '../../api/client.ts';
import type { ApiKey, ApiKeyCreated } from '../../api/types.ts';
import { useCatalog } from '../../auth/catalog.tsx';
import { canManage } from '../../auth/permissions.ts';
import { useUser } from '../../auth/session.tsx';
import { Chip } from '../../components/badge.tsx';
import { Button } from '../../components/button.tsx';
import { useConfirm } from '../../components/confirm.tsx';
import { EmptyState, ErrorBanner, TableSkeleton } from '../../components/feedback.tsx';
import { KeyIcon, PlusIcon, TrashIcon } from '../../components/icons.tsx';
import { Card, PageHeader, tableClasses } from '../../components/layout-parts.tsx';
import { OneTimeSecretModal } from '../../components/one-time-secret-modal.tsx';
import { RelativeTime } from '../../components/time.tsx';
import { useToast } from '../../components/toast.tsx';
import { usePagedList } from '../../hooks/use-paged-list.ts';
import { POLL_INTERVAL_MS } from '../../hooks/use-resource.ts';
import { CreateApiKeyModal } from './create-api-key-modal.tsx';

export function ApiKeysPage() {
  const user = useUser();
  const catalog = useCatalog();
  const toast = useToast();
  const confirm = useConfirm();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<ApiKeyCreated | null>(null);
  const [revoking, setRevoking] = useState<string | null>(null);
  const list = usePagedList<ApiKey>('api-keys', (request) => api.apiKeys.list(request), { pollMs: POLL_INTERVAL_MS });
  const { reload } = list;
  const refresh = useCallback(() => void reload(), [reload]);
  const writable = catalog.communities.filter((community) => canManage(user, community.id));

  const revoke = async (key: ApiKey) => {
    const ok = await confirm({
      title: `Revoke ${key.name}?`,
      message: 'Requests with this key fail from now on. Apps using it need a new key. This cannot be undone.',
      confirmLabel: 'Revoke key',
    });
    if (!ok) return;
    setRevoking(key.id);
    try {
      await api.apiKeys.revoke(key.id);
      toast.success(`${key.name} revoked`);
      refresh();
    } catch (error) {
      toast.error('Could not revoke the key', errorMessage(error));
    } finally {
      setRevoking(null);
    }
  };

  const createButton = writable.length > 0 && (
    <Button variant="primary" icon={<PlusIcon />} onClick={() => setCreating(true)}>
      New API key
    </Button>
  );

  return (
    <>
      <PageHeader title="API keys" description="Keys let your apps publish events and manage webhooks. Each key belongs to one community." actions={createButton} />
      <Card className="overflow-hidden">
        {list.loading ? (
          <TableSkeleton columns={5} rows={3} />
        ) : list.error !== undefined && list.items.length === 0 ? (
          <div className="p-4">
            <ErrorBanner error={list.error} title="Could not load API keys" action={<Button size="sm" onClick={refresh}>Try again</Button>} />
          </div>
        ) : list.items.length === 0 ? (
          <EmptyState
            icon={<KeyIcon className="size-6" />}
            title="No API keys yet"
            description="Create a key for each app that publishes events, so you can revoke one without touching the others."
            action={createButton || undefined}
          />
        ) : (
          <table className={tableClasses.table}>
            <thead className="bg-slate-50">
              <tr>
                <th scope="col" className={tableClasses.th}>Name</th>
                <th scope="col" className={tableClasses.th}>Key</th>
                <th scope="col" className={tableClasses.th}>Scopes</th>
                <th scope="col" className={tableClasses.th}>Created</th>
                <th scope="col" className={tableClasses.th}>Last used</th>
                <th scope="col" className={tableClasses.th}>
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 bg-white text-slate-700">
              {list.items.map((key) => (
                <tr key={key.id} className={tableClasses.row}>
                  <td className={tableClasses.td}>
                    <p className="font-medium text-slate-900">{key.name}</p>
                    <p className="text-xs text-slate-500">{catalog.communityName(key.communityId)}</p>
                  </td>
                  <td className={`${tableClasses.td} font-mono text-xs text-slate-600`}>{key.prefix}…</td>
                  <td className={tableClasses.td}>
                    <div className="flex flex-wrap gap-1">
                      {key.scopes.map((scope) => (
                        <Chip key={scope}>{scope}</Chip>
                      ))}
                    </div>
                  </td>
                  <td className={`${tableClasses.td} text-slate-500`}>
                    <RelativeTime iso={key.createdAt} />
                  </td>
                  <td className={`${tableClasses.td} text-slate-500`}>{key.lastUsedAt ? <RelativeTime iso={key.lastUsedAt} /> : 'Never'}</td>
                  <td className={`${tableClasses.td} text-right`}>
                    {canManage(user, key.communityId) && (
                      <Button size="sm" variant="ghost" className="hover:text-rose-600" icon={<TrashIcon className="size-3.5" />} busy={revoking === key.id} onClick={() => void revoke(key)}>
                        Revoke
                      </Button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {list.hasMore && (
          <div className="border-t border-slate-100 px-4 py-3 text-center">
            <Button size="sm" onClick={() => void list.loadMore()} busy={list.loadingMore}>
              Load more
            </Button>
          </div>
        )}
      </Card>
      <CreateApiKeyModal
        open={creating}
        communities={writable}
        onClose={() => setCreating(false)}
        onCreated={(key) => {
          setCreating(false);
          setCreated(key);
          refresh();
        }}
      />
      <OneTimeSecretModal
        open={created !== null}
        title="Save your API key"
        description={
          <>
            <span className="font-medium text-slate-700">{created?.name}</span> can {created?.scopes.join(', ')}. Give it only to the app that needs it.
          </>
        }
        secret={created?.key ?? ''}
        onClose={() => setCreated(null)}
      />
    </>
  );
}
