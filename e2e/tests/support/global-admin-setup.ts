import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { type FullConfig, request } from '@playwright/test';
import { TEST_PASSWORD } from './accounts.ts';
import { adminAccountFile } from './admin-account.ts';

/**
 * Runs once, after the web server is up (Playwright starts `webServer` before global setup) and
 * before any spec: signs up the instance's first account, which makes it the admin, through the
 * same HTTP endpoint the sign-up page calls. Specs sign in as it with `signInAsAdmin`.
 */
export default async function globalAdminSetup(config: FullConfig) {
  const baseURL = config.projects[0]?.use.baseURL;
  if (!baseURL) throw new Error('playwright.config.ts sets no baseURL');
  const email = `e2e-admin-${randomUUID()}@example.test`;
  const api = await request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
  try {
    const signUp = await api.post('/api/auth/sign-up/email', {
      data: { email, password: TEST_PASSWORD, name: 'E2E admin' },
    });
    if (!signUp.ok()) throw new Error(`admin sign-up answered ${signUp.status()}: ${await signUp.text()}`);
    const me = await api.get('/api/trpc/me');
    const role = ((await me.json()) as { result?: { data?: { role?: string } } }).result?.data?.role;
    if (role !== 'admin') {
      throw new Error(`the first account is not admin (role ${role}): the instance was not fresh`);
    }
  } finally {
    await api.dispose();
  }
  writeFileSync(adminAccountFile(), JSON.stringify({ email, password: TEST_PASSWORD }), { mode: 0o600 });
}
