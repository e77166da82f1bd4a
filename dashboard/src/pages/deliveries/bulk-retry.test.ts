// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { bulkRetryFilter, countDeliveries, describeBulkRetry } from './bulk-retry.ts';

describe('bulk retry', () => {
  const none = { eventType: '', webhookId: '', since: '', until: '' };

  it('builds the body from the filters on screen; no status means dead on the server', () => {
    expect(bulkRetryFilter(none)).toEqual({});
    expect(bulkRetryFilter({ ...none, status: 'dead' })).toEqual({ status: ['dead'] });
    expect(bulkRetryFilter({ ...none, status: 'retrying', webhookId: 'wh_1', eventType: 'member.created' })).toEqual({
      status: ['retrying'],
      webhookId: 'wh_1',
      eventType: 'member.created',
    });
    expect(bulkRetryFilter({ ...none, since: '2026-01-01T00:00:00.000Z', until: '2026-01-02T00:00:00.000Z' })).toEqual({
      since: '2026-01-01T00:00:00.000Z',
      until: '2026-01-02T00:00:00.000Z',
    });
    // Succeeded deliveries are never retried; the status is not sent (the button is hidden then).
    expect(bulkRetryFilter({ ...none, status: 'succeeded' })).toEqual({});
  });

  it('says how many match when it knows', () => {
    expect(describeBulkRetry('failed', { value: 3, more: false }, [])).toEqual({
      title: 'Retry 3 failed deliveries?',
      message: 'All 3 failed deliveries get a new attempt now.',
    });
    expect(describeBulkRetry('failed', { value: 1, more: false }, ['webhook Billing'])).toEqual({
      title: 'Retry 1 failed delivery?',
      message: 'The failed delivery matching webhook Billing gets a new attempt now.',
    });
    expect(describeBulkRetry('retrying', { value: 200, more: true }, ['event type a.b', 'webhook X']).title).toBe('Retry more than 200 retrying deliveries?');
    expect(describeBulkRetry('failed', null, [])).toEqual({ title: 'Retry all failed deliveries?', message: 'Every failed delivery gets a new attempt now.' });
    expect(countDeliveries(1)).toBe('1 delivery');
    expect(countDeliveries(4)).toBe('4 deliveries');
  });
});
