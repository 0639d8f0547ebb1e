import { expect, test } from '@playwright/test';
import { signUpThroughUi } from './support/accounts.ts';
import { cardFor } from './support/cards.ts';
import { PHONE, screenshotBothSizes } from './support/screenshots.ts';
import { demoExamples, example } from './support/sim.ts';

test.use({ viewport: PHONE });

test('a followers-only story fails with the screen-recording steps for iPhone and Android', async ({
  page,
  request,
}, testInfo) => {
  test.setTimeout(120_000);
  const story = example(await demoExamples(request), 'Followers-only story');
  await signUpThroughUi(page);
  await page.getByLabel('Paste TikTok links').fill(story.url);
  await expect(page.getByRole('list', { name: 'Links found' })).toContainText('Short link');
  await page.getByRole('button', { name: 'Save', exact: true }).click();

  const card = cardFor(page, story.url);
  await expect(card).toHaveAttribute('data-state', 'failed', { timeout: 90_000 });
  await expect(card).toContainText('Couldn’t save');
  const panel = card.getByText('Save it with a screen recording');
  await expect(panel).toBeVisible();
  await panel.click();
  await expect(card.getByRole('heading', { name: 'Screen-record it on an iPhone' })).toBeVisible();
  await expect(card.getByRole('heading', { name: 'Screen-record it on an Android phone' })).toBeVisible();
  await expect(card).toContainText('Control Center');
  await screenshotBothSizes(page, testInfo, 'dashboard-followers-only-advice');
});
