// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import * as v from 'valibot';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/client.ts';
import type { EventType, Plugin } from '../../api/types.ts';
import { acmeCommunities as communities, genericHttpPlugin as genericHttp } from '../../test-support/fixtures.ts';
import { groupEventTypes, togglePattern } from './event-patterns.ts';
import { WebhookForm } from './webhook-form.tsx';
import {
  emptyFormValues,
  formFieldNames,
  isSigningSecret,
  matchIssuesToFields,
  toCreateInput,
  urlWarning,
  webhookFormSchema,
  type WebhookFormValues,
} from './webhook-form-model.ts';


const discord: Plugin = {
  ...genericHttp,
  id: 'discord',
  name: 'Discord',
  description: 'Post to a channel',
  icon: 'discord',
  requiresUrl: false,
  settingsSchema: { type: 'object', properties: { username: { type: 'string', 'x-ui': { label: 'Bot name' } } } },
  secretsSchema: { type: 'object', properties: { webhookUrl: { type: 'string', format: 'uri', 'x-ui': { label: 'Discord webhook URL', secret: true } } }, required: ['webhookUrl'] },
  secretFields: ['webhookUrl'],
};

const eventTypes: EventType[] = [
  { type: 'member.created', source: 'internal', description: 'A member joined', samplePayload: {} },
  { type: 'member.activated', source: 'internal', description: 'A member confirmed', samplePayload: {} },
  { type: 'github.push', source: 'github', description: 'Commits pushed', samplePayload: {} },
];


const values = (changes: Partial<WebhookFormValues>): WebhookFormValues => ({ ...emptyFormValues('cmt_1', genericHttp), name: 'Billing', ...changes });

function issues(plugin: Plugin, input: WebhookFormValues): Record<string, string> {
  // Like the react-hook-form resolver: the first problem per field.
  const result = v.safeParse(webhookFormSchema({ plugin, requireCommunity: false }), input, { abortPipeEarly: true });
  return Object.fromEntries((result.issues ?? []).map((issue) => [v.getDotPath(issue) ?? '', issue.message]));
}

describe('webhook form rules', () => {
  it('requires a URL only for connectors that deliver to one', () => {
    expect(issues(genericHttp, values({ url: '', events: ['*'] }))).toEqual({ url: 'Enter the URL to deliver to' });
    expect(issues(discord, values({ connector: 'discord', url: '', events: ['*'], secrets: { webhookUrl: 'https://discord.com/api/webhooks/1/a' } }))).toEqual({});
  });

  it('needs a real http(s) URL, and warns (without blocking) about plain http', () => {
    expect(issues(genericHttp, values({ url: 'ftp://example.com/x', events: ['*'] }))).toEqual({ url: 'Enter a full URL, e.g. https://example.com/webhooks' });
    expect(issues(genericHttp, values({ url: 'example.com/hook', events: ['*'] }))).toHaveProperty('url');
    expect(issues(genericHttp, values({ url: 'http://127.0.0.1:9000/hook', events: ['*'] }))).toEqual({});
    expect(urlWarning('http://127.0.0.1:9000/hook')).toMatch(/Plain http:\/\/ is refused/);
    expect(urlWarning('https://example.com/hook')).toBeUndefined();
  });

  it('needs at least one event', () => {
    expect(issues(genericHttp, values({ url: 'https://example.com', events: [] }))).toEqual({ events: 'Select at least one event' });
  });

  it('accepts an empty signing secret (generated) or a well-formed whsec_ one', () => {
    expect(isSigningSecret('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw')).toBe(true);
    expect(isSigningSecret('whsec_c2hvcnQ=')).toBe(false);
    expect(isSigningSecret('sk_live_abc')).toBe(false);
    expect(issues(genericHttp, values({ url: 'https://example.com', events: ['*'], secret: 'nope' }))).toHaveProperty('secret');
  });

  it('validates plugin secrets and lets an already-set one stay empty on edit', () => {
    const input = values({ connector: 'discord', events: ['*'], secrets: { webhookUrl: '' } });
    expect(issues(discord, input)).toEqual({ 'secrets.webhookUrl': 'Discord webhook URL is required' });
    const result = v.safeParse(webhookFormSchema({ plugin: discord, requireCommunity: false, secretStatus: { webhookUrl: { set: true } } }), input);
    expect(result.success).toBe(true);
  });

  it('builds the request: no URL for chat connectors, secrets only when typed', () => {
    const body = toCreateInput(values({ connector: 'discord', url: 'https://ignored', events: ['member.*'], settings: { username: '' }, secrets: { webhookUrl: 'https://discord.com/api/webhooks/1/a' } }), discord);
    expect(body).toEqual({
      name: 'Billing',
      communityId: 'cmt_1',
      connector: 'discord',
      events: ['member.*'],
      settings: {},
      secrets: { webhookUrl: 'https://discord.com/api/webhooks/1/a' },
      active: true,
    });
    expect(toCreateInput(values({ url: ' https://example.com/h ', events: ['*'] }), genericHttp)).not.toHaveProperty('secret');
  });

  it('maps server issues onto form fields', () => {
    const { matched, unmatched } = matchIssuesToFields(
      [
        { path: 'events.1', message: 'Unknown event type' },
        { path: 'secrets.webhookUrl', message: 'Not a Discord webhook URL' },
        { path: 'retrySchedule.2', message: 'each delay must be a duration between 0 and 7 days' },
        { path: 'active', message: 'active must be true or false' },
      ],
      formFieldNames(discord),
    );
    expect(matched).toEqual([
      { name: 'events', message: 'Unknown event type' },
      { name: 'secrets.webhookUrl', message: 'Not a Discord webhook URL' },
      { name: 'retrySchedule', message: 'each delay must be a duration between 0 and 7 days' },
    ]);
    expect(unmatched).toEqual([{ path: 'active', message: 'active must be true or false' }]);
  });

  it('groups the catalog by source, with a wildcard for each family of several types', () => {
    expect(groupEventTypes(eventTypes).map((group) => [group.source, group.families.map((family) => [family.wildcard, family.types.map((t) => t.type)])])).toEqual([
      ['internal', [['member.*', ['member.activated', 'member.created']]]],
      ['github', [[null, ['github.push']]]],
    ]);
  });

  it('collapses patterns a wildcard covers', () => {
    expect(togglePattern(['member.created', 'github.push'], 'member.*')).toEqual(['github.push', 'member.*']);
    expect(togglePattern(['member.*', 'github.push'], '*')).toEqual(['*']);
    expect(togglePattern(['member.*'], 'member.*')).toEqual([]);
  });
});

