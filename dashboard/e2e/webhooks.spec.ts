import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Page } from '@playwright/test';
import { ADMIN_EMAIL, ADMIN_PASSWORD, screenshot } from './env.ts';

/**
 * Against the real core server (see playwright.config.ts): a fresh data folder, so the hub
 * starts with no webhooks and no deliveries.
 */

const shot = (page: Page, name: string) => screenshot(page, `core-${name}`, { fullPage: true });

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
    await delivery.click();
    const drawer = page.getByRole('dialog');
    await expect(drawer.getByTestId('delivery-attempt')).toHaveCount(1);
    await expect(drawer.getByText('"event": "webhook.test"')).toBeVisible();
    await shot(page, '08-delivery-drawer');

    await drawer.getByRole('button', { name: 'Retry' }).click();
    await expect(drawer.getByTestId('delivery-attempt')).toHaveCount(2, { timeout: 20_000 });
    await expect(drawer.getByText('Succeeded', { exact: true }).first()).toBeVisible();
    await shot(page, '09-delivery-retried');
  } finally {
    receiver.server.close();
  }
});
