import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';

/**
 * The instance's admin. The first account of an instance becomes its admin and e2e has no back
 * door to promote one (it talks to the product over HTTP only), so the global setup
 * (global-admin-setup.ts) signs that first account up before any spec runs, and writes its
 * credentials here for every spec that needs an admin. One file per run: next to the run's data folder.
 */
export function adminAccountFile(): string {
  const dataDir = process.env.E2E_DATA_DIR;
  return dataDir ? `${dataDir}.admin.json` : join(tmpdir(), 'tiksavr-e2e-admin.json');
}

export type AdminAccount = { email: string; password: string };

export function adminAccount(): AdminAccount {
  return JSON.parse(readFileSync(adminAccountFile(), 'utf8')) as AdminAccount;
}

/** Signs the admin in through the sign-in page; leaves the page on the dashboard. */
export async function signInAsAdmin(page: Page): Promise<{ email: string }> {
  const { email, password } = adminAccount();
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  return { email };
}
