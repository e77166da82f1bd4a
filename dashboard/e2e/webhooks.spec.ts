import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Page } from '@playwright/test';
import { ADMIN_EMAIL, ADMIN_PASSWORD, screenshot } from './env.ts';

/**
 * Against the real core server (see playwright.config.ts): a fresh data folder, so the hub
 * starts with no webhooks and no deliveries.
 */

const shot = (page: Page, name: string) => screenshot(page, `core-${name}`, { fullPage: true });

/** Close the toasts so a screenshot shows what is under them (they also leave by themselves). */
async function dismissToasts(page: Page) {
  const dismiss = page.getByRole('button', { name: 'Dismiss' });
  await dismiss.evaluateAll((buttons) => buttons.forEach((button) => (button as HTMLButtonElement).click()));
  await expect(dismiss).toHaveCount(0);
}

async function activeSwitch(page: Page, name: string) {
  return page.getByRole('switch', { name: `Active: ${name}` });
}

test('an admin creates a signed webhook, toggles it, and finds the delivery log empty', async ({ page }) => {
  const name = `E2E receiver ${Date.now()}`;

  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Sign in to Event Hub' })).toBeVisible();
  await shot(page, '01-login');
  await page.getByLabel('Email').fill(ADMIN_EMAIL);
  await page.getByLabel('Password').fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('current-user')).toHaveText(ADMIN_EMAIL);
  await shot(page, '02-overview');

  await page.getByRole('link', { name: 'Webhooks' }).click();
  await expect(page.getByText('No webhooks yet')).toBeVisible();
  await shot(page, '03-webhooks-empty');

  await page.getByRole('button', { name: 'New webhook' }).first().click();
  await expect(page.getByRole('heading', { name: 'New webhook' })).toBeVisible();
  await page.getByLabel('Name', { exact: true }).fill(name);
  const community = page.getByLabel('Community', { exact: true });
  if (await community.isVisible()) await community.selectOption({ index: 1 });
  // The generic signed webhook is preselected; it is the connector that asks for a URL.
  await page.getByLabel('Endpoint URL').fill('https://example.com/hub-e2e');
  await page.getByRole('checkbox', { name: /^member\.created\b/ }).check();
  await page.getByRole('checkbox', { name: /^event\.created\b/ }).check();
  // Advanced (collapsed): a retry schedule of its own instead of the hub default.
  await expect(page.getByLabel('Retry schedule')).toHaveCount(0);
  await page.getByRole('button', { name: 'Advanced' }).click();
  await page.getByLabel('Retry schedule').fill('0, 30s, 5m, 1h');
  await expect(page.getByText('4 attempts over 1h 5m')).toBeVisible();
  await shot(page, '04-webhook-form');
  await page.getByRole('button', { name: 'Create webhook' }).click();

  const dialog = page.getByRole('dialog', { name: 'Save your signing secret' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('one-time-secret')).toHaveText(/^whsec_[A-Za-z0-9+/=]+$/);
  await expect(dialog.getByText('This will not be shown again.')).toBeVisible();
  await shot(page, '05-secret-modal');
  await dialog.getByRole('button', { name: 'I have saved it' }).click();

  const row = page.getByTestId('webhook-row').filter({ hasText: name });
  await expect(row).toBeVisible();
  await expect(row.getByText('https://example.com/hub-e2e')).toBeVisible();
  await expect(row.getByText('member.created')).toBeVisible();
  await expect(row.getByText('event.created')).toBeVisible();
  await shot(page, '06-webhooks-list');

  // The server stores milliseconds; the form shows them back as durations.
  await row.getByText(name).click();
  await expect(page.getByRole('heading', { name, exact: true })).toBeVisible();
  await expect(page.getByText('4 attempts over 1h 5m')).toBeVisible();
  await page.getByRole('button', { name: 'Advanced' }).click();
  await expect(page.getByLabel('Retry schedule')).toHaveValue('0, 30s, 5m, 1h');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Webhooks' }).click();

  const toggle = await activeSwitch(page, name);
  await expect(toggle).toHaveAttribute('aria-checked', 'true');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-checked', 'false');
  await page.reload();
  await expect(await activeSwitch(page, name)).toHaveAttribute('aria-checked', 'false');

  await (await activeSwitch(page, name)).click();
  await expect(await activeSwitch(page, name)).toHaveAttribute('aria-checked', 'true');
  await page.reload();
  await expect(await activeSwitch(page, name)).toHaveAttribute('aria-checked', 'true');

  await page.getByRole('link', { name: 'Deliveries' }).click();
  await expect(page.getByRole('heading', { name: 'Deliveries', exact: true })).toBeVisible();
  await expect(page.getByText('No deliveries yet')).toBeVisible();
  await shot(page, '07-deliveries-empty');
});

