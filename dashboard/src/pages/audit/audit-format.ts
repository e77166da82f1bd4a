import type { AuditEntry } from '../../api/types.ts';
import type { Tone } from '../../components/badge.tsx';
import { href } from '../../router/hash-router.ts';

/** The actions the hub records, for the filter picker (the server accepts any string). */
export const knownAuditActions: readonly string[] = [
  'apiKey.created',
  'apiKey.revoked',
  'community.created',
  'community.deleted',
  'community.updated',
  'delivery.bulkRetried',
  'delivery.retried',
  'event.replayed',
  'user.created',
  'user.deleted',
  'user.updated',
  'webhook.created',
  'webhook.deleted',
  'webhook.disabled',
  'webhook.enabled',
  'webhook.secretRotated',
  'webhook.updated',
];

/** Green for creations and enabling, red for removals, amber for re-sends and automatic disabling, blue otherwise. */
export function auditActionTone(action: string): Tone {
  const verb = action.slice(action.lastIndexOf('.') + 1).toLowerCase();
  if (verb === 'created' || verb === 'enabled') return 'green';
  if (verb === 'deleted' || verb === 'revoked') return 'red';
  if (verb.includes('retried') || verb === 'replayed' || verb === 'disabled') return 'amber';
  return 'blue';
}

/** `details` on one line: compact JSON, or '' when there is nothing to show. */
export function compactDetails(details: Readonly<Record<string, unknown>> | null | undefined): string {
  if (!details || Object.keys(details).length === 0) return '';
  return JSON.stringify(details);
}

/** Where the target lives in the dashboard, when it still can be opened there. */
export function auditTargetLink(entry: AuditEntry): string | null {
  if (entry.targetId === '*' || entry.action.endsWith('.deleted')) return null;
  switch (entry.targetType) {
    case 'webhook':
      return `/webhooks/${encodeURIComponent(entry.targetId)}`;
    case 'delivery':
      return href('/deliveries', { id: entry.targetId });
    case 'event':
      return href('/events', { id: entry.targetId });
    default:
      return null;
  }
}
