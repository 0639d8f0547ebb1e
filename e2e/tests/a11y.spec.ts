import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { signUpThroughUi } from './support/accounts.ts';
import { signInAsAdmin } from './support/admin-account.ts';
import { cardFor, TERMINAL_STATE } from './support/cards.ts';
import { demoExamples, example } from './support/sim.ts';
import { createSimItem } from './support/sim-items.ts';

/**
 * axe-core on every page, signed out, as a person and as the admin, in light and in dark mode:
 * no serious or critical violation anywhere. `heading-order` (a moderate rule) is held to zero too:
 * skipped heading levels were one of the faults found. Each page is checked once it has loaded its
 * data (no "Loading…" left), with content on it: saved and failed cards, a precheck list.
 */

const SIGNED_OUT = ['/', '/sign-in', '/sign-up', '/help', '/help/shortcuts', '/api-docs', '/no-such-page'];
const USER = ['/', '/dashboard', '/history', '/watchlist', '/settings/tokens', '/help'];
const ADMIN = [
  '/admin',
  '/admin/jobs',
  '/admin/stories',
  '/admin/workers',
  '/admin/users',
  '/admin/upstream',
  '/admin/tokens',
];

async function settled(page: Page) {
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  await expect(page.getByText(/^Loading/)).toHaveCount(0);
}

async function violationsOn(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical' || v.id === 'heading-order')
    .map(
      (v) =>
        `${v.id} (${v.impact}) on ${page.url()}: ${v.help} — ${v.nodes
          .slice(0, 4)
          .map((node) => node.target.join(' '))
          .join(' | ')}`,
    );
}

async function checkPages(page: Page, paths: readonly string[]) {
  const found: string[] = [];
  for (const path of paths) {
    await page.goto(path);
    await settled(page);
    found.push(...(await violationsOn(page)));
  }
  expect(found).toEqual([]);
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`in ${colorScheme} mode`, () => {
    test.use({ colorScheme });

    test('signed-out pages have no serious accessibility faults', async ({ page }) => {
      await checkPages(page, SIGNED_OUT);
      expect(await page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(
        colorScheme === 'dark',
      );
    });

    test('a person’s pages, with saved and failed items, have no serious accessibility faults', async ({
      page,
      request,
    }, testInfo) => {
      test.setTimeout(150_000);
      const examples = await demoExamples(request);
      const video = example(examples, 'Video (H.264 + HEVC)').url;
      const photo = example(examples, 'Photo post (3 images + music)').url;
      const deleted = example(examples, 'Deleted post').url;
      await signUpThroughUi(page);
      await page.getByLabel('Paste TikTok links').fill([video, photo, deleted].join('\n'));
      await page.getByRole('button', { name: 'Save 3 links' }).click();
      for (const link of [video, photo, deleted]) {
        await expect(cardFor(page, link)).toHaveAttribute('data-state', TERMINAL_STATE, { timeout: 90_000 });
      }
      await checkPages(page, USER);

      // The dashboard mid-use: a batch with a bad link, a link already saved, an open preview.
      await page.goto('/dashboard');
      await page
        .getByLabel('Paste TikTok links')
        .fill(`${video} https://www.youtube.com/watch?v=1 https://www.tiktok.com/@sunny.kitchen`);
      await expect(page.getByTestId('already-saved')).toBeVisible();
      await cardFor(page, photo).getByRole('button', { name: 'Preview' }).click();
      await expect(cardFor(page, photo).getByRole('button', { name: 'Next photo' })).toBeVisible();
      expect(await violationsOn(page)).toEqual([]);
      await page.screenshot({ path: testInfo.outputPath(`dashboard-${colorScheme}.png`), fullPage: true });
    });

    test('admin pages have no serious accessibility faults', async ({ page, request }, testInfo) => {
      test.setTimeout(150_000);
      const video = (await createSimItem(request, { caption: `admin a11y ${colorScheme}` })).tiktokUrl;
      await signInAsAdmin(page);
      // At least one job, so the lists, charts and a job's page have something in them.
      await page.getByLabel('Paste TikTok links').fill(video);
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await expect(cardFor(page, video)).toHaveAttribute('data-state', TERMINAL_STATE, { timeout: 90_000 });
      await checkPages(page, ADMIN);
      await page.goto('/admin');
      await settled(page);
      await page.screenshot({
        path: testInfo.outputPath(`admin-overview-${colorScheme}.png`),
        fullPage: true,
      });
      await page.goto('/admin/jobs');
      await page.getByTestId('job-row').first().getByRole('link').click();
      await expect(page.getByRole('heading', { name: 'Timeline' })).toBeVisible();
      expect(await violationsOn(page)).toEqual([]);
    });
  });
}
