import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { signUpThroughUi } from './support/accounts.ts';
import { cardFor } from './support/cards.ts';
import { PHONE, screenshotBothSizes } from './support/screenshots.ts';
import { demoExamples, example, simMediaSha256 } from './support/sim.ts';

test.use({ viewport: PHONE });

test('sign up, paste a video link, watch it finish, and download the exact bytes', async ({
  page,
  request,
}, testInfo) => {
  test.setTimeout(120_000);
  const video = example(await demoExamples(request), 'Video (H.264 + HEVC)');
  await signUpThroughUi(page);
  await screenshotBothSizes(page, testInfo, 'dashboard-empty');

  const box = page.getByLabel('Paste TikTok links');
  await box.fill(`Look at this! ${video.url} 😋`);
  const found = page.getByRole('list', { name: 'Links found' }).getByRole('listitem');
  await expect(found).toHaveCount(1);
  await expect(found.first()).toContainText('Video');
  await page.getByRole('button', { name: 'Save', exact: true }).click();

  const card = cardFor(page, video.url);
  await expect(card).toBeVisible();
  await expect(card).toHaveAttribute('data-state', 'done', { timeout: 90_000 });
  await expect(card).toContainText('garlic noodles');
  // The player opens on request only; the download itself is the card's main button.
  await expect(card.locator('video')).toHaveCount(0);
  await card.getByRole('button', { name: 'Preview' }).click();
  await expect(card.locator('video')).toBeVisible();
  await screenshotBothSizes(page, testInfo, 'dashboard-video-saved');

  const downloadPromise = page.waitForEvent('download');
  await card.getByRole('link', { name: /^Download video/ }).click();
  const download = await downloadPromise;
  const bytes = await readFile(await download.path());
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  expect(sha256).toBe(await simMediaSha256(request, video.itemId, 'video'));
});
