// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/client.ts';
import type { EventType, Webhook } from '../../api/types.ts';
import { acmeCommunities as communities, genericHttpPlugin as genericHttp } from '../../test-support/fixtures.ts';
import { describeRetrySchedule, formatDuration, formatRetrySchedule, parseDuration, parseRetrySchedule } from './retry-schedule.ts';
import { WebhookForm } from './webhook-form.tsx';
import { emptyFormValues, formValuesFrom, toCreateInput, toPatch, type WebhookFormValues } from './webhook-form-model.ts';

const eventTypes: EventType[] = [{ type: 'member.created', source: 'internal', description: 'A member joined', samplePayload: {} }];

const webhook: Webhook = {
  id: 'wh_1',
  communityId: 'cmt_1',
  name: 'Billing',
  connector: 'generic-http',
  url: 'https://example.com/hooks',
  events: ['member.created'],
  active: true,
  disabledReason: null,
  settings: {},
  pluginSecrets: {},
  signingSecrets: [],
  retrySchedule: [0, 60_000, 300_000, 900_000],
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
};

describe('retry schedule text', () => {
  it('parses durations with units, and bare numbers as milliseconds, like the server', () => {
    expect(parseDuration('0')).toBe(0);
    expect(parseDuration('250ms')).toBe(250);
    expect(parseDuration('30s')).toBe(30_000);
    expect(parseDuration(' 5 m ')).toBe(300_000);
    expect(parseDuration('1.5h')).toBe(5_400_000);
    expect(parseDuration('1500')).toBe(1500);
    expect(parseDuration('5M')).toBe(300_000);
    expect(parseDuration('5 minutes')).toBeNull();
    expect(parseDuration('-1s')).toBeNull();
    expect(parseDuration('')).toBeNull();
  });

  it('parses a comma-separated schedule; empty is the hub default', () => {
    expect(parseRetrySchedule('0, 1m, 5m, 15m')).toEqual({ ok: true, value: [0, 60_000, 300_000, 900_000] });
    expect(parseRetrySchedule('0,30s,')).toEqual({ ok: true, value: [0, 30_000] });
    expect(parseRetrySchedule('')).toEqual({ ok: true, value: null });
    expect(parseRetrySchedule('  ,  ')).toEqual({ ok: true, value: null });
  });

  it('refuses what the server refuses, naming the bad entry', () => {
    expect(parseRetrySchedule('0, 5 minutes')).toEqual({ ok: false, message: expect.stringContaining('"5 minutes" is not a duration') });
    expect(parseRetrySchedule('0, 8d')).toMatchObject({ ok: false });
    expect(parseRetrySchedule('0, 169h')).toEqual({ ok: false, message: '"169h" is longer than 7 days' });
    expect(parseRetrySchedule('168h')).toEqual({ ok: true, value: [604_800_000] });
    expect(parseRetrySchedule(Array.from({ length: 21 }, () => '1s').join(','))).toEqual({ ok: false, message: 'At most 20 attempts (this has 21)' });
  });

  it('shows the milliseconds the server returns as durations, in the largest whole unit', () => {
    expect(formatDuration(0)).toBe('0');
    expect(formatDuration(250)).toBe('250ms');
    expect(formatDuration(1500)).toBe('1500ms');
    expect(formatDuration(90_000)).toBe('90s');
    expect(formatDuration(300_000)).toBe('5m');
    expect(formatDuration(7_200_000)).toBe('2h');
    expect(formatRetrySchedule([0, 60_000, 300_000, 900_000])).toBe('0, 1m, 5m, 15m');
    expect(formatRetrySchedule(null)).toBe('');
    expect(formatRetrySchedule([])).toBe('');
  });

  it('round-trips: format(parse(text)) is stable', () => {
    for (const text of ['0, 1m, 5m, 15m', '0, 90s, 2h', '250ms, 1s']) {
      const parsed = parseRetrySchedule(text);
      expect(parsed.ok && formatRetrySchedule(parsed.value)).toBe(text);
    }
  });

  it('summarises the schedule for the collapsed section', () => {
    expect(describeRetrySchedule('')).toBe('Hub default');
    expect(describeRetrySchedule('0, 1m, 5m, 15m')).toBe('4 attempts over 21m');
    expect(describeRetrySchedule('0, 1h, 30m, 90s')).toBe('4 attempts over 1h 31m');
    expect(describeRetrySchedule('0')).toBe('1 attempt');
    expect(describeRetrySchedule('soon')).toBe('Not valid yet');
  });

  it('goes into the request bodies: milliseconds when set, omitted on create and null on edit when empty', () => {
    const values = (changes: Partial<WebhookFormValues>): WebhookFormValues => ({
      ...emptyFormValues('cmt_1', genericHttp),
      name: 'Billing',
      url: 'https://example.com/hooks',
      events: ['*'],
      ...changes,
    });
    expect(toCreateInput(values({ retrySchedule: '0, 1m' }), genericHttp).retrySchedule).toEqual([0, 60_000]);
    expect(toCreateInput(values({ retrySchedule: '' }), genericHttp)).not.toHaveProperty('retrySchedule');
    expect(toPatch(values({ retrySchedule: '5s' }), genericHttp).retrySchedule).toEqual([5000]);
    expect(toPatch(values({ retrySchedule: '' }), genericHttp).retrySchedule).toBeNull();
    // Unchanged against the saved webhook: not sent.
    expect(toPatch(values({ retrySchedule: '0, 60s, 5m, 15m' }), genericHttp, webhook)).not.toHaveProperty('retrySchedule');
    expect(toPatch(values({ retrySchedule: '' }), genericHttp, { retrySchedule: null })).not.toHaveProperty('retrySchedule');
    expect(toPatch(values({ retrySchedule: '' }), genericHttp, webhook).retrySchedule).toBeNull();
    expect(formValuesFrom(webhook, genericHttp).retrySchedule).toBe('0, 1m, 5m, 15m');
    expect(formValuesFrom({ ...webhook, retrySchedule: null }, genericHttp).retrySchedule).toBe('');
  });
});

