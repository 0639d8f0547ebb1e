import { expect, type Page, test } from '@playwright/test';
import { signUpThroughUi } from './support/accounts.ts';
import { cardFor, TERMINAL_STATE } from './support/cards.ts';
import { PHONE, screenshotBothSizes } from './support/screenshots.ts';
import { demoExamples, example } from './support/sim.ts';
import {
  clearSimFaults,
  createSimCreator,
  failSimMedia,
  postSimStory,
  setSimVisibility,
} from './support/sim-creators.ts';

test.use({ viewport: PHONE });

const RECORDING = 'Save it with a screen recording';
const DAY_SECONDS = 24 * 60 * 60;

/** Pastes one link and saves it; waits for its card (and the emptied box) before the next paste. */
async function save(page: Page, url: string) {
  const box = page.getByLabel('Paste TikTok links');
  await box.fill(url);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const card = cardFor(page, url);
  await expect(card).toBeVisible();
  await expect(box).toHaveValue('');
  return card;
}

test('each story outcome says exactly what happened, with screen-recording steps only where they can still help', async ({
  page,
  request,
}, testInfo) => {
  test.setTimeout(240_000);
  const examples = await demoExamples(request);
  await signUpThroughUi(page);
  const creator = await createSimCreator(request, 'Story Outcomes');
  // A story with 40 s left whose files TikTok won't serve: it expires before it can be saved.
  const expiring = await postSimStory(request, creator.handle, { ageSeconds: DAY_SECONDS - 40 });
  // A story the creator makes followers-only after its link was shared.
  const hidden = await postSimStory(request, creator.handle, { ageSeconds: 3600 });
  await failSimMedia(request, expiring.id);
  await failSimMedia(request, hidden.id);

  try {
    const expired = await save(page, expiring.shortUrl);
    const followersOnly = await save(page, hidden.shortUrl);
    // Identified while they wait: stories with their time left.
    await expect(expired).toContainText(/Story · (less than 1 min left|\d+ min left|expired)/, {
      timeout: 30_000,
    });
    await expect(followersOnly).toContainText(/Story · 2[23] h( \d+ min)? left/, { timeout: 30_000 });
    // Its files stay refused, so no attempt that saw the page before the change can finish: the
    // next one finds it followers-only.
    await setSimVisibility(request, hidden.id, 'followers_only');

    const coldExpired = await save(page, example(examples, 'Expired story').url);
    const deleted = await save(page, example(examples, 'Deleted post').url);
    const live = await save(page, example(examples, 'Fresh story').url);
    await expect
      .soft(live)
      .toContainText(/Story · 2[34] h( \d+ min)? left|Saved with 2[34] h( \d+ min)? to spare/, {
        timeout: 60_000,
      });
    for (const card of [expired, followersOnly, coldExpired, deleted, live]) {
      await expect(card).toHaveAttribute('data-state', TERMINAL_STATE, { timeout: 150_000 });
    }

    // Soft: every outcome is checked and reported, even when an earlier one is wrong.
    // A story past its 24 hours: expired, never "deleted", and nothing to record any more.
    await expect.soft(expired).toHaveAttribute('data-state', 'expired');
    await expect.soft(expired).toContainText('Story');
    await expect.soft(expired).toContainText('This story has expired (stories last 24 hours).');
    await expect.soft(expired).not.toContainText('deleted');
    await expect.soft(expired.getByText(RECORDING)).toHaveCount(0);
    await expect.soft(expired.getByRole('button', { name: 'Retry' })).toHaveCount(0);

    // A followers-only story: called a story, worded as one, and a screen recording still works.
    await expect.soft(followersOnly).toHaveAttribute('data-state', 'failed');
    await expect.soft(followersOnly).toContainText('Story');
    await expect.soft(followersOnly).toContainText('followers only');
    await expect.soft(followersOnly).not.toContainText('This post is private');
    await expect.soft(followersOnly.getByText(RECORDING)).toBeVisible();

    // A story short link TikSavr never saw alive: TikTok answers exactly as for a deleted post,
    // so the words say both, and no screen-recording steps are offered.
    await expect.soft(coldExpired).toContainText('If it was a story, it has expired (stories last 24 hours)');
    await expect.soft(coldExpired.getByText(RECORDING)).toHaveCount(0);

    // A deleted post: gone for everyone but the creator, so no screen-recording steps.
    await expect.soft(deleted).toHaveAttribute('data-state', 'failed');
    await expect.soft(deleted).toContainText('This post was deleted, or the link is wrong.');
    await expect.soft(deleted.getByText(RECORDING)).toHaveCount(0);

    // A live story: saved, with how much of its 24 hours was left.
    await expect.soft(live).toHaveAttribute('data-state', 'done');
    await expect.soft(live.getByTestId('story-spare')).toHaveText(/Saved with 2[34] h( \d+ min)? to spare/);
    await screenshotBothSizes(page, testInfo, 'dashboard-story-outcomes');
  } finally {
    await clearSimFaults(request);
  }

  // A story whose creator turned off sharing has no link at all, so it can never reach the paste
  // box: the help page says so, with the way that still works.
  await page.goto('/help');
  await expect(page.getByRole('heading', { name: 'The creator turned off sharing' })).toBeVisible();
  await expect(page.getByText('TikTok shows no Copy link under Share')).toBeVisible();
});
