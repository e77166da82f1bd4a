import { useState } from 'react';
import { api, errorMessage, isApiError } from '../../api/client.ts';
import type { ManagedUser } from '../../api/types.ts';
import { useCatalog } from '../../auth/catalog.tsx';
import { isInstanceOwner } from '../../auth/permissions.ts';
import { useUser } from '../../auth/session.tsx';
import { Badge, Chip } from '../../components/badge.tsx';
import { Button } from '../../components/button.tsx';
import { useConfirm } from '../../components/confirm.tsx';
import { DataTable, type Column } from '../../components/data-table.tsx';
import { EmptyState, TableSkeleton } from '../../components/feedback.tsx';
import { BuildingIcon, PencilIcon, PlusIcon, TrashIcon, UsersIcon } from '../../components/icons.tsx';
import { Card, PageHeader, tableClasses } from '../../components/layout-parts.tsx';
import { AccessDenied } from '../../components/page-message.tsx';
import { PagedTable, type TableSpec } from '../../components/paged-table.tsx';
import { RelativeTime } from '../../components/time.tsx';
import { useToast } from '../../components/toast.tsx';
import { usePagedList } from '../../hooks/use-paged-list.ts';
import { POLL_INTERVAL_MS } from '../../hooks/use-resource.ts';
import { CommunityModal } from './community-modal.tsx';
import { UserFormModal } from './user-form-modal.tsx';
import { ALL_COMMUNITIES, describeMembership, toCreateUserInput, toUserPatch, type UserFormValues } from './user-form-model.ts';

const userTable: TableSpec = {
  columns: [{ label: 'User' }, { label: 'Roles' }, { label: 'Created' }, { label: 'Actions', srOnly: true }],
  loadErrorTitle: 'Could not load users',
  refreshErrorTitle: 'Could not refresh users',
  scroll: false,
  skeleton: { rows: 3 },
};
const communityColumns: readonly Column[] = [{ label: 'Name' }, { label: 'ID' }, { label: 'Created' }];

function OwnersOnly() {
  return (
    <AccessDenied
      page="Users"
      title="Instance owners only"
      description="Users and communities are managed by the owner of this hub. Ask them to add someone or change a role."
    />
  );
}

function CommunitiesCard({ onCreate }: { onCreate: () => void }) {
  const catalog = useCatalog();
  return (
    <Card className="mt-8 overflow-hidden">
      <div className="flex items-center justify-between gap-4 border-b border-slate-200 px-4 py-3">
        <div>
          <h2 className="text-sm font-semibold text-slate-900">Communities</h2>
          <p className="text-xs text-slate-500">Each has its own webhooks, events and API keys.</p>
        </div>
        <Button size="sm" icon={<PlusIcon className="size-3.5" />} onClick={onCreate}>
          New community
        </Button>
      </div>
      {catalog.loading ? (
        <TableSkeleton columns={3} rows={2} />
      ) : catalog.communities.length === 0 ? (
        <EmptyState icon={<BuildingIcon className="size-6" />} title="No communities" description="Create one to give users a role in it." />
      ) : (
        <DataTable
          columns={communityColumns}
          rows={catalog.communities}
          scroll={false}
          renderRow={(community) => (
            <tr key={community.id} className={tableClasses.row} data-testid="community-row">
              <td className={`${tableClasses.td} font-medium text-slate-900`}>{community.name}</td>
              <td className={`${tableClasses.td} font-mono text-xs text-slate-600`}>{community.id}</td>
              <td className={`${tableClasses.td} text-slate-500`}>{community.createdAt ? <RelativeTime iso={community.createdAt} /> : '—'}</td>
            </tr>
          )}
        />
      )}
    </Card>
  );
}

/** `#/users`: the instance owner adds people, sets their role per community, and adds communities. */
export function UsersPage() {
  const me = useUser();
  if (!isInstanceOwner(me)) return <OwnersOnly />;
  return <UsersAdmin />;
}

