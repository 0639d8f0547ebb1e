import AxeBuilder from '@axe-core/playwright';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { signUpThroughUi } from './support/accounts.ts';
import { signInAsAdmin } from './support/admin-account.ts';
import { PHONE, screenshotBothSizes } from './support/screenshots.ts';
import { createSimCreator, postSimStory, simMediaServed } from './support/sim-creators.ts';

test.use({ viewport: PHONE });

/** Every saved item of this watch's story in the history: found by the story id in its URL. */
function historyCard(page: Page, storyId: string) {
  return page.locator(`article[data-input-url*="/video/${storyId}"]`);
}

/** The watchlist row of one creator. */
function watchRow(page: Page, handle: string) {
  return page.getByRole('list', { name: 'Watched creators' }).locator(`li[data-handle="${handle}"]`);
}

/**
 * "Check now" until the worker takes it: right after a check TikSavr refuses for a minute
 * ("Checked a moment ago"), which is part of what is tested here.
 */
async function checkNowUntilTaken(page: Page, handle: string) {
  const row = watchRow(page, handle);
  const deadline = Date.now() + 120_000;
  for (;;) {
    await row.getByRole('button', { name: 'Check now' }).click();
    const outcome = row.getByRole('status');
    await expect(outcome).toHaveText(/Checking @|Checked a moment ago/);
    if (/Checking @/.test((await outcome.textContent()) ?? '')) return;
    expect(Date.now(), 'a check was refused as too soon for more than two minutes').toBeLessThan(deadline);
    await page.waitForTimeout(10_000);
  }
}

