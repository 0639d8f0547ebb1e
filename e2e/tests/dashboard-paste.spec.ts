import { expect, test } from '@playwright/test';
import { signUpThroughUi } from './support/accounts.ts';
import { cardFor, TERMINAL_STATE } from './support/cards.ts';
import { screenshotBothSizes } from './support/screenshots.ts';
import { demoExamples, example } from './support/sim.ts';
import { createSimItem } from './support/sim-items.ts';

/** The paste box and the cards under it, as a person uses them every day. */

const YOUTUBE = 'https://www.youtube.com/watch?v=dQw4w9WgXcQ';

test('text without any link says so plainly, and offers nothing to save', async ({ page }) => {
  await signUpThroughUi(page);
  await page.getByLabel('Paste TikTok links').fill('hello there, nothing here');
  await expect(page.getByText('No TikTok link found in that text.')).toBeVisible();
  await expect(page.getByText(/\d+ links? found/)).toHaveCount(0);
  await expect(page.getByRole('list', { name: 'Links found' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Save', exact: true })).toBeDisabled();
});

test('a YouTube link in a batch is listed as not from TikTok; the summary follows the cards to the end', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const video = example(await demoExamples(request), 'Video (H.264 + HEVC)').url;
  await signUpThroughUi(page);
  await page.getByLabel('Paste TikTok links').fill(`watch ${video} and also ${YOUTUBE} ok?`);
  const found = page.getByRole('list', { name: 'Links found' }).getByRole('listitem');
  await expect(found).toHaveCount(2);
  const youtube = found.filter({ hasText: 'youtube.com' });
  await expect(youtube).toHaveAttribute('data-ok', 'false');
  await expect(youtube).toContainText("isn't from TikTok");
  await expect(page.getByText('2 links found, 1 can’t be saved')).toBeVisible();

  // Ctrl+Enter in the box saves, like the button.
  await page.getByLabel('Paste TikTok links').press('Control+Enter');
  const summary = page.getByRole('status').filter({ hasText: /saved/i });
  await expect(summary).toContainText('1 link is being saved below.');
  await expect(summary).toContainText(YOUTUBE);
  await expect(cardFor(page, video)).toHaveAttribute('data-state', 'done', { timeout: 90_000 });
  // Once the card says Saved, the summary no longer says "being saved".
  await expect(summary).toContainText('Saved 1 link.');
  await expect(summary).not.toContainText('being saved');
});

test('the box is focused on arrival and Paste reads the clipboard', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  await signUpThroughUi(page);
  await page.reload();
  await expect(page.getByLabel('Paste TikTok links')).toBeFocused();
  await page.evaluate(() => navigator.clipboard.writeText('https://vm.tiktok.com/ZMpasted1/'));
  await page.getByRole('button', { name: 'Paste', exact: true }).click();
  await expect(page.getByLabel('Paste TikTok links')).toHaveValue('https://vm.tiktok.com/ZMpasted1/');
  await expect(page.getByRole('list', { name: 'Links found' })).toContainText('Short link');
});

test('a link already saved offers “Already saved on … — Open it / Save again”', async ({ page, request }) => {
  test.setTimeout(120_000);
  const item = await createSimItem(request, { caption: 'duplicate check soup' });
  await signUpThroughUi(page);
  const box = page.getByLabel('Paste TikTok links');
  await box.fill(item.tiktokUrl);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(cardFor(page, item.tiktokUrl)).toHaveAttribute('data-state', 'done', { timeout: 90_000 });

  // The same post again, pasted with a tracking parameter: recognised, left out of Save.
  await box.fill(`${item.tiktokUrl}?is_from_webapp=1`);
  const notice = page.getByTestId('already-saved');
  await expect(notice).toContainText(/Already saved on /);
  await expect(page.getByText('1 link found, 1 already saved')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save', exact: true })).toBeDisabled();

  await notice.getByRole('link', { name: 'Open it' }).click();
  await expect(page).toHaveURL(/\/history\?q=/);
  await expect(page.locator('article[data-download-id]')).toHaveCount(1);
  await expect(page.locator('article[data-download-id]')).toContainText('duplicate check soup');

  await page.goBack();
  await page.getByLabel('Paste TikTok links').fill(`${item.tiktokUrl}?is_from_webapp=1`);
  await page.getByTestId('already-saved').getByRole('button', { name: 'Save again' }).click();
  await expect(cardFor(page, `${item.tiktokUrl}?is_from_webapp=1`)).toHaveAttribute(
    'data-state',
    TERMINAL_STATE,
    {
      timeout: 90_000,
    },
  );
  await expect(page.locator('article[data-download-id]')).toHaveCount(2);
});

test('cards show the cover, one big download button, and a readable link when a post failed', async ({
  page,
  request,
}, testInfo) => {
  test.setTimeout(120_000);
  const examples = await demoExamples(request);
  const video = example(examples, 'Video (H.264 + HEVC)');
  const deleted = example(examples, 'Deleted post');
  await signUpThroughUi(page);
  await page.getByLabel('Paste TikTok links').fill(`${video.url}\n${deleted.url}`);
  await page.getByRole('button', { name: 'Save 2 links' }).click();

  const saved = cardFor(page, video.url);
  await expect(saved).toHaveAttribute('data-state', 'done', { timeout: 90_000 });
  const cover = saved.getByTestId('thumbnail');
  await expect(cover).toBeVisible();
  await expect.poll(() => cover.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  const main = saved.getByRole('link', { name: /^Download video/ });
  await expect(main).toHaveAttribute('href', /^\/api\/files\//);
  expect(await main.evaluate((a) => getComputedStyle(a).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');
  await expect(saved.locator('video')).toHaveCount(0);

  const failed = cardFor(page, deleted.url);
  await expect(failed).toHaveAttribute('data-state', 'failed', { timeout: 90_000 });
  const id = deleted.url.split('/').at(-1) ?? '';
  await expect(failed.getByRole('heading')).toHaveText(`@sunny.kitchen · video ${id}`);
  await expect(failed.getByTestId('thumbnail-placeholder')).toBeVisible();
  // No raw URL broken over lines: the title is one or two lines at most.
  const heading = await failed.getByRole('heading').boundingBox();
  expect(heading?.height ?? 999).toBeLessThan(60);
  await screenshotBothSizes(page, testInfo, 'dashboard-cards');
});

test('recent saves show the newest few; the rest open with “Show N more”', async ({ page, request }) => {
  test.setTimeout(150_000);
  const items = [];
  for (let index = 0; index < 8; index++) {
    items.push(await createSimItem(request, { caption: `grid item ${index}` }));
  }
  await signUpThroughUi(page);
  await page.getByLabel('Paste TikTok links').fill(items.map((item) => item.tiktokUrl).join('\n'));
  await page.getByRole('button', { name: 'Save 8 links' }).click();
  const cards = page.locator('article[data-download-id]');
  // Everything saved on this visit is shown.
  await expect(cards).toHaveCount(8);
  for (const item of items) {
    await expect(cardFor(page, item.tiktokUrl)).toHaveAttribute('data-state', 'done', { timeout: 90_000 });
  }
  await page.reload();
  await expect(cards).toHaveCount(6);
  await page.getByRole('button', { name: 'Show 2 more' }).click();
  await expect(cards).toHaveCount(8);
});

test('a delete confirmation closes when the item changes under it', async ({ page, request }) => {
  test.setTimeout(120_000);
  // Slow enough (2 MB at 400 KB/s) to ask for Delete while it downloads.
  const slow = await createSimItem(request, {
    caption: 'slow one',
    largeBytes: 2_000_000,
    mediaBytesPerSecond: 400_000,
  });
  await signUpThroughUi(page);
  await page.getByLabel('Paste TikTok links').fill(slow.tiktokUrl);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const card = cardFor(page, slow.tiktokUrl);
  await expect(card).toHaveAttribute('data-state', /^(queued|resolving|downloading)$/);
  await card.getByRole('button', { name: /^Delete/ }).click();
  await expect(card.getByText('Delete for good?')).toBeVisible();
  await expect(card).toHaveAttribute('data-state', 'done', { timeout: 90_000 });
  await expect(card.getByText('Delete for good?')).toHaveCount(0);
  await expect(card.getByRole('button', { name: /^Delete/ })).toBeVisible();
});

test('history with no results offers to clear the filters', async ({ page }) => {
  await signUpThroughUi(page);
  await page.goto('/history?q=nothing-like-this');
  await expect(page.getByText('Nothing matches these filters.')).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page.getByLabel('Search your history')).toHaveValue('');
  await expect(page.getByText('Nothing saved yet.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Clear filters' })).toHaveCount(0);
});
