import { expect, test } from '@playwright/test';

test('the home page explains TikSavr and offers sign-up and sign-in', async ({ page }) => {
  const response = await page.goto('/');
  expect(response?.status()).toBe(200);
  await expect(page).toHaveTitle(/TikSavr/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('before they disappear');
  await expect(page.getByRole('link', { name: 'Create an account' })).toHaveAttribute('href', '/sign-up');
  await expect(page.getByRole('link', { name: 'Sign in' })).toHaveAttribute('href', '/sign-in');
});
