import { expect, type Page, test } from '@playwright/test';
import { signUpThroughUi } from './support/accounts.ts';
import { signInAsAdmin } from './support/admin-account.ts';
import { cardFor, TERMINAL_STATE } from './support/cards.ts';
import { PHONE } from './support/screenshots.ts';
import { createSimItem } from './support/sim-items.ts';

test.use({ viewport: PHONE });

/** At 390×844 no page may scroll sideways: wide tables scroll inside themselves, never the page. */
async function expectNoSidewaysScroll(page: Page, path: string) {
  await page.goto(path);
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  await expect(page.getByText(/^Loading/)).toHaveCount(0);
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.scrollingElement?.scrollWidth ?? 0,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, `${path} is ${scrollWidth} px wide on a ${innerWidth} px screen`).toBeLessThanOrEqual(
    innerWidth,
  );
}

async function withinFirstScreen(page: Page, box: { y: number; height: number } | null) {
  const scrollY = await page.evaluate(() => window.scrollY);
  expect(box).not.toBeNull();
  expect(scrollY + (box?.y ?? 0)).toBeGreaterThanOrEqual(0);
  expect(scrollY + (box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual(PHONE.height);
}

test('no page scrolls sideways on a phone, signed out, as a person and as the admin', async ({
  browser,
  request,
}) => {
  test.setTimeout(150_000);
  const visitor = await browser.newPage({ viewport: PHONE });
  for (const path of ['/', '/sign-in', '/sign-up', '/help', '/no-such-page']) {
    await expectNoSidewaysScroll(visitor, path);
  }

  const admin = await browser.newPage({ viewport: PHONE });
  await signInAsAdmin(admin);
  // Long links in the tables: a few jobs of the admin's own.
  const items = [];
  for (let index = 0; index < 3; index++)
    items.push(await createSimItem(request, { caption: `phone ${index}` }));
  await admin.getByLabel('Paste TikTok links').fill(items.map((item) => item.tiktokUrl).join('\n'));
  await admin.getByRole('button', { name: 'Save 3 links' }).click();
  for (const item of items) {
    await expect(cardFor(admin, item.tiktokUrl)).toHaveAttribute('data-state', TERMINAL_STATE, {
      timeout: 90_000,
    });
  }
  for (const path of [
    '/dashboard',
    '/history',
    '/help',
    '/admin',
    '/admin/jobs',
    '/admin/stories',
    '/admin/workers',
    '/admin/users',
  ]) {
    await expectNoSidewaysScroll(admin, path);
  }

  // Jobs: one compact row per job, the link cut with an ellipsis.
  await admin.goto('/admin/jobs');
  const row = admin.getByTestId('job-row').first();
  await expect(row).toBeVisible();
  expect((await row.boundingBox())?.height ?? 999).toBeLessThan(80);
  // Users: each account's actions are on the screen, without scrolling sideways.
  await admin.goto('/admin/users');
  const actions = admin
    .getByTestId('user-card')
    .first()
    .getByRole('button', { name: /admin$/ });
  await actions.scrollIntoViewIfNeeded();
  await expect(actions).toBeInViewport();
  const box = await actions.boundingBox();
  expect((box?.x ?? 999) + (box?.width ?? 0)).toBeLessThanOrEqual(PHONE.width);
});

test('after a save, the paste box and the newest result are on the first screen', async ({
  page,
  request,
}) => {
  test.setTimeout(150_000);
  await signUpThroughUi(page);
  // Some history first, so the newest result has others below it.
  const older = [];
  for (let index = 0; index < 4; index++)
    older.push(await createSimItem(request, { caption: `older ${index}` }));
  await page.getByLabel('Paste TikTok links').fill(older.map((item) => item.tiktokUrl).join('\n'));
  await page.getByRole('button', { name: 'Save 4 links' }).click();
  for (const item of older) {
    await expect(cardFor(page, item.tiktokUrl)).toHaveAttribute('data-state', 'done', { timeout: 90_000 });
  }

  await page.reload();
  const newest = await createSimItem(request, { caption: 'the newest one' });
  await page.getByLabel('Paste TikTok links').fill(newest.tiktokUrl);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const card = cardFor(page, newest.tiktokUrl);
  await expect(card).toHaveAttribute('data-state', 'done', { timeout: 90_000 });
  await expect(page.locator('article[data-download-id]').first()).toHaveAttribute(
    'data-input-url',
    newest.tiktokUrl,
  );
  await withinFirstScreen(page, await page.getByLabel('Paste TikTok links').boundingBox());
  await withinFirstScreen(page, await card.boundingBox());
  await expectNoSidewaysScroll(page, '/dashboard');
});