function UsersAdmin() {
  const me = useUser();
  const catalog = useCatalog();
  const toast = useToast();
  const confirm = useConfirm();
  const [editing, setEditing] = useState<ManagedUser | 'new' | null>(null);
  const [creatingCommunity, setCreatingCommunity] = useState(false);
  const [deleting, setDeleting] = useState<string | null>(null);
  const list = usePagedList<ManagedUser>('users', (request) => api.users.list(request), { pollMs: POLL_INTERVAL_MS });
  const refresh = () => void list.reload();

  if (isApiError(list.error) && list.error.status === 403) return <OwnersOnly />;

  const save = async (values: UserFormValues) => {
    if (editing === 'new') {
      const created = await api.users.create(toCreateUserInput(values));
      toast.success('User created', `${created.email} can sign in now.`);
    } else if (editing) {
      const patch = toUserPatch(values, editing);
      if (Object.keys(patch).length > 0) {
        await api.users.update(editing.id, patch);
        toast.success('Changes saved', patch.password ? `${editing.email} was signed out and needs the new password.` : undefined);
      }
    }
    setEditing(null);
    refresh();
  };

  const remove = async (user: ManagedUser) => {
    const ok = await confirm({
      title: `Delete ${user.name || user.email}?`,
      message: 'They are signed out at once and can no longer sign in. What they changed stays in the audit log. This cannot be undone.',
      confirmLabel: 'Delete user',
    });
    if (!ok) return;
    setDeleting(user.id);
    try {
      await api.users.remove(user.id);
      toast.success(`${user.name || user.email} deleted`);
      refresh();
    } catch (error) {
      toast.error('Could not delete the user', errorMessage(error));
    } finally {
      setDeleting(null);
    }
  };

  const newUserButton = (
    <Button variant="primary" icon={<PlusIcon />} onClick={() => setEditing('new')}>
      New user
    </Button>
  );

  return (
    <>
      <PageHeader
        title="Users"
        description="Who can sign in, and their role in each community. Only instance owners see this page."
        actions={newUserButton}
      />
      <PagedTable
        list={list}
        {...userTable}
        empty={{ icon: <UsersIcon className="size-6" />, title: 'No users yet', description: 'Add the people who work with webhooks and deliveries.', action: newUserButton }}
        renderRow={(user) => {
          const self = user.id === me.id;
          return (
            <tr key={user.id} className={tableClasses.row} data-testid="user-row">
              <td className={tableClasses.td}>
                <p className="flex items-center gap-2 font-medium text-slate-900">
                  {user.name || user.email}
                  {self && <Badge tone="indigo">You</Badge>}
                </p>
                <p className="text-xs text-slate-500">{user.email}</p>
              </td>
              <td className={tableClasses.td}>
                <div className="flex flex-wrap gap-1">
                  {user.memberships.map((membership) =>
                    membership.communityId === ALL_COMMUNITIES && membership.role === 'owner' ? (
                      <Badge key={membership.communityId} tone="indigo">
                        Instance owner
                      </Badge>
                    ) : (
                      <Chip key={membership.communityId} mono={false}>
                        {describeMembership(membership, catalog.communityName)}
                      </Chip>
                    ),
                  )}
                </div>
              </td>
              <td className={`${tableClasses.td} text-slate-500`}>
                <RelativeTime iso={user.createdAt} />
              </td>
              <td className={`${tableClasses.td} text-right whitespace-nowrap`}>
                <Button size="sm" variant="ghost" icon={<PencilIcon className="size-3.5" />} onClick={() => setEditing(user)} aria-label={`Edit ${user.email}`}>
                  Edit
                </Button>
                {!self && (
                  <Button
                    size="sm"
                    variant="ghost"
                    className="hover:text-rose-600"
                    icon={<TrashIcon className="size-3.5" />}
                    busy={deleting === user.id}
                    onClick={() => void remove(user)}
                    aria-label={`Delete ${user.email}`}
                  >
                    Delete
                  </Button>
                )}
              </td>
            </tr>
          );
        }}
      />

      <CommunitiesCard onCreate={() => setCreatingCommunity(true)} />

      {editing !== null && (
        <UserFormModal
          key={editing === 'new' ? 'new' : editing.id}
          user={editing === 'new' ? undefined : editing}
          selfId={me.id}
          communities={catalog.communities}
          onClose={() => setEditing(null)}
          onSubmit={save}
        />
      )}
      {creatingCommunity && (
        <CommunityModal
          onClose={() => setCreatingCommunity(false)}
          onCreated={(community) => {
            setCreatingCommunity(false);
            toast.success('Community created', `${community.name} (${community.id}) can now get webhooks, keys and members.`);
            catalog.reload();
          }}
        />
      )}
    </>
  );
}
