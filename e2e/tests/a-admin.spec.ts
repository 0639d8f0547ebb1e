import { expect, type Page, test } from '@playwright/test';
import { signUpThroughUi } from './support/accounts.ts';
import { signInAsAdmin } from './support/admin-account.ts';
import { SIM_ORIGIN } from './support/sim.ts';

/**
 * The admin monitor, driven like an admin would. The first account on an instance becomes its
 * admin; the global setup (support/global-admin-setup.ts) signs it up before any spec, and this
 * file signs in as it.
 *
 * Failures come from the simulator's control API: the test creates its own items as deleted
 * (a permanent failure, so no retry back-off to wait out), then makes them public again.
 */
test.describe.configure({ mode: 'serial' });

type Overview = {
  states: {
    active: Record<'queued' | 'resolving' | 'downloading', number>;
    finished: Record<'done' | 'failed' | 'expired' | 'canceled', number>;
  };
};

async function trpcQuery<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(`/api/trpc/${path}`);
  expect(response.ok(), `GET /api/trpc/${path} answered ${response.status()}`).toBe(true);
  return ((await response.json()) as { result: { data: T } }).result.data;
}

async function simItem(page: Page, caption: string): Promise<{ id: string; tiktokUrl: string }> {
  const response = await page.request.post(`${SIM_ORIGIN}/__sim/items`, {
    data: { kind: 'video', username: 'admin_e2e', caption, visibility: 'deleted' },
  });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { item: { id: string; tiktokUrl: string } }).item;
}

test('an admin sees failed jobs, retries them in bulk and watches them complete', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  const { email } = await signInAsAdmin(page);
  const me = await trpcQuery<{ role: string }>(page, 'me');
  expect(me.role).toBe('admin');

  // Three posts that fail for good (deleted), submitted as an ordinary user would.
  const items = [];
  for (let index = 0; index < 3; index++) items.push(await simItem(page, `admin e2e ${index}`));
  await page.getByLabel('Paste TikTok links').fill(items.map((item) => item.tiktokUrl).join('\n'));
  await page.getByRole('button', { name: 'Save' }).click();

  // The admin finds them: failed, searched by the user's email.
  await page.goto('/admin/jobs');
  await page.getByLabel('Search by').selectOption('email');
  await page.getByLabel('Search', { exact: true }).fill(email);
  await page.getByRole('checkbox', { name: 'failed', exact: true }).check();
  const rows = page.getByTestId('job-row');
  await expect(rows).toHaveCount(3, { timeout: 60_000 });
  for (const row of await rows.all()) await expect(row).toHaveAttribute('data-state', 'failed');
  await expect(rows.first()).toContainText('deleted');

  // The overview shows what the database says (read through an admin tRPC call).
  await page.goto('/admin');
  await expect(page.getByTestId('count-failed')).toHaveText(/\d+/);
  const failedBefore = (await trpcQuery<Overview>(page, 'admin.overview.get')).states.finished.failed;
  expect(failedBefore).toBeGreaterThanOrEqual(3);
  await expect(page.getByTestId('count-failed')).toHaveText(String(failedBefore));

  // The cause goes away; one bulk retry of everything matching brings them all back.
  for (const item of items) {
    const response = await page.request.patch(`${SIM_ORIGIN}/__sim/items/${item.id}`, {
      data: { visibility: 'public' },
    });
    expect(response.ok()).toBe(true);
  }
  await page.goto('/admin/jobs');
  await page.getByLabel('Search by').selectOption('email');
  await page.getByLabel('Search', { exact: true }).fill(email);
  await page.getByRole('checkbox', { name: 'failed', exact: true }).check();
  await expect(rows).toHaveCount(3);
  page.once('dialog', (dialog) => dialog.accept());
  await page.getByRole('button', { name: 'Retry all matching' }).click();
  await expect(page.getByRole('status')).toHaveText('Retried 3 of 3 matching jobs.');
  await expect(rows).toHaveCount(0);

  // Watch them complete, without reloading the page.
  await page.getByRole('checkbox', { name: 'failed', exact: true }).uncheck();
  await expect(rows).toHaveCount(3);
  for (const row of await rows.all())
    await expect(row).toHaveAttribute('data-state', 'done', { timeout: 90_000 });
  await page.screenshot({ path: testInfo.outputPath('admin-jobs.png'), fullPage: true });

  // One job's detail: its timeline and the payload of its pg-boss job.
  await rows.first().getByRole('link').click();
  await expect(page.getByRole('heading', { name: 'Timeline' })).toBeVisible();
  await expect(page.getByText('"downloadId"')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('admin-job.png'), fullPage: true });

  // And the overview agrees with the database again, live.
  await page.goto('/admin');
  await expect
    .poll(
      async () => {
        const overview = await trpcQuery<Overview>(page, 'admin.overview.get');
        const shown = await page.getByTestId('count-done').textContent();
        const failedShown = await page.getByTestId('count-failed').textContent();
        return shown === String(overview.states.finished.done) &&
          failedShown === String(overview.states.finished.failed)
          ? overview.states.finished.failed
          : -1;
      },
      { timeout: 15_000 },
    )
    .toBe(failedBefore - 3);
  await expect(page.getByTestId('count-done')).not.toHaveText('0');
  await page.screenshot({ path: testInfo.outputPath('admin-overview.png'), fullPage: true });

  // The worker of `npm run demo` beats, so it is listed as live.
  await page.getByRole('link', { name: 'Workers' }).click();
  await expect(page.getByRole('heading', { name: 'Workers' })).toBeVisible();
  await expect(page.getByTestId('live-workers')).not.toHaveText('0');
  await page.getByRole('link', { name: 'Stories at risk' }).click();
  await expect(page.getByTestId('at-risk-count')).toHaveText('0');
  await page.getByRole('link', { name: 'Workers' }).click();
  await page.screenshot({ path: testInfo.outputPath('admin-workers.png'), fullPage: true });
  await page.getByRole('link', { name: 'Users' }).click();
  await expect(page.getByRole('heading', { name: 'Sign-up is open' })).toBeVisible();
  await expect(page.getByTestId('user-row').first()).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('admin-users.png'), fullPage: true });
});

test('the monitor does not exist for other people', async ({ browser }) => {
  const anonymous = await browser.newPage();
  await anonymous.goto('/admin/jobs');
  await expect(anonymous).toHaveURL(/\/sign-in$/);
  await anonymous.close();

  const user = await browser.newPage();
  await signUpThroughUi(user);
  const response = await user.goto('/admin');
  expect(response?.status()).toBe(404);
  const api = await user.request.get('/api/trpc/admin.overview.get');
  expect(api.status()).toBe(403);
  await user.close();
});
