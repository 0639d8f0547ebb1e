import { expect, test } from '@playwright/test';
import { signUpThroughUi } from './support/accounts.ts';
import { cardFor, TERMINAL_STATE } from './support/cards.ts';
import { PHONE, screenshotBothSizes } from './support/screenshots.ts';
import { demoExamples, example } from './support/sim.ts';

test.use({ viewport: PHONE });

test('history lists saves newest first, finds them by caption, and deletes one after confirming', async ({
  page,
  request,
}, testInfo) => {
  test.setTimeout(120_000);
  const examples = await demoExamples(request);
  const video = example(examples, 'Video (H.264 + HEVC)').url;
  const photo = example(examples, 'Photo post (3 images + music)').url;
  await signUpThroughUi(page);
  await page.getByLabel('Paste TikTok links').fill(`${video}\n${photo}`);
  await page.getByRole('button', { name: 'Save 2 links' }).click();
  await expect(cardFor(page, video)).toHaveAttribute('data-state', TERMINAL_STATE, { timeout: 90_000 });
  await expect(cardFor(page, photo)).toHaveAttribute('data-state', TERMINAL_STATE, { timeout: 90_000 });

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'History' }).click();
  await expect(page).toHaveURL(/\/history$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('History');
  const cards = page.locator('article[data-download-id]');
  await expect(cards).toHaveCount(2);
  await screenshotBothSizes(page, testInfo, 'history');

  await page.getByLabel('Search your history').fill('garlic');
  await expect(cards).toHaveCount(1);
  await expect(cardFor(page, video)).toBeVisible();

  await page.getByLabel('Search your history').fill('');
  await expect(cards).toHaveCount(2);
  await page.getByLabel('Kind').selectOption('photo');
  await expect(cards).toHaveCount(1);
  await expect(cardFor(page, photo)).toBeVisible();
  await page.getByLabel('Kind').selectOption('');

  const videoCard = cardFor(page, video);
  await videoCard.getByRole('button', { name: /^Delete/ }).click();
  await videoCard.getByRole('button', { name: 'Yes, delete' }).click();
  await expect(cardFor(page, video)).toHaveCount(0);
  await expect(cards).toHaveCount(1);

  await page.reload();
  await expect(cards).toHaveCount(1);
  await expect(cardFor(page, photo)).toBeVisible();
});

test('signed-out visitors are sent to sign in; wrong passwords get a plain answer', async ({ page }) => {
  await page.goto('/dashboard');
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto('/history');
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.getByLabel('Email').fill('nobody@example.test');
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'do not match' })).toBeVisible();
});