/** A receiver on loopback (allowed by HUB_ALLOW_PRIVATE_TARGETS=127.0.0.0/8) that fails first, then accepts. */
async function startReceiver(): Promise<{ url: string; server: Server; received: string[] }> {
  const received: string[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      received.push(body);
      response.writeHead(received.length === 1 ? 503 : 200, { 'content-type': 'application/json' });
      response.end(received.length === 1 ? '{"error":"warming up"}' : '{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, server, received };
}

test('a failed test delivery shows its attempt and can be retried by hand', async ({ page }) => {
  const receiver = await startReceiver();
  const name = `Flaky receiver ${Date.now()}`;
  try {
    await page.goto('/#/webhooks/new');
    await page.getByLabel('Email').fill(ADMIN_EMAIL);
    await page.getByLabel('Password').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('heading', { name: 'New webhook' })).toBeVisible();

    await page.getByLabel('Name', { exact: true }).fill(name);
    const community = page.getByLabel('Community', { exact: true });
    if (await community.isVisible()) await community.selectOption({ index: 1 });
    await page.getByLabel('Endpoint URL').fill(receiver.url);
    await expect(page.getByText(/Plain http:\/\/ is refused unless/)).toBeVisible();
    await page.getByRole('checkbox', { name: /^All events/ }).check();
    await page.getByRole('button', { name: 'Create webhook' }).click();
    await page.getByRole('dialog', { name: 'Save your signing secret' }).getByRole('button', { name: 'I have saved it' }).click();

    const row = page.getByTestId('webhook-row').filter({ hasText: name });
    await row.getByRole('button', { name: 'Send test' }).click();
    await expect(row.getByText(/Test failed · HTTP 503/)).toBeVisible();
    expect(JSON.parse(receiver.received[0] ?? '{}')).toMatchObject({ event: 'webhook.test' });

    await page.getByRole('link', { name: 'Deliveries' }).click();
    const delivery = page.getByTestId('delivery-row').filter({ hasText: name });
    await expect(delivery).toHaveCount(1);

    // A failed test is not retried automatically: it is the one failed delivery "Retry all failed" would pick up.
    await page.getByRole('button', { name: 'Retry all failed' }).click();
    const bulk = page.getByRole('dialog', { name: 'Retry 1 failed delivery?' });
    await expect(bulk.getByText('The failed delivery gets a new attempt now.')).toBeVisible();
    await shot(page, '08-retry-all-confirm');
    await bulk.getByRole('button', { name: 'Cancel' }).click();
    await expect(bulk).toHaveCount(0);

    // Time filters go to the server as ISO since/until; nothing was delivered in 2099 yet.
    await page.getByLabel('Since').fill('2099-01-01T00:00');
    await expect(page.getByText('No deliveries match these filters')).toBeVisible();
    await page.getByRole('button', { name: 'Retry all failed' }).click();
    await expect(page.getByText('No failed deliveries to retry')).toBeVisible();
    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await expect(delivery).toHaveCount(1);

    await delivery.click();
    const drawer = page.getByRole('dialog');
    await expect(drawer.getByTestId('delivery-attempt')).toHaveCount(1);
    await expect(drawer.getByText('"event": "webhook.test"')).toBeVisible();
    await shot(page, '09-delivery-drawer');

    await drawer.getByRole('button', { name: 'Retry' }).click();
    await expect(drawer.getByTestId('delivery-attempt')).toHaveCount(2, { timeout: 20_000 });
    await expect(drawer.getByText('Succeeded', { exact: true }).first()).toBeVisible();
    await shot(page, '10-delivery-retried');

    // Replay the test event from the events page, to that one webhook: its delivery gets a third attempt.
    await page.keyboard.press('Escape');
    await page.getByRole('link', { name: 'Events', exact: true }).click();
    await page.getByTestId('event-row').filter({ hasText: 'webhook.test' }).first().click();
    const eventDrawer = page.getByRole('dialog', { name: 'webhook.test' });
    await expect(eventDrawer.getByText('2 attempts')).toBeVisible();
    await eventDrawer.getByRole('button', { name: 'Replay' }).click();
    const replay = page.getByRole('dialog', { name: 'Replay event' });
    await replay.getByRole('radio', { name: /One webhook/ }).check();
    await replay.getByLabel('Webhook', { exact: true }).selectOption({ label: name });
    await shot(page, '11-replay-modal');
    await replay.getByRole('button', { name: 'Replay' }).click();
    await expect(page.getByText('Replay queued: 1 delivery')).toBeVisible();
    await expect(replay).toHaveCount(0);
    await expect(eventDrawer.getByText('3 attempts')).toBeVisible({ timeout: 20_000 });
    await shot(page, '12-event-replayed');

    await eventDrawer.getByRole('link', { name: new RegExp(name) }).click();
    const replayed = page.getByRole('dialog', { name: 'webhook.test' });
    await expect(replayed.getByTestId('delivery-attempt')).toHaveCount(3);
    await expect(replayed.getByTestId('delivery-attempt').first().getByText('replay', { exact: true })).toBeVisible();
    expect(receiver.received).toHaveLength(3);
    await dismissToasts(page);
    await shot(page, '13-delivery-replayed');

    // The audit log has the webhook's creation and the replay.
    await page.keyboard.press('Escape');
    await page.getByRole('link', { name: 'Audit log' }).click();
    await expect(page.getByRole('heading', { name: 'Audit log' })).toBeVisible();
    await expect(page.getByTestId('audit-row').filter({ hasText: 'webhook.created' }).filter({ hasText: name })).toHaveCount(1);
    await expect(page.getByTestId('audit-row').filter({ hasText: 'event.replayed' })).toHaveCount(1);
    await dismissToasts(page);
    await shot(page, '14-audit-log');
    await page.getByLabel('Action').selectOption('webhook.created');
    await expect(page.getByTestId('audit-row').filter({ hasText: 'event.replayed' })).toHaveCount(0);
    await expect(page.getByTestId('audit-row').filter({ hasText: name })).toHaveCount(1);
  } finally {
    receiver.server.close();
  }
});

async function signIn(page: Page, email: string, password: string) {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('current-user')).toHaveText(email);
}

