import { useState } from 'react';
import { api, errorMessage } from '../../api/client.ts';
import type { ApiKey, ApiKeyCreated } from '../../api/types.ts';
import { useCatalog } from '../../auth/catalog.tsx';
import { canManage } from '../../auth/permissions.ts';
import { useUser } from '../../auth/session.tsx';
import { Chip } from '../../components/badge.tsx';
import { Button } from '../../components/button.tsx';
import { useConfirm } from '../../components/confirm.tsx';
import { KeyIcon, PlusIcon, TrashIcon } from '../../components/icons.tsx';
import { PageHeader, tableClasses } from '../../components/layout-parts.tsx';
import { OneTimeSecretModal } from '../../components/one-time-secret-modal.tsx';
import { PagedTable, type TableSpec } from '../../components/paged-table.tsx';
import { RelativeTime } from '../../components/time.tsx';
import { useToast } from '../../components/toast.tsx';
import { usePagedList } from '../../hooks/use-paged-list.ts';
import { POLL_INTERVAL_MS } from '../../hooks/use-resource.ts';
import { CreateApiKeyModal } from './create-api-key-modal.tsx';

const table: TableSpec = {
  columns: [
    { label: 'Name' },
    { label: 'Key' },
    { label: 'Scopes' },
    { label: 'Created' },
    { label: 'Last used' },
    { label: 'Actions', srOnly: true },
  ],
  loadErrorTitle: 'Could not load API keys',
  scroll: false,
  skeleton: { rows: 3, columns: 5 },
};

export function ApiKeysPage() {
  const user = useUser();
  const catalog = useCatalog();
  const toast = useToast();
  const confirm = useConfirm();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<ApiKeyCreated | null>(null);
  const [revoking, setRevoking] = useState<string | null>(null);
  const list = usePagedList<ApiKey>('api-keys', (request) => api.apiKeys.list(request), { pollMs: POLL_INTERVAL_MS });
  const refresh = () => void list.reload();
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
      <PagedTable
        list={list}
        {...table}
        empty={{
          icon: <KeyIcon className="size-6" />,
          title: 'No API keys yet',
          description: 'Create a key for each app that publishes events, so you can revoke one without touching the others.',
          action: createButton || undefined,
        }}
        renderRow={(key) => (
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
        )}
      />
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
