import { useCallback, useState } from 'react';
import { api, errorMessage } from '../../api/client.ts';
import type { TestResult, Webhook } from '../../api/types.ts';
import { useConfirm } from '../../components/confirm.tsx';
import { useToast } from '../../components/toast.tsx';
import { formatDuration } from '../../components/time.tsx';

export function describeTestResult(result: TestResult): string {
  const code = result.responseCode === null ? 'no response' : `HTTP ${result.responseCode}`;
  // The error often just restates the status ("HTTP 503"); only add it when it says more.
  const error = result.error && !result.error.startsWith(code) ? ` · ${result.error}` : '';
  return `${code} in ${formatDuration(result.durationMs)}${error}`;
}

/**
 * Test, enable/disable and delete, with toasts and a confirmation before deleting. Tracks what
 * is in flight per webhook so buttons can show it, and the last test result per webhook.
 * `onChanged` gets the updated webhook when the server returned one.
 */
export function useWebhookActions(onChanged: (updated?: Webhook) => void) {
  const toast = useToast();
  const confirm = useConfirm();
  const [busy, setBusy] = useState<Readonly<Record<string, 'test' | 'toggle' | 'delete'>>>({});
  const [results, setResults] = useState<Readonly<Record<string, TestResult>>>({});

  const track = useCallback(async (id: string, action: 'test' | 'toggle' | 'delete', work: () => Promise<void>) => {
    setBusy((current) => ({ ...current, [id]: action }));
    try {
      await work();
    } finally {
      setBusy(({ [id]: _done, ...rest }) => rest);
    }
  }, []);

  const sendTest = useCallback(
    (webhook: Webhook) =>
      track(webhook.id, 'test', async () => {
        try {
          const result = await api.webhooks.test(webhook.id);
          setResults((current) => ({ ...current, [webhook.id]: result }));
          if (result.success) toast.success(`Test delivered to ${webhook.name}`, describeTestResult(result));
          else toast.error(`Test to ${webhook.name} failed`, describeTestResult(result));
          onChanged();
        } catch (error) {
          toast.error('Could not send the test', errorMessage(error));
        }
      }),
    [track, toast, onChanged],
  );

  const setActive = useCallback(
    (webhook: Webhook, active: boolean) =>
      track(webhook.id, 'toggle', async () => {
        try {
          const updated = await api.webhooks.setActive(webhook.id, active);
          onChanged(updated);
          toast.success(active ? `${webhook.name} enabled` : `${webhook.name} disabled`, active ? 'Pending deliveries resume.' : 'New events are not delivered until you enable it again.');
        } catch (error) {
          toast.error(`Could not ${active ? 'enable' : 'disable'} ${webhook.name}`, errorMessage(error));
        }
      }),
    [track, toast, onChanged],
  );

  const remove = useCallback(
    async (webhook: Webhook): Promise<boolean> => {
      const confirmed = await confirm({
        title: `Delete ${webhook.name}?`,
        message: 'The webhook stops receiving events immediately. Its delivery history stays in the log. This cannot be undone.',
        confirmLabel: 'Delete webhook',
      });
      if (!confirmed) return false;
      let deleted = false;
      await track(webhook.id, 'delete', async () => {
        try {
          await api.webhooks.remove(webhook.id);
          deleted = true;
          toast.success(`${webhook.name} deleted`);
          onChanged();
        } catch (error) {
          toast.error('Could not delete the webhook', errorMessage(error));
        }
      });
      return deleted;
    },
    [confirm, track, toast, onChanged],
  );

  return { busy, results, sendTest, setActive, remove };
}