describe('<WebhookForm>', () => {
  beforeEach(() => {
    window.scrollTo = vi.fn();
  });
  afterEach(cleanup);

  const renderForm = (onSubmit = vi.fn(async () => undefined)) => {
    render(<WebhookForm sinks={[genericHttp, discord]} eventTypes={eventTypes} communities={communities} onSubmit={onSubmit} onCancel={vi.fn()} />);
    return onSubmit;
  };

  it('shows what is missing and does not submit', async () => {
    const onSubmit = renderForm();
    fireEvent.click(screen.getByRole('button', { name: 'Create webhook' }));
    expect(await screen.findByText('Give the webhook a name')).toBeInTheDocument();
    expect(screen.getByText('Enter the URL to deliver to')).toBeInTheDocument();
    expect(screen.getByText('Select at least one event')).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('submits a generic webhook with its URL and two events', async () => {
    const onSubmit = renderForm();
    fireEvent.input(screen.getByLabelText('Name'), { target: { value: 'Billing' } });
    fireEvent.input(screen.getByLabelText('Endpoint URL'), { target: { value: 'https://example.com/hooks' } });
    fireEvent.click(screen.getByRole('checkbox', { name: /^member\.created/ }));
    fireEvent.click(screen.getByRole('checkbox', { name: /^github\.push/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Create webhook' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    const [submitted, plugin] = onSubmit.mock.calls[0] as unknown as [WebhookFormValues, Plugin];
    expect(plugin.id).toBe('generic-http');
    expect(submitted).toMatchObject({ name: 'Billing', url: 'https://example.com/hooks', events: ['member.created', 'github.push'], communityId: 'cmt_1' });
  });

  it('hides the URL for Discord and asks for its secret instead', async () => {
    const onSubmit = renderForm();
    fireEvent.click(screen.getByRole('radio', { name: /Discord/ }));
    expect(screen.queryByLabelText('Endpoint URL')).not.toBeInTheDocument();
    expect(screen.getByLabelText('Bot name')).toBeInTheDocument();
    fireEvent.input(screen.getByLabelText('Name'), { target: { value: 'Announcements' } });
    fireEvent.click(screen.getByRole('checkbox', { name: /^All events/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Create webhook' }));
    expect(await screen.findByText('Discord webhook URL is required')).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('shows the server 422 details next to the fields they name', async () => {
    renderForm(
      vi.fn(async () => {
        throw new ApiError(422, 'validation_failed', 'The webhook is not valid', [{ path: 'url', message: 'This address is blocked: private network' }]);
      }),
    );
    fireEvent.input(screen.getByLabelText('Name'), { target: { value: 'Local' } });
    fireEvent.input(screen.getByLabelText('Endpoint URL'), { target: { value: 'https://10.0.0.8/hook' } });
    fireEvent.click(screen.getByRole('checkbox', { name: /^All events/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Create webhook' }));
    const banner = await screen.findByText('Could not create the webhook');
    expect(within(banner.closest('[role="alert"]') as HTMLElement).getByText('The webhook is not valid')).toBeInTheDocument();
    const urlError = await screen.findByText('This address is blocked: private network');
    expect(urlError).toHaveAttribute('id', 'webhook-url-error');
  });
});
