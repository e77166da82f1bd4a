// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { auditEntry as entry } from '../../test-support/fixtures.ts';
import { auditActionTone, auditTargetLink, compactDetails } from './audit-format.ts';

describe('audit entries', () => {
  it('shows details as compact JSON, nothing when empty', () => {
    expect(compactDetails({ name: 'Billing', events: ['member.*'] })).toBe('{"name":"Billing","events":["member.*"]}');
    expect(compactDetails({})).toBe('');
    expect(compactDetails(null)).toBe('');
  });

  it('colours actions by what they did', () => {
    expect(auditActionTone('webhook.created')).toBe('green');
    expect(auditActionTone('webhook.enabled')).toBe('green');
    expect(auditActionTone('apiKey.revoked')).toBe('red');
    expect(auditActionTone('user.deleted')).toBe('red');
    expect(auditActionTone('delivery.bulkRetried')).toBe('amber');
    expect(auditActionTone('event.replayed')).toBe('amber');
    expect(auditActionTone('webhook.updated')).toBe('blue');
  });

  it('links targets that can still be opened', () => {
    expect(auditTargetLink(entry({}))).toBe('/webhooks/wh_1');
    expect(auditTargetLink(entry({ action: 'webhook.deleted' }))).toBeNull();
    expect(auditTargetLink(entry({ action: 'delivery.retried', targetType: 'delivery', targetId: 'dlv_1' }))).toBe('/deliveries?id=dlv_1');
    expect(auditTargetLink(entry({ action: 'delivery.bulkRetried', targetType: 'delivery', targetId: '*' }))).toBeNull();
    expect(auditTargetLink(entry({ action: 'event.replayed', targetType: 'event', targetId: 'evt_1' }))).toBe('/events?id=evt_1');
    expect(auditTargetLink(entry({ action: 'user.created', targetType: 'user', targetId: 'usr_2', communityId: null }))).toBeNull();
  });
});
