import { useState } from 'react';
import { api, errorMessage } from '../../api/client.ts';
import type { Plugin, Webhook, WebhookCreated } from '../../api/types.ts';
import { useCatalog } from '../../auth/catalog.tsx';
import { canManage } from '../../auth/permissions.ts';
import { useUser } from '../../auth/session.tsx';
import { Badge } from '../../components/badge.tsx';
import { Button } from '../../components/button.tsx';
import { useConfirm } from '../../components/confirm.tsx';
import { ErrorBanner, Skeleton } from '../../components/feedback.tsx';
import { ActivityIcon, RetryIcon, SendIcon, TrashIcon } from '../../components/icons.tsx';
import { PageHeader } from '../../components/layout-parts.tsx';
import { OneTimeSecretModal } from '../../components/one-time-secret-modal.tsx';
import { Switch } from '../../components/switch.tsx';
import { RelativeTime } from '../../components/time.tsx';
import { useToast } from '../../components/toast.tsx';
import { useResource } from '../../hooks/use-resource.ts';
import { href, navigate } from '../../router/hash-router.ts';
import { Link } from '../../router/link.tsx';
import { useWebhookActions } from './use-webhook-actions.ts';
import { WebhookForm } from './webhook-form.tsx';
import { toCreateInput, toPatch, type WebhookFormValues } from './webhook-form-model.ts';

function FormSkeleton() {
  return (
    <div className="space-y-6 rounded-xl bg-white p-8 shadow-sm ring-1 ring-slate-900/5" aria-busy="true" aria-label="Loading">
      {[0, 1, 2].map((row) => (
        <div key={row} className="grid grid-cols-3 gap-8">
          <div className="space-y-2">
            <Skeleton className="h-4 w-24" />
            <Skeleton className="h-3 w-40" />
          </div>
          <div className="col-span-2 space-y-3">
            <Skeleton className="h-9 w-full" />
            <Skeleton className="h-9 w-2/3" />
          </div>
        </div>
      ))}
    </div>
  );
}

/** `#/webhooks/new`: create, then show the one-time signing secret. */
export function NewWebhookPage() {
  const catalog = useCatalog();
  const user = useUser();
  const toast = useToast();
  const [created, setCreated] = useState<WebhookCreated | null>(null);
  const writable = catalog.communities.filter((community) => canManage(user, community.id));

  const submit = async (values: WebhookFormValues, plugin: Plugin | undefined) => {
    const webhook = await api.webhooks.create(toCreateInput(values, plugin));
    const listening = webhook.events.includes('*') ? 'all events' : `${webhook.events.slice(0, 3).join(', ')}${webhook.events.length > 3 ? '…' : ''}`;
    toast.success('Webhook created', `${webhook.name} listens for ${listening}.`);
    // Only signed HTTP deliveries use the signing secret; chat connectors never show it.
    if (plugin?.requiresUrl) setCreated(webhook);
    else navigate('/webhooks');
  };

  return (
    <>
      <PageHeader title="New webhook" description="Send events to an endpoint or a chat channel." />
      {catalog.error !== undefined && <ErrorBanner error={catalog.error} title="Could not load connectors and event types" />}
      {catalog.loading ? (
        <FormSkeleton />
      ) : (
        <WebhookForm
          sinks={catalog.sinks}
          eventTypes={catalog.eventTypes}
          communities={writable.length > 0 ? writable : catalog.communities}
          onSubmit={submit}
          onCancel={() => navigate('/webhooks')}
        />
      )}
      <OneTimeSecretModal
        open={created !== null}
        title="Save your signing secret"
        description={
          <>
            <span className="font-medium text-slate-700">{created?.name}</span> signs every delivery with this secret. Use it in your receiver to verify the
            X-Webhook-Signature header.
          </>
        }
        secret={created?.secret ?? ''}
        onClose={() => {
          setCreated(null);
          navigate('/webhooks');
        }}
      />
    </>
  );
}

