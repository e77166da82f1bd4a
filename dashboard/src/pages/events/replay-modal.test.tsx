// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api } from '../../api/client.ts';
import type { Delivery, HubEvent, Webhook } from '../../api/types.ts';
import { ToastProvider } from '../../components/toast.tsx';
import { ReplayModal, matchingWebhooks } from './replay-modal.tsx';

const event: HubEvent = {
  id: 'evt_1',
  type: 'member.created',
  source: 'api',
  communityId: 'acme',
  occurredAt: '2026-01-01T00:00:00Z',
  receivedAt: '2026-01-01T00:00:00Z',
  payload: '{}',
  processed: true,
};

const hook = (id: string, changes: Partial<Webhook> = {}): Webhook => ({
  id,
  communityId: 'acme',
  name: `Hook ${id}`,
  connector: 'generic-http',
  url: 'https://example.com',
  events: ['member.*'],
  active: true,
  disabledReason: null,
  settings: {},
  pluginSecrets: {},
  signingSecrets: [],
  retrySchedule: null,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  ...changes,
});

const webhooks = [hook('wh_a'), hook('wh_b', { events: ['github.push'] }), hook('wh_c', { active: false }), hook('wh_other', { communityId: 'other', events: ['*'] })];
const delivery = { id: 'dlv_1' } as Delivery;

describe('<ReplayModal>', () => {
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });

  const renderModal = (onReplayed = vi.fn()) => {
    render(
      <ToastProvider>
        <ReplayModal event={event} webhooks={webhooks} onClose={vi.fn()} onReplayed={onReplayed} />
      </ToastProvider>,
    );
    return onReplayed;
  };

  it('knows which active webhooks of the community match', () => {
    expect(matchingWebhooks(event, webhooks).map((webhook) => webhook.id)).toEqual(['wh_a']);
  });

  it('replays to all matching webhooks and toasts the number of deliveries', async () => {
    const replay = vi.spyOn(api.events, 'replay').mockResolvedValue({ deliveries: [delivery, { ...delivery, id: 'dlv_2' }] });
    const onReplayed = renderModal();
    expect(screen.getByText('1 active webhook: Hook wh_a')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Replay' }));
    expect(await screen.findByText('Replay queued: 2 deliveries')).toBeInTheDocument();
    expect(replay).toHaveBeenCalledWith('evt_1', undefined);
    expect(onReplayed).toHaveBeenCalledTimes(1);
  });

  it('replays to one webhook of the community, chosen from a select', async () => {
    const replay = vi.spyOn(api.events, 'replay').mockResolvedValue({ deliveries: [delivery] });
    renderModal();
    fireEvent.click(screen.getByRole('radio', { name: /One webhook/ }));
    const select = screen.getByLabelText('Webhook');
    expect([...select.querySelectorAll('option')].map((option) => option.textContent)).toEqual([
      'Choose a webhook…',
      'Hook wh_a',
      'Hook wh_b',
      'Hook wh_c (disabled)',
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Replay' }));
    expect(await screen.findByText('Choose a webhook')).toBeInTheDocument();
    expect(replay).not.toHaveBeenCalled();
    fireEvent.change(select, { target: { value: 'wh_b' } });
    fireEvent.click(screen.getByRole('button', { name: 'Replay' }));
    expect(await screen.findByText('Replay queued: 1 delivery')).toBeInTheDocument();
    expect(replay).toHaveBeenCalledWith('evt_1', 'wh_b');
  });

  it('keeps the dialog open with the error when the server refuses', async () => {
    vi.spyOn(api.events, 'replay').mockRejectedValue(new ApiError(403, 'forbidden', 'your role cannot write in this community'));
    const onReplayed = renderModal();
    fireEvent.click(screen.getByRole('button', { name: 'Replay' }));
    await waitFor(() => expect(screen.getAllByText('your role cannot write in this community').length).toBeGreaterThan(0));
    expect(screen.getByRole('dialog', { name: 'Replay event' })).toBeInTheDocument();
    expect(onReplayed).not.toHaveBeenCalled();
  });
});
