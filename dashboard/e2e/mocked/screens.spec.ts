import { expect, test, type Page } from '@playwright/test';
import { screenshot } from '../env.ts';
import { mockApi } from './mock-api.ts';

/**
 * The built dashboard against an in-page API stub: every page renders, the main flows work, and
 * a screenshot of each lands in e2e/screenshots/ for a human to look at.
 */

const shot = (page: Page, name: string, fullPage = false) => screenshot(page, name, { fullPage });

test('sign in, with a server error first', async ({ page }) => {
  await mockApi(page, { signedIn: false });
  await page.goto('/#/webhooks');
  await expect(page.getByRole('heading', { name: 'Sign in to Event Hub' })).toBeVisible();
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('Enter your email')).toBeVisible();
  await page.getByLabel('Email').fill('admin@example.com');
  await page.getByLabel('Password').fill('wrong');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('Invalid email or password')).toBeVisible();
  await shot(page, '01-login-error');
  await page.getByLabel('Password').fill('correct horse');
  await page.getByRole('button', { name: 'Sign in' }).click();
  // Back where the person was going.
  await expect(page.getByRole('heading', { name: 'Webhooks', exact: true })).toBeVisible();
  await expect(page.getByTestId('current-user')).toHaveText('admin@example.com');
});

test('overview with stats, and without', async ({ page }) => {
  await mockApi(page);
  await page.goto('/#/');
  await expect(page.getByTestId('stats')).toBeVisible();
  await expect(page.getByText('98.6%')).toBeVisible();
  await shot(page, '02-overview', true);

  await page.unrouteAll({ behavior: 'wait' });
  await mockApi(page, { noStats: true });
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Recent deliveries' })).toBeVisible();
  await expect(page.getByTestId('stats')).toHaveCount(0);
  await shot(page, '03-overview-no-stats');
});

test('empty states', async ({ page }) => {
  await mockApi(page, { empty: true });
  await page.goto('/#/webhooks');
  await expect(page.getByText('No webhooks yet')).toBeVisible();
  await shot(page, '04-webhooks-empty');
  await page.getByRole('link', { name: 'Deliveries' }).click();
  await expect(page.getByText('No deliveries yet')).toBeVisible();
  await shot(page, '05-deliveries-empty');
});

test('webhooks list: toggle, test, delete with confirmation', async ({ page }) => {
  const api = await mockApi(page);
  await page.goto('/#/webhooks');
  await expect(page.getByTestId('webhook-row')).toHaveCount(4);
  await expect(page.getByText('Discord channel')).toBeVisible();
  await expect(page.getByText(/Disabled after 5 failed deliveries/)).toBeVisible();
  await shot(page, '06-webhooks-list');

  const billing = page.getByTestId('webhook-row').filter({ hasText: 'Billing service' });
  await billing.getByRole('button', { name: 'Send test' }).click();
  await expect(billing.getByText(/Test OK · HTTP 200 in \d+ ms/)).toBeVisible();
  await page.getByRole('switch', { name: 'Active: Billing service' }).click();
  await expect(page.getByRole('switch', { name: 'Active: Billing service' })).toHaveAttribute('aria-checked', 'false');
  await expect(page.getByText('Billing service disabled')).toBeVisible();
  await shot(page, '07-webhooks-after-actions');

  await page.getByRole('button', { name: 'Delete Ops alerts' }).click();
  await expect(page.getByRole('dialog', { name: 'Delete Ops alerts?' })).toBeVisible();
  await shot(page, '08-delete-confirm');
  await page.getByRole('button', { name: 'Delete webhook' }).click();
  await expect(page.getByTestId('webhook-row')).toHaveCount(3);

  // Billing (just disabled) and CI notifier (disabled by the hub) remain disabled.
  await page.getByLabel('Status').selectOption('false');
  await expect(page.getByTestId('webhook-row')).toHaveCount(2);
  expect(api.csrfViolations).toEqual([]);
});