function SigningSecrets({ webhook, onRotated }: { webhook: Webhook; onRotated: (secret: string) => void }) {
  const confirm = useConfirm();
  const toast = useToast();
  const [rotating, setRotating] = useState(false);
  const rotate = async () => {
    const ok = await confirm({
      title: 'Rotate the signing secret?',
      message: 'A new secret is generated. During the overlap, deliveries carry signatures for both, so receivers can switch without dropping events.',
      confirmLabel: 'Rotate secret',
      destructive: false,
    });
    if (!ok) return;
    setRotating(true);
    try {
      const { secret } = await api.webhooks.rotateSecret(webhook.id);
      onRotated(secret);
    } catch (error) {
      toast.error('Could not rotate the secret', errorMessage(error));
    } finally {
      setRotating(false);
    }
  };
  return (
    <div className="space-y-3">
      <ul className="divide-y divide-slate-100 rounded-lg ring-1 ring-slate-200">
        {webhook.signingSecrets.map((secret) => (
          <li key={secret.id} className="flex items-center justify-between gap-3 px-3 py-2.5 text-sm">
            <div className="min-w-0">
              <p className="font-mono text-xs text-slate-800">{secret.fingerprint}</p>
              <p className="text-xs text-slate-500">
                Created <RelativeTime iso={secret.createdAt} />
              </p>
            </div>
            {secret.expiresAt ? (
              <Badge tone="amber">
                Expires <RelativeTime iso={secret.expiresAt} />
              </Badge>
            ) : (
              <Badge tone="green">Current</Badge>
            )}
          </li>
        ))}
        {webhook.signingSecrets.length === 0 && <li className="px-3 py-2.5 text-sm text-slate-500">No signing secret.</li>}
      </ul>
      <Button size="sm" icon={<RetryIcon className="size-3.5" />} onClick={() => void rotate()} busy={rotating}>
        Rotate secret
      </Button>
    </div>
  );
}

/** `#/webhooks/:id`: edit, test, enable/disable, rotate the secret, delete. */
export function EditWebhookPage({ id }: { id: string }) {
  const catalog = useCatalog();
  const toast = useToast();
  const [rotated, setRotated] = useState<string | null>(null);
  const resource = useResource(`webhook:${id}`, (signal) => api.webhooks.get(id, signal));
  const webhook = resource.data;
  const actions = useWebhookActions(() => void resource.reload());

  const submit = async (values: WebhookFormValues, plugin: Plugin | undefined) => {
    await api.webhooks.update(id, toPatch(values, plugin, webhook));
    toast.success('Changes saved');
    navigate('/webhooks');
  };

  const headerActions = webhook && (
    <>
      <label className="mr-2 flex items-center gap-2 text-sm text-slate-600">
        <Switch checked={webhook.active} label="Active" onChange={(next) => void actions.setActive(webhook, next)} busy={actions.busy[webhook.id] === 'toggle'} />
        {webhook.active ? 'Active' : 'Disabled'}
      </label>
      <Link to={href('/deliveries', { webhookId: webhook.id })} className="inline-flex items-center gap-2 rounded-lg px-3 py-2 text-sm font-medium text-slate-600 hover:bg-slate-100">
        <ActivityIcon className="size-4" /> Deliveries
      </Link>
      <Button icon={<SendIcon />} onClick={() => void actions.sendTest(webhook)} busy={actions.busy[webhook.id] === 'test'}>
        Send test
      </Button>
      <Button
        variant="ghost"
        className="hover:text-rose-600"
        icon={<TrashIcon />}
        onClick={() => void actions.remove(webhook).then((deleted) => deleted && navigate('/webhooks'))}
      >
        Delete
      </Button>
    </>
  );

  return (
    <>
      <nav className="mb-2 text-sm text-slate-500">
        <Link to="/webhooks" className="hover:text-slate-700">
          Webhooks
        </Link>
        <span className="mx-1.5">/</span>
        <span className="text-slate-700">{webhook?.name ?? '…'}</span>
      </nav>
      <PageHeader title={webhook ? webhook.name : 'Webhook'} actions={headerActions} />
      {webhook && !webhook.active && webhook.disabledReason && (
        <div className="mb-6">
          <ErrorBanner error={new Error(webhook.disabledReason)} title="This webhook was disabled automatically" />
        </div>
      )}
      {resource.error !== undefined && <ErrorBanner error={resource.error} title="Could not load the webhook" />}
      {catalog.error !== undefined && <ErrorBanner error={catalog.error} title="Could not load connectors and event types" />}
      {(resource.loading || catalog.loading) && <FormSkeleton />}
      {webhook && !catalog.loading && (
        <WebhookForm
          key={webhook.id}
          sinks={catalog.sinks}
          eventTypes={catalog.eventTypes}
          communities={catalog.communities}
          webhook={webhook}
          onSubmit={submit}
          onCancel={() => navigate('/webhooks')}
          signingPanel={
            <SigningSecrets
              webhook={webhook}
              onRotated={(secret) => {
                setRotated(secret);
                void resource.reload();
              }}
            />
          }
        />
      )}
      <OneTimeSecretModal
        open={rotated !== null}
        title="Your new signing secret"
        description="Update your receiver with it. The previous secret keeps signing until it expires."
        secret={rotated ?? ''}
        onClose={() => setRotated(null)}
      />
    </>
  );
}
