import type { AuditEntry, Community, Plugin } from '../api/types.ts';

/** The signed-webhook sink as the catalog lists it, with no settings of its own. */
export const genericHttpPlugin: Plugin = {
  id: 'generic-http',
  kind: 'sink',
  name: 'Signed webhook',
  description: 'POST JSON to your endpoint',
  icon: 'webhook',
  version: '1.0.0',
  requiresUrl: true,
  settingsSchema: { type: 'object', properties: {} },
  secretsSchema: { type: 'object', properties: {} },
  secretFields: [],
  templates: [],
  eventTypes: [],
};

/** One community, `cmt_1` "Acme". */
export const acmeCommunities: Community[] = [{ id: 'cmt_1', name: 'Acme', createdAt: '2026-01-01T00:00:00Z' }];

/** A "webhook.created" audit entry by user `usr_1`, with `changes` applied. */
export function auditEntry(changes: Partial<AuditEntry> = {}): AuditEntry {
  return {
    id: 'aud_1',
    at: '2026-01-01T00:00:00.000Z',
    communityId: 'default',
    actorType: 'user',
    actorId: 'usr_1',
    action: 'webhook.created',
    targetType: 'webhook',
    targetId: 'wh_1',
    details: {},
    ...changes,
  };
}
