import { describe, expect, it } from 'vitest';
import { templateVariables } from './template-variables.ts';

describe('templateVariables', () => {
  it('exposes the event, its data and the webhook, but never the webhook URL', () => {
    const variables = templateVariables({
      event: { id: 'e1', type: 'member.created', source: 'api', communityId: 'c1', occurredAt: '2026-01-01T00:00:00Z', data: { name: 'Ada' } },
      webhook: { id: 'w1', name: 'Announcements', communityId: 'c1', url: 'https://secret.example/hook' },
    });
    expect(variables).toEqual({
      event: { id: 'e1', type: 'member.created', source: 'api', communityId: 'c1', occurredAt: '2026-01-01T00:00:00Z' },
      data: { name: 'Ada' },
      webhook: { id: 'w1', name: 'Announcements', communityId: 'c1' },
    });
    expect(JSON.stringify(variables)).not.toContain('secret.example');
  });
});
