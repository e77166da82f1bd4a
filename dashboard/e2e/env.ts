/**
 * Shared by playwright.config.ts and the specs: the admin the core server seeds on first start
 * (HUB_ADMIN_EMAIL / HUB_ADMIN_PASSWORD) and where screenshots go.
 */
import type { Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';

export const ADMIN_EMAIL = process.env.HUB_E2E_ADMIN_EMAIL ?? 'admin@example.com';
export const ADMIN_PASSWORD = process.env.HUB_E2E_ADMIN_PASSWORD ?? 'e2e-admin-password-4f9c2b';
export const SCREENSHOT_DIR = fileURLToPath(new URL('./screenshots/', import.meta.url));

/**
 * Save a screenshot. For a whole long page, grow the viewport to the page's height first:
 * Chromium's full-page capture keeps fixed and sticky elements (sidebar, save bar) where the
 * original viewport put them, which looks broken.
 */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  const path = `${SCREENSHOT_DIR}${name}.png`;
  const viewport = page.viewportSize();
  if (!options.fullPage || !viewport) {
    await page.screenshot({ path, animations: 'disabled' });
    return;
  }
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: viewport.width, height: Math.max(viewport.height, height) });
  await page.screenshot({ path, animations: 'disabled' });
  await page.setViewportSize(viewport);
}
