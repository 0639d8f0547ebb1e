import { expect, type Page, test } from '@playwright/test';
import { signUpThroughUi } from './support/accounts.ts';
import { signInAsAdmin } from './support/admin-account.ts';

/** Titles per page (also after client-side navigation), the branded 404, the favicon, dark mode. */

test('every page has its own title, also after signing in and moving around without reloads', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page).toHaveTitle('TikSavr — save TikTok videos, photo posts and Stories');
  await page.goto('/sign-in');
  await expect(page).toHaveTitle('Sign in — TikSavr');
  await page.goto('/help');
  await expect(page).toHaveTitle('Help — TikSavr');

  // Sign-up ends in a client-side navigation to the dashboard: the title must follow it.
  await signUpThroughUi(page);
  await expect(page).toHaveTitle('Dashboard — TikSavr');
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'History' }).click();
  await expect(page).toHaveURL(/\/history$/);
  await expect(page).toHaveTitle('History — TikSavr');
  await nav.getByRole('link', { name: 'Help' }).click();
  await expect(page).toHaveTitle('Help — TikSavr');
  await nav.getByRole('link', { name: 'Dashboard' }).click();
  await expect(page).toHaveTitle('Dashboard — TikSavr');
});

test('admin pages each have their own title, after client-side navigation too', async ({ page }) => {
  await signInAsAdmin(page);
  await page.goto('/admin');
  await expect(page).toHaveTitle('Queue overview — TikSavr admin');
  const nav = page.getByRole('navigation', { name: 'Admin' });
  const seen = new Set<string>();
  for (const [link, title] of [
    ['Jobs', 'Jobs — TikSavr admin'],
    ['Workers', 'Workers — TikSavr admin'],
    ['Users', 'Users — TikSavr admin'],
    ['Stories at risk', 'Stories at risk — TikSavr admin'],
    ['Overview', 'Queue overview — TikSavr admin'],
  ] as const) {
    await nav.getByRole('link', { name: link, exact: true }).click();
    await expect(page).toHaveTitle(title);
    seen.add(await page.title());
  }
  expect(seen.size).toBe(5);
});

test('an unknown address gets a branded 404 page; /favicon.ico is served', async ({ page, request }) => {
  const response = await page.goto('/no-such-page');
  expect(response?.status()).toBe(404);
  await expect(page).toHaveTitle('Page not found — TikSavr');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('This page doesn’t exist');
  await expect(page.getByRole('link', { name: 'TikSavr' })).toHaveAttribute('href', '/');
  await expect(page.getByRole('link', { name: 'Go to your dashboard' })).toBeVisible();

  const icon = await request.get('/favicon.ico');
  expect(icon.status()).toBe(200);
  const bytes = await icon.body();
  // An ICO file: reserved 0, type 1 (icon).
  expect([...bytes.subarray(0, 4)]).toEqual([0, 0, 1, 0]);
  const svg = await request.get('/icon.svg');
  expect(svg.status()).toBe(200);
  expect(await svg.text()).toContain('<svg');
});

test('a signed-in person on the front page is offered their dashboard, not a new account', async ({
  page,
}) => {
  await signUpThroughUi(page);
  await page.goto('/');
  await expect(page.getByRole('link', { name: 'Open dashboard' })).toHaveAttribute('href', '/dashboard');
  await expect(page.getByRole('link', { name: 'Create an account' })).toHaveCount(0);
});

async function isDark(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.classList.contains('dark'));
}

test('dark mode follows the system, before any script of the app runs, and the toggle is remembered', async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  // With the app's own scripts blocked, only the inline theme script in <head> can set the class:
  // the page is dark from its first paint, no flash of light.
  await page.route('**/_next/static/chunks/**', (route) => route.abort());
  await page.goto('/sign-in');
  expect(await isDark(page)).toBe(true);
  await page.unroute('**/_next/static/chunks/**');
  await page.reload();
  expect(await isDark(page)).toBe(true);

  // A change of the system setting while the page is open is followed at once.
  await page.emulateMedia({ colorScheme: 'light' });
  await expect.poll(() => isDark(page)).toBe(false);

  await page.getByRole('button', { name: 'Switch to dark mode' }).click();
  expect(await isDark(page)).toBe(true);
  await page.reload();
  expect(await isDark(page)).toBe(true);
  await expect(page.getByRole('button', { name: 'Switch to light mode' })).toBeVisible();

  // Choosing what the system already says goes back to following the system.
  await page.getByRole('button', { name: 'Switch to light mode' }).click();
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(() => isDark(page)).toBe(true);
});