describe('<WebhookForm> retry schedule', () => {
  beforeEach(() => {
    window.scrollTo = vi.fn();
  });
  afterEach(cleanup);

  const fill = () => {
    fireEvent.input(screen.getByLabelText('Name'), { target: { value: 'Billing' } });
    fireEvent.input(screen.getByLabelText('Endpoint URL'), { target: { value: 'https://example.com/hooks' } });
    fireEvent.click(screen.getByRole('checkbox', { name: /^All events/ }));
  };

  it('is collapsed by default, with a summary, and opens on request', () => {
    render(<WebhookForm sinks={[genericHttp]} eventTypes={eventTypes} communities={communities} onSubmit={vi.fn()} onCancel={vi.fn()} />);
    const toggle = screen.getByRole('button', { name: 'Advanced' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByLabelText('Retry schedule')).not.toBeInTheDocument();
    expect(screen.getByText('Hub default')).toBeInTheDocument();
    fireEvent.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByLabelText('Retry schedule')).toHaveValue('');
  });

  it('shows the saved schedule as durations when editing', () => {
    render(<WebhookForm sinks={[genericHttp]} eventTypes={eventTypes} communities={communities} webhook={webhook} onSubmit={vi.fn()} onCancel={vi.fn()} />);
    expect(screen.getByText('4 attempts over 21m')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Advanced' }));
    expect(screen.getByLabelText('Retry schedule')).toHaveValue('0, 1m, 5m, 15m');
    fireEvent.click(screen.getByRole('button', { name: 'Use hub default' }));
    expect(screen.getByLabelText('Retry schedule')).toHaveValue('');
  });

  it('blocks a bad schedule with a message under the field, and submits a good one', async () => {
    const onSubmit = vi.fn(async () => undefined);
    render(<WebhookForm sinks={[genericHttp]} eventTypes={eventTypes} communities={communities} onSubmit={onSubmit} onCancel={vi.fn()} />);
    fill();
    fireEvent.click(screen.getByRole('button', { name: 'Advanced' }));
    fireEvent.input(screen.getByLabelText('Retry schedule'), { target: { value: '0, soon' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create webhook' }));
    expect(await screen.findByText(/"soon" is not a duration/)).toHaveAttribute('id', 'webhook-retry-schedule-error');
    expect(onSubmit).not.toHaveBeenCalled();

    fireEvent.input(screen.getByLabelText('Retry schedule'), { target: { value: '0, 30s, 5m' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create webhook' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    const [submitted] = onSubmit.mock.calls[0] as unknown as [WebhookFormValues];
    expect(toCreateInput(submitted, genericHttp).retrySchedule).toEqual([0, 30_000, 300_000]);
  });

  it('opens the collapsed section to show a server 422 on the schedule', async () => {
    render(
      <WebhookForm
        sinks={[genericHttp]}
        eventTypes={eventTypes}
        communities={communities}
        onSubmit={vi.fn(async () => {
          throw new ApiError(422, 'validation_failed', 'retrySchedule.0: too long', [{ path: 'retrySchedule.0', message: 'each delay must be a duration between 0 and 7 days' }]);
        })}
        onCancel={vi.fn()}
      />,
    );
    fill();
    expect(screen.queryByLabelText('Retry schedule')).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Create webhook' }));
    expect(await screen.findByText('each delay must be a duration between 0 and 7 days')).toHaveAttribute('id', 'webhook-retry-schedule-error');
    expect(screen.getByRole('button', { name: 'Advanced' })).toHaveAttribute('aria-expanded', 'true');
  });
});
