import { useMemo } from 'react';
import { api } from '../api/client.ts';
import type { Webhook } from '../api/types.ts';
import { useResource } from './use-resource.ts';

/** Webhooks by id, for showing names in delivery and event lists and filling filter pickers. */
export function useWebhookDirectory() {
  const resource = useResource('webhook-directory', (signal) => api.webhooks.list({}, { limit: 200, signal }), { pollMs: 30_000 });
  return useMemo(() => {
    const items: readonly Webhook[] = resource.data?.items ?? [];
    const byId = new Map(items.map((webhook) => [webhook.id, webhook]));
    return { webhooks: items, get: (id: string) => byId.get(id) };
  }, [resource.data]);
}
