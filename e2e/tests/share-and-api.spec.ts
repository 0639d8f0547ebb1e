import { expect, test } from '@playwright/test';
import { signUpThroughUi } from './support/accounts.ts';
import { cardFor } from './support/cards.ts';
import { screenshotBothSizes } from './support/screenshots.ts';
import { demoExamples, example } from './support/sim.ts';

/**
 * Saving from outside the dashboard: Android's share target exactly as the web app manifest
 * declares it, and an API token made in Settings used the way the iOS Shortcut uses it.
 */

type ShareTarget = { action: string; method?: string; params: Record<string, string> };

test('Android share: the share target the manifest declares lands the link in the dashboard, ready to save', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const video = example(await demoExamples(request), 'Video (H.264 + HEVC)').url;
  await signUpThroughUi(page);

  const manifestHref = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(manifestHref).toBeTruthy();
  const manifest = (await (await page.request.get(manifestHref ?? '')).json()) as {
    share_target: ShareTarget;
  };
  const target = manifest.share_target;
  expect(target.method ?? 'GET').toBe('GET');

  // What TikTok's Share → TikSavr hands over: a title and a text with the link in it.
  const shared = new URLSearchParams({
    [target.params.title ?? 'title']: 'TikTok',
    [target.params.text ?? 'text']: `Check out this video! ${video}`,
  });
  await page.goto(`${target.action}?${shared}`);
  const box = page.getByLabel('Paste TikTok links');
  await expect(box).toHaveValue(new RegExp(video.replace(/[.?/]/g, '\\$&')));
  await expect(page.getByRole('list', { name: 'Links found' }).getByRole('listitem')).toHaveCount(1);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(cardFor(page, video)).toHaveAttribute('data-state', 'done', { timeout: 90_000 });
});

test('a token made in Settings saves through the API like the iOS Shortcut; revoked, it is refused', async ({
  page,
  request,
}, testInfo) => {
  test.setTimeout(120_000);
  const photo = example(await demoExamples(request), 'Photo post (3 images + music)').url;
  await signUpThroughUi(page);

  await page.goto('/settings/tokens');
  await expect(page).toHaveTitle('API tokens — TikSavr');
  await page.getByLabel('Name').fill('iPhone Shortcut');
  await page.getByRole('button', { name: 'Make token' }).click();
  const shown = page.getByLabel('The new token');
  await expect(shown).toHaveValue(/^tks_[A-Za-z0-9_-]{43}$/);
  const token = await shown.inputValue();
  await screenshotBothSizes(page, testInfo, 'api-token-made');
  await page.getByRole('button', { name: 'I’ve saved it' }).click();
  await expect(page.getByLabel('The new token')).toHaveCount(0);
  const row = page.getByTestId('api-token').filter({ hasText: 'iPhone Shortcut' });
  await expect(row).toContainText('Never used');
  await expect(row).toContainText(token.slice(0, 10));
  await expect(row).not.toContainText(token.slice(10));

  // Exactly what the Shortcut sends: POST, bearer token, JSON {text: Shortcut Input}, ?reply=text.
  const saved = await request.post('/api/v1/downloads?reply=text', {
    headers: { Authorization: `Bearer ${token}` },
    data: { text: photo },
  });
  expect(saved.status()).toBe(200);
  expect(await saved.text()).toBe('Saving 1 link.');

  await page.goto('/history');
  await expect(cardFor(page, photo)).toHaveAttribute('data-state', 'done', { timeout: 90_000 });
  await page.goto('/settings/tokens');
  await expect(row).toContainText('Last used');
  await screenshotBothSizes(page, testInfo, 'api-tokens-list');

  page.once('dialog', (dialog) => dialog.accept());
  await row.getByRole('button', { name: /^Revoke/ }).click();
  await expect(row).toContainText('Revoked');
  const refused = await request.get('/api/v1/me', { headers: { Authorization: `Bearer ${token}` } });
  expect(refused.status()).toBe(401);
  expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('api_token_revoked');
});

test('the API reference and the Shortcut guide are readable pages, served by the app itself', async ({
  page,
}, testInfo) => {
  const outside: string[] = [];
  page.on('request', (req) => {
    if (!req.url().startsWith('http://127.0.0.1')) outside.push(req.url());
  });
  await page.goto('/api-docs');
  await expect(page.getByRole('heading', { level: 1, name: 'TikSavr API' })).toBeVisible();
  await expect(page.getByRole('heading', { name: /POST\s*\/api\/v1\/downloads$/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Download', exact: true })).toBeVisible();
  await screenshotBothSizes(page, testInfo, 'api-docs');
  await page.goto('/help/shortcuts');
  await expect(page.getByText(/\/api\/v1\/downloads\?reply=text/).first()).toBeVisible();
  await expect(page.getByRole('heading', { name: 'iPhone and iPad: a Shortcut' })).toBeVisible();
  await screenshotBothSizes(page, testInfo, 'help-shortcuts');
  expect(outside).toEqual([]);
});
