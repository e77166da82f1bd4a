import { useState } from 'react';
import { api, errorMessage } from '../../api/client.ts';
import type { HubEvent, ReplayResult, Webhook } from '../../api/types.ts';
import { Button } from '../../components/button.tsx';
import { ErrorBanner } from '../../components/feedback.tsx';
import { Field, Select } from '../../components/form-controls.tsx';
import { Modal } from '../../components/modal.tsx';
import { useToast } from '../../components/toast.tsx';
import { countDeliveries } from '../deliveries/bulk-retry.ts';
import { patternMatches } from '../webhooks/event-patterns.ts';

type Target = 'matching' | 'one';

/** Active webhooks of the event's community subscribed to its type: where "all matching" replays to. */
export function matchingWebhooks(event: HubEvent, webhooks: readonly Webhook[]): Webhook[] {
  return webhooks.filter(
    (webhook) => webhook.communityId === event.communityId && webhook.active && webhook.events.some((pattern) => patternMatches(pattern, event.type)),
  );
}

function Choice({ checked, onChange, title, description }: { checked: boolean; onChange: () => void; title: string; description: string }) {
  return (
    <label
      className={`flex cursor-pointer items-start gap-3 rounded-lg p-3 ring-1 transition ${
        checked ? 'bg-indigo-50/60 ring-2 ring-indigo-600' : 'bg-white ring-slate-200 hover:ring-slate-300'
      }`}
    >
      <input type="radio" name="replay-target" checked={checked} onChange={onChange} className="mt-0.5 size-4 border-slate-300 text-indigo-600" />
      <span className="min-w-0">
        <span className="block text-sm font-medium text-slate-900">{title}</span>
        <span className="block text-xs text-slate-500">{description}</span>
      </span>
    </label>
  );
}

/**
 * Deliver a stored event again, to every matching webhook or to one webhook of its community
 * (even one that does not subscribe to the type, e.g. to backfill a new receiver).
 */
export function ReplayModal({
  event,
  webhooks,
  onClose,
  onReplayed,
}: {
  /** The event to replay; the modal is open while it is set. */
  event: HubEvent | null;
  /** Webhooks to choose from (all communities; filtered to the event's here). */
  webhooks: readonly Webhook[];
  onClose: () => void;
  onReplayed: (result: ReplayResult) => void;
}) {
  const toast = useToast();
  const [target, setTarget] = useState<Target>('matching');
  const [webhookId, setWebhookId] = useState('');
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const inCommunity = event ? webhooks.filter((webhook) => webhook.communityId === event.communityId) : [];
  const matching = event ? matchingWebhooks(event, webhooks) : [];

  const close = () => {
    setTarget('matching');
    setWebhookId('');
    setMissing(false);
    setError(null);
    onClose();
  };

  const replay = async () => {
    if (!event) return;
    if (target === 'one' && !webhookId) {
      setMissing(true);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const result = await api.events.replay(event.id, target === 'one' ? webhookId : undefined);
      const count = result.deliveries.length;
      if (count === 0) toast.info('Nothing to replay', 'No active webhook subscribes to this event type.');
      else toast.success(`Replay queued: ${countDeliveries(count)}`, 'Each gets a new attempt in a moment.');
      onReplayed(result);
      close();
    } catch (caught) {
      setError(caught);
      toast.error('Could not replay the event', errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={event !== null}
      onClose={close}
      title="Replay event"
      description={
        <>
          Send <span className="font-mono text-slate-700">{event?.type}</span> again, exactly as stored. Deliveries that already succeeded get a new
          attempt too.
        </>
      }
      footer={
        <>
          <Button onClick={close}>Cancel</Button>
          <Button variant="primary" onClick={() => void replay()} busy={busy}>
            Replay
          </Button>
        </>
      }
    >
      <div className="space-y-3">
        {error !== null && <ErrorBanner error={error} title="Could not replay the event" />}
        <div role="radiogroup" aria-label="Replay to" className="space-y-2">
          <Choice
            checked={target === 'matching'}
            onChange={() => setTarget('matching')}
            title="All matching webhooks"
            description={
              matching.length === 0
                ? 'No active webhook subscribes to this event type right now.'
                : `${matching.length} active webhook${matching.length === 1 ? '' : 's'}: ${matching.map((webhook) => webhook.name).join(', ')}`
            }
          />
          <Choice
            checked={target === 'one'}
            onChange={() => setTarget('one')}
            title="One webhook"
            description="Any webhook of this community, even one that does not subscribe to the type."
          />
        </div>
        {target === 'one' && (
          <Field id="replay-webhook" label="Webhook" error={missing ? 'Choose a webhook' : undefined} required>
            <Select
              id="replay-webhook"
              value={webhookId}
              invalid={missing}
              onChange={(change) => {
                setWebhookId(change.target.value);
                setMissing(false);
              }}
            >
              <option value="">Choose a webhook…</option>
              {inCommunity.map((webhook) => (
                <option key={webhook.id} value={webhook.id}>
                  {webhook.active ? webhook.name : `${webhook.name} (disabled)`}
                </option>
              ))}
            </Select>
          </Field>
        )}
      </div>
    </Modal>
  );
}