test('create a signed webhook: validation, server errors, one-time secret', async ({ page }) => {
  const api = await mockApi(page);
  await page.goto('/#/webhooks/new');
  await expect(page.getByRole('heading', { name: 'New webhook' })).toBeVisible();
  await page.getByRole('button', { name: 'Create webhook' }).click();
  await expect(page.getByText('Give the webhook a name')).toBeVisible();
  await expect(page.getByText('Enter the URL to deliver to')).toBeVisible();
  await expect(page.getByText('Select at least one event')).toBeVisible();
  await expect(page.getByText('Choose a community', { exact: true })).toBeVisible();
  await shot(page, '09-webhook-form-errors', true);

  await page.getByLabel('Name', { exact: true }).fill('Local receiver');
  await page.getByLabel('Community', { exact: true }).selectOption('cmt_acme');
  await page.getByLabel('Endpoint URL').fill('http://localhost:9000/hook');
  await expect(page.getByText(/Plain http:\/\/ is refused/)).toBeVisible();
  await page.getByRole('checkbox', { name: /^member\.\*/ }).check();
  await expect(page.getByRole('checkbox', { name: /^member\.created/ })).toBeDisabled();
  await page.getByRole('checkbox', { name: /^event\.created/ }).check();
  await page.getByRole('button', { name: 'Create webhook' }).click();
  await expect(page.getByText('This address is blocked: it resolves to a private network')).toBeVisible();
  await shot(page, '10-webhook-form-server-error', true);

  await page.getByLabel('Endpoint URL').fill('https://example.com/hooks');
  await page.getByRole('button', { name: 'Create webhook' }).click();
  const dialog = page.getByRole('dialog', { name: 'Save your signing secret' });
  await expect(dialog.getByTestId('one-time-secret')).toHaveText(/^whsec_/);
  await shot(page, '11-secret-modal');
  await dialog.getByRole('button', { name: 'I have saved it' }).click();
  await expect(page.getByTestId('webhook-row').filter({ hasText: 'Local receiver' })).toBeVisible();
  expect(api.webhooks[0]?.events).toEqual(['member.*', 'event.created']);
});

test('Discord connector: settings and secrets rendered from its JSON Schema', async ({ page }) => {
  const api = await mockApi(page);
  await page.goto('/#/webhooks/new');
  await page.getByRole('radio', { name: /Discord/ }).click();
  await expect(page.getByLabel('Endpoint URL')).toHaveCount(0);
  await expect(page.getByLabel('Bot name')).toBeVisible();
  await expect(page.getByLabel('Message style')).toBeVisible();
  await expect(page.getByLabel('Allow @mentions')).toBeVisible();
  await expect(page.getByText('member.created', { exact: true }).last()).toBeVisible();
  await expect(page.getByLabel('Discord webhook URL')).toHaveAttribute('type', 'password');
  await shot(page, '12-webhook-form-discord', true);

  await page.goto('/#/webhooks/wh_discord');
  await expect(page.getByLabel('Bot name')).toHaveValue('Acme Bot');
  await expect(page.getByLabel('Discord webhook URL')).toHaveValue('');
  await expect(page.getByText('Set', { exact: true })).toBeVisible();
  await shot(page, '13-webhook-edit-discord', true);
  await page.getByLabel('Bot name').fill('Acme Announcer');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Changes saved')).toBeVisible();
  expect(api.webhooks.find((webhook) => webhook.id === 'wh_discord')?.settings['username']).toBe('Acme Announcer');
});

test('deliveries: filters, detail drawer, retry', async ({ page }) => {
  await mockApi(page);
  await page.goto('/#/deliveries');
  await expect(page.getByTestId('delivery-row')).toHaveCount(8);
  await shot(page, '14-deliveries');
  await page.getByLabel('Status').selectOption('dead');
  await expect(page.getByTestId('delivery-row')).toHaveCount(2);
  await page.getByTestId('delivery-row').first().click();
  const drawer = page.getByRole('dialog');
  await expect(drawer.getByText('Attempt 4')).toBeVisible();
  await expect(drawer.getByText('HTTP 410 Gone: endpoint removed').first()).toBeVisible();
  await drawer.getByText('Response body').first().click();
  await shot(page, '15-delivery-drawer');
  await drawer.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByText('Retry queued')).toBeVisible();
});

test('events and API keys', async ({ page }) => {
  await mockApi(page);
  await page.goto('/#/events');
  await expect(page.getByTestId('event-row')).toHaveCount(6);
  await shot(page, '16-events');
  await page.getByTestId('event-row').nth(1).click();
  await expect(page.getByRole('dialog').getByText('Community announcements')).toBeVisible();
  await shot(page, '17-event-drawer');

  await page.goto('/#/api-keys');
  await expect(page.getByText('Members service')).toBeVisible();
  await shot(page, '18-api-keys');
  await page.getByRole('button', { name: 'New API key' }).click();
  await page.getByLabel('Name').fill('Zapier bridge');
  await page.getByLabel('Community').selectOption('cmt_acme');
  await shot(page, '19-api-key-create');
  await page.getByRole('button', { name: 'Create key' }).click();
  await expect(page.getByRole('dialog', { name: 'Save your API key' }).getByTestId('one-time-secret')).toHaveText(/^hub_live_/);
  await shot(page, '20-api-key-secret');
});

test('a 401 from a live refresh sends the person to the login page, and back after sign-in', async ({ page }) => {
  const api = await mockApi(page);
  await page.goto('/#/deliveries?status=dead');
  await expect(page.getByTestId('delivery-row').first()).toBeVisible();
  api.expireSession();
  await expect(page.getByText('Your session ended. Sign in again to continue.')).toBeVisible();
  await shot(page, '21-session-expired');
  await page.getByLabel('Email').fill('admin@example.com');
  await page.getByLabel('Password').fill('correct horse');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Deliveries', exact: true })).toBeVisible();
  await expect(page.getByLabel('Status')).toHaveValue('dead');
});

