import { randomUUID } from 'node:crypto';
import { expect, type Page } from '@playwright/test';

export const TEST_PASSWORD = 'correct horse battery';

/** A fresh account made through the sign-up page; leaves the page on the dashboard. */
export async function signUpThroughUi(page: Page): Promise<{ email: string }> {
  const email = `e2e-${randomUUID()}@example.test`;
  await page.goto('/sign-up');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  return { email };
}
