import { expect, test } from '@playwright/test';
import { signUpThroughUi } from './support/accounts.ts';
import { signInAsAdmin } from './support/admin-account.ts';
import { cardFor } from './support/cards.ts';
import { createSimItem } from './support/sim-items.ts';
import { freezeWorker } from './support/worker-process.ts';

/**
 * With no live worker, waiting must not look like "Waiting for its turn…" forever. The demo's
 * worker is frozen (SIGSTOP, see support/worker-process.ts): its heartbeats stop exactly as a hung
 * worker's do, and nothing in the product is told.
 */
test('a frozen downloader: the person sees their place in line, the wait, then that the downloader seems down; the admin gets a red banner', async ({
  browser,
  request,
}, testInfo) => {
  test.setTimeout(180_000);
  const admin = await browser.newPage();
  await signInAsAdmin(admin);
  const person = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await signUpThroughUi(person);
  const item = await createSimItem(request, { caption: 'saved after the downloader came back' });

  const worker = await freezeWorker(admin);
  const card = cardFor(person, item.tiktokUrl);
  try {
    await person.getByLabel('Paste TikTok links').fill(item.tiktokUrl);
    await person.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(card).toHaveAttribute('data-state', 'queued');
    // Its place in line and a clock that runs.
    const line = card.getByTestId('queue-position');
    await expect(line).toHaveText(/^(Next in line|Waiting for its turn · \d+ ahead of it) · \d+:\d\d$/);
    const before = await line.textContent();
    await expect(line).not.toHaveText(before ?? '', { timeout: 5_000 });

    // No heartbeat for longer than a worker may be silent: the person is told, in plain words.
    await expect(card.getByTestId('downloader-down')).toContainText('The downloader seems to be down', {
      timeout: 45_000,
    });
    await person.screenshot({ path: testInfo.outputPath('downloader-down-phone.png'), fullPage: true });

    // Every admin page carries the red banner, naming how many downloads are stuck.
    const banner = admin.getByTestId('downloader-down-banner');
    for (const path of ['/admin', '/admin/jobs', '/admin/users']) {
      await admin.goto(path);
      await expect(banner).toContainText('The downloader seems to be down');
      await expect(admin.getByTestId('stuck-count')).toHaveText(/^[1-9]\d* downloads? (is|are) stuck/);
    }
    await admin.screenshot({ path: testInfo.outputPath('downloader-down-admin.png'), fullPage: true });
  } finally {
    worker.thaw();
  }

  // Back up: the download finishes by itself and both warnings go away.
  await expect(card).toHaveAttribute('data-state', 'done', { timeout: 90_000 });
  await expect(card.getByTestId('downloader-down')).toHaveCount(0);
  await admin.goto('/admin');
  await expect(admin.getByTestId('count-queued')).toBeVisible();
  await expect(admin.getByTestId('downloader-down-banner')).toHaveCount(0, { timeout: 20_000 });
});