test('log out', async ({ page }) => {
  await mockApi(page);
  await page.goto('/#/');
  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to Event Hub' })).toBeVisible();
});

test('bulk retry, replay and the retry schedule', async ({ page }) => {
  await mockApi(page);
  await page.goto('/#/deliveries');
  await expect(page.getByTestId('delivery-row')).toHaveCount(8);
  await page.getByRole('button', { name: 'Retry all failed' }).click();
  const bulk = page.getByRole('dialog', { name: 'Retry 2 failed deliveries?' });
  await expect(bulk.getByText('All 2 failed deliveries get a new attempt now.')).toBeVisible();
  await shot(page, '22-retry-all-confirm');
  await bulk.getByRole('button', { name: 'Retry all' }).click();
  await expect(page.getByText('Retry queued for 2 deliveries')).toBeVisible();
  await page.getByLabel('Status').selectOption('dead');
  await expect(page.getByText('No deliveries match these filters')).toBeVisible();

  await page.goto('/#/events?id=evt_01J9Z6');
  const drawer = page.getByRole('dialog', { name: 'member.created' });
  await drawer.getByRole('button', { name: 'Replay' }).click();
  const replay = page.getByRole('dialog', { name: 'Replay event' });
  await expect(replay.getByText('2 active webhooks: Billing service, Community announcements')).toBeVisible();
  await shot(page, '23-replay-modal');
  await replay.getByRole('button', { name: 'Replay' }).click();
  await expect(page.getByText('Replay queued: 2 deliveries')).toBeVisible();

  await page.goto('/#/webhooks/wh_billing');
  await page.getByRole('button', { name: 'Advanced' }).click();
  await page.getByLabel('Retry schedule').fill('0, 10s, soon');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('"soon" is not a duration')).toBeVisible();
  await shot(page, '24-webhook-retry-schedule', true);
});

test('audit log: filters, load more, and the admins-only state', async ({ page }) => {
  await mockApi(page);
  await page.goto('/#/audit');
  await expect(page.getByTestId('audit-row')).toHaveCount(50);
  await shot(page, '25-audit-log');
  await page.getByRole('button', { name: 'Load more' }).click();
  await expect(page.getByTestId('audit-row')).toHaveCount(62);
  await page.getByLabel('Action').selectOption('delivery.bulkRetried');
  await expect(page.getByTestId('audit-row')).toHaveCount(9);
  await page.getByLabel('Target id').fill('nothing-here');
  await page.getByLabel('Target id').press('Enter');
  await expect(page.getByText('No entries match these filters')).toBeVisible();

  await page.unrouteAll({ behavior: 'wait' });
  await mockApi(page, { viewer: true });
  await page.goto('/#/audit');
  await page.reload();
  await expect(page.getByText('Admins only')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Users' })).toHaveCount(0);
  await shot(page, '26-audit-admins-only');
  await page.goto('/#/users');
  await expect(page.getByText('Instance owners only')).toBeVisible();
});

test('users and communities', async ({ page }) => {
  await mockApi(page);
  await page.goto('/#/users');
  await expect(page.getByTestId('user-row')).toHaveCount(3);
  await expect(page.getByText('Acme Community · Admin')).toBeVisible();
  await shot(page, '27-users');

  await page.getByRole('button', { name: 'Edit grace@acme.dev' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit Grace Hopper' });
  await edit.getByLabel('Role 2', { exact: true }).selectOption('admin');
  await edit.getByRole('button', { name: 'Add a community' }).click();
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(edit.getByText('Choose a community', { exact: true })).toBeVisible();
  await shot(page, '28-user-edit');
  await edit.getByRole('button', { name: 'Remove role 3' }).click();
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Changes saved')).toBeVisible();
  await expect(page.getByText('Design Guild · Admin')).toBeVisible();

  await page.getByRole('button', { name: 'New community' }).click();
  const community = page.getByRole('dialog', { name: 'New community' });
  await community.getByLabel('Name').fill('Robotics Club');
  await expect(community.getByLabel('ID')).toHaveValue('robotics-club');
  await shot(page, '29-community-create');
  await community.getByRole('button', { name: 'Create community' }).click();
  await expect(page.getByTestId('community-row').filter({ hasText: 'Robotics Club' })).toBeVisible();

  await page.getByRole('button', { name: 'Delete linus@guild.example' }).click();
  await page.getByRole('button', { name: 'Delete user' }).click();
  await expect(page.getByTestId('user-row')).toHaveCount(2);
});