test('the instance owner adds a community and a viewer; the viewer cannot read the audit log', async ({ page }) => {
  const stamp = Date.now();
  const team = `E2E Team ${stamp}`;
  const viewer = { name: 'Vera Viewer', email: `viewer-${stamp}@example.com`, password: 'viewer-password-1' };

  await page.goto('/#/users');
  await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  await expect(page.getByRole('heading', { name: 'Users', exact: true })).toBeVisible();
  await expect(page.getByTestId('user-row').filter({ hasText: ADMIN_EMAIL }).getByText('Instance owner')).toBeVisible();

  await page.getByRole('button', { name: 'New community' }).first().click();
  const communityDialog = page.getByRole('dialog', { name: 'New community' });
  await communityDialog.getByLabel('Name').fill(team);
  await expect(communityDialog.getByLabel('ID')).toHaveValue(`e2e-team-${stamp}`);
  await communityDialog.getByRole('button', { name: 'Create community' }).click();
  await expect(page.getByText('Community created')).toBeVisible();
  await expect(page.getByTestId('community-row').filter({ hasText: team })).toBeVisible();

  await page.getByRole('button', { name: 'New user' }).click();
  const userDialog = page.getByRole('dialog', { name: 'New user' });
  await userDialog.getByLabel('Name').fill(viewer.name);
  await userDialog.getByLabel('Email').fill(viewer.email);
  await userDialog.getByLabel('Password').fill('short');
  await userDialog.getByRole('button', { name: 'Create user' }).click();
  await expect(userDialog.getByText('Use at least 8 characters')).toBeVisible();
  await expect(userDialog.getByText('Choose a community', { exact: true })).toBeVisible();
  await shot(page, '15-user-form-errors');
  await userDialog.getByLabel('Password').fill(viewer.password);
  await userDialog.getByLabel('Community 1', { exact: true }).selectOption({ label: team });
  await userDialog.getByLabel('Role 1', { exact: true }).selectOption('viewer');
  await userDialog.getByRole('button', { name: 'Create user' }).click();
  await expect(userDialog).toHaveCount(0);
  const viewerRow = page.getByTestId('user-row').filter({ hasText: viewer.email });
  await expect(viewerRow.getByText(`${team} · Viewer`)).toBeVisible();
  await shot(page, '16-users');

  // The server refuses to let the owner drop their own instance-owner role; its 422 shows under the roles.
  await page.getByTestId('user-row').filter({ hasText: ADMIN_EMAIL }).getByRole('button', { name: 'Edit' }).click();
  const selfDialog = page.getByRole('dialog', { name: /^Edit / });
  await selfDialog.getByLabel('Community 1', { exact: true }).selectOption({ label: 'Default community' });
  await selfDialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(selfDialog.locator('#user-memberships-error')).toHaveText('would lock you out');
  await shot(page, '17-user-form-server-error');
  await selfDialog.getByRole('button', { name: 'Cancel' }).click();

  // A viewer sees neither Users nor the audit log in the sidebar, and a friendly note on the audit page.
  await page.getByRole('button', { name: 'Log out' }).click();
  await page.goto('/#/audit');
  await signIn(page, viewer.email, viewer.password);
  await expect(page.getByText('Admins only')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Audit log' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Users' })).toHaveCount(0);
  await shot(page, '18-audit-admins-only');

  // Back as the owner: delete the viewer, after a confirmation.
  await page.getByRole('button', { name: 'Log out' }).click();
  await page.goto('/#/users');
  await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  await page.getByTestId('user-row').filter({ hasText: viewer.email }).getByRole('button', { name: 'Delete' }).click();
  const confirmDelete = page.getByRole('dialog', { name: `Delete ${viewer.name}?` });
  await confirmDelete.getByRole('button', { name: 'Delete user' }).click();
  await expect(page.getByText(`${viewer.name} deleted`)).toBeVisible();
  await expect(page.getByTestId('user-row').filter({ hasText: viewer.email })).toHaveCount(0);
});