/** axe-core's serious and critical findings on the page as it is now, in light and in dark mode. */
async function seriousViolations(page: Page): Promise<string[]> {
  const found: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.reload();
    await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
    const results = await new AxeBuilder({ page }).analyze();
    for (const v of results.violations) {
      if (v.impact === 'serious' || v.impact === 'critical' || v.id === 'heading-order') {
        found.push(`${colorScheme}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
      }
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return found;
}

async function newUser(browser: Browser) {
  const context = await browser.newContext({ viewport: PHONE });
  const page = await context.newPage();
  await signUpThroughUi(page);
  return { context, page };
}

test('watch a creator from a pasted profile link: its new story is saved with its time left, for every watcher, fetched once', async ({
  page,
  request,
  browser,
}, testInfo) => {
  test.setTimeout(360_000);
  const creator = await createSimCreator(request, 'E2E Watch Studio');
  const profileLink = `https://www.tiktok.com/@${creator.handle}`;
  await signUpThroughUi(page);

  // The paste box offers to watch a profile link instead of refusing it.
  await page.getByLabel('Paste TikTok links').fill(profileLink);
  const found = page.getByRole('list', { name: 'Links found' });
  await expect(found).toContainText(`TikTok account @${creator.handle}`);
  await found.getByRole('button', { name: `Watch @${creator.handle}` }).click();
  await expect(found.getByRole('status')).toContainText(`Now watching @${creator.handle}`);

  // The first check runs at once: the nickname comes from the profile page.
  await page.getByRole('link', { name: 'Watchlist' }).first().click();
  await expect(page).toHaveURL(/\/watchlist$/);
  const row = watchRow(page, creator.handle);
  await expect(row).toBeVisible();
  await expect(row).toContainText('E2E Watch Studio', { timeout: 60_000 });
  await expect(row).toContainText(/Last check: (just now|\d+ min ago)/, { timeout: 60_000 });
  await expect(row).toContainText('Nothing saved yet');

  // The creator posts a story; a check (asked for now) finds it without any paste.
  const story = await postSimStory(request, creator.handle, { caption: 'E2E studio story' });
  await checkNowUntilTaken(page, creator.handle);
  await expect(row.getByTestId('items-captured')).toHaveText('1 item saved', { timeout: 90_000 });

  await page.goto('/history');
  const card = historyCard(page, story.id);
  await expect(card).toBeVisible({ timeout: 30_000 });
  await expect(card).toContainText('Story');
  await expect(card.getByTestId('watch-origin')).toContainText(`From your watch of @${creator.handle}`);
  await expect(card).toContainText(/Story · 2[34] h( \d+ min)? left|Saved with 2[34] h( \d+ min)? to spare/);
  await expect(card).toHaveAttribute('data-state', 'done', { timeout: 90_000 });
  await expect(card.getByTestId('story-spare')).toHaveText(/^✓ Saved with 2[34] h( \d+ min)? to spare$/);
  const servedOnce = await simMediaServed(request, story.id);
  expect(servedOnce).toBeGreaterThan(0);
  await screenshotBothSizes(page, testInfo, 'history-story-from-watch');

  // A second person watches the same creator (typed as @name): the story still up is theirs too,
  // and TikSavr keeps one copy: the simulator serves its media no second time.
  const second = await newUser(browser);
  try {
    await second.page.goto('/watchlist');
    await second.page.getByLabel('Creator to watch').fill(`@${creator.handle}`);
    await second.page.getByRole('button', { name: 'Watch', exact: true }).click();
    await expect(second.page.getByRole('status').first()).toContainText(`Now watching @${creator.handle}`);
    await expect(watchRow(second.page, creator.handle).getByTestId('items-captured')).toHaveText(
      '1 item saved',
      {
        timeout: 150_000,
      },
    );
    await second.page.goto('/history');
    const secondCard = historyCard(second.page, story.id);
    await expect(secondCard).toHaveAttribute('data-state', 'done', { timeout: 90_000 });
    await expect(secondCard.getByTestId('watch-origin')).toContainText(
      `From your watch of @${creator.handle}`,
    );
    expect(await simMediaServed(request, story.id)).toBe(servedOnce);
  } finally {
    await second.context.close();
  }

  // Pause and resume, then remove; what the watch saved stays in the history.
  await page.goto('/watchlist');
  await row.getByRole('button', { name: 'Pause' }).click();
  await expect(row).toHaveAttribute('data-paused', 'true');
  await expect(row).toContainText('Paused: no checks until you resume.');
  await expect(row.getByRole('button', { name: 'Check now' })).toHaveCount(0);
  await screenshotBothSizes(page, testInfo, 'watchlist-paused');
  await row.getByRole('button', { name: 'Resume' }).click();
  await expect(row).toHaveAttribute('data-paused', 'false');
  await expect(row).toContainText('Next check:');
  await row.getByRole('button', { name: `Remove @${creator.handle}` }).click();
  await row.getByRole('button', { name: 'Yes, stop watching' }).click();
  await expect(row).toHaveCount(0);
  await expect(page.getByText('You don’t watch anyone yet.')).toBeVisible();
  await page.goto('/history');
  await expect(historyCard(page, story.id)).toHaveAttribute('data-state', 'done');
});

test('a saved item offers to watch its author; the admin sees the watches and the TikTok budget', async ({
  page,
  request,
}, testInfo) => {
  test.setTimeout(180_000);
  const creator = await createSimCreator(request, 'E2E Author');
  const story = await postSimStory(request, creator.handle, { caption: 'E2E author story' });
  await signUpThroughUi(page);
  await page.getByLabel('Paste TikTok links').fill(story.shortUrl);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const card = page.locator(`article[data-input-url="${story.shortUrl}"]`);
  await expect(card).toHaveAttribute('data-state', 'done', { timeout: 90_000 });
  await expect(card).toContainText(/Saved with 2[34] h( \d+ min)? to spare/);
  await card.getByRole('button', { name: `Watch @${creator.handle}` }).click();
  await expect(card.getByRole('status')).toContainText(`Now watching @${creator.handle}`);
  await page.goto('/watchlist');
  await expect(watchRow(page, creator.handle)).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await page.context().clearCookies();
  await signInAsAdmin(page);
  await page.goto('/admin/upstream');
  await expect(page.getByRole('heading', { name: 'Request budget toward TikTok' })).toBeVisible();
  await expect(page.getByTestId('budget-configured')).toHaveText(/\/min$/);
  await expect(page.getByTestId('watches-active')).not.toHaveText('0');
  await screenshotBothSizes(page, testInfo, 'admin-upstream');
  expect(await seriousViolations(page)).toEqual([]);
  const perMinute = page.getByLabel('Requests per minute to TikTok');
  await perMinute.fill('30');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status')).toContainText('Saved.');
  await expect(page.getByTestId('budget-configured')).toHaveText('30/min');
  await perMinute.fill('');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByTestId('budget-configured')).not.toHaveText('30/min');
});
