import { expect, test } from '@playwright/test';
import { signUpThroughUi } from './support/accounts.ts';
import { cardFor, TERMINAL_STATE } from './support/cards.ts';
import { PHONE, screenshotBothSizes } from './support/screenshots.ts';
import { demoExamples, example } from './support/sim.ts';

test.use({ viewport: PHONE });

test('a pasted message with 10 links, bad ones among them, gives every link its own outcome', async ({
  page,
  request,
}, testInfo) => {
  test.setTimeout(180_000);
  const examples = await demoExamples(request);
  const good = {
    video: example(examples, 'Video (H.264 + HEVC)').url,
    photo: example(examples, 'Photo post (3 images + music)').url,
    story: example(examples, 'Fresh story').url,
    privateAccount: example(examples, 'Post from a private account').url,
    deleted: example(examples, 'Deleted post').url,
  };
  const bad = {
    profile: 'https://www.tiktok.com/@sunny.kitchen',
    tag: 'https://www.tiktok.com/tag/recipe',
    lookalike: 'https://tiktok.com.evil.io/@x/video/7712057921413664359',
    sound: 'https://www.tiktok.com/music/original-sound-7712057921413664359',
    live: 'https://www.tiktok.com/@night.owl.art/live',
  };
  const message = [
    `morning! ${good.video} and ${bad.profile}`,
    `(${good.photo}), ${bad.tag}; story: ${good.story}`,
    `${bad.lookalike} ${good.privateAccount}`,
    `${bad.sound}. gone? ${good.deleted} ${bad.live}`,
  ].join('\n');

  await signUpThroughUi(page);
  await page.getByLabel('Paste TikTok links').fill(message);
  const found = page.getByRole('list', { name: 'Links found' }).getByRole('listitem');
  // Exact: the profile link is also the start of the video link.
  const linkRow = (link: string) => found.filter({ has: page.getByText(link, { exact: true }) });
  await expect(found).toHaveCount(10);
  await expect(page.getByRole('list', { name: 'Links found' }).locator('li[data-ok="false"]')).toHaveCount(5);
  await expect(linkRow(bad.profile)).toContainText('TikTok account @sunny.kitchen');
  await expect(linkRow(bad.lookalike)).toContainText('look like a TikTok link');
  await expect(linkRow(bad.live)).toContainText('LIVE');
  await screenshotBothSizes(page, testInfo, 'dashboard-batch-precheck');

  await page.getByRole('button', { name: 'Save 5 links' }).click();
  const summary = page.getByRole('status').filter({ hasText: 'being saved' });
  await expect(summary).toContainText('5 links are being saved');
  for (const link of Object.values(bad)) await expect(summary).toContainText(link);

  for (const link of Object.values(good)) {
    await expect(cardFor(page, link)).toHaveAttribute('data-state', TERMINAL_STATE, { timeout: 120_000 });
  }
  await expect(cardFor(page, good.video)).toHaveAttribute('data-state', 'done');
  await expect(cardFor(page, good.photo)).toHaveAttribute('data-state', 'done');
  await expect(cardFor(page, good.story)).toHaveAttribute('data-state', 'done');
  await expect(cardFor(page, good.privateAccount)).toHaveAttribute('data-state', 'failed');
  await expect(cardFor(page, good.privateAccount)).toContainText('Save it with a screen recording');
  await expect(cardFor(page, good.deleted)).toHaveAttribute('data-state', 'failed');
  await expect(cardFor(page, good.photo).getByRole('link', { name: /^Download all/ })).toBeVisible();
  await cardFor(page, good.photo).getByRole('button', { name: 'Preview' }).click();
  await expect(cardFor(page, good.photo).getByRole('button', { name: 'Next photo' })).toBeVisible();
  await screenshotBothSizes(page, testInfo, 'dashboard-batch-outcomes');
});
