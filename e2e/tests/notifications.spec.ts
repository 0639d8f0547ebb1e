import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { signUpThroughUi } from './support/accounts.ts';
import { signInAsAdmin } from './support/admin-account.ts';
import { cardFor } from './support/cards.ts';
import { screenshotBothSizes } from './support/screenshots.ts';
import { demoExamples, example } from './support/sim.ts';

type Received = { path: string; headers: IncomingHttpHeaders; body: string };

/** A webhook receiver on 127.0.0.1, as a person's script or home server would run it. */
async function startReceiver() {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, body });
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { port, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

async function setPrivateTargets(page: Page, allow: boolean) {
  await page.goto('/admin/notifications');
  const heading = page.getByRole('heading', { name: /^Private addresses are/ });
  await expect(heading).toBeVisible();
  const wanted = allow ? 'Private addresses are allowed' : 'Private addresses are refused';
  if ((await heading.textContent()) !== wanted) {
    await page
      .getByRole('button', { name: allow ? 'Allow private addresses' : 'Refuse private addresses' })
      .click();
  }
  await expect(page.getByRole('heading', { name: wanted })).toBeVisible();
}

test('notifications settings: push is offered per device; a webhook to 127.0.0.1 is refused until the admin allows it, then a save arrives signed', async ({
  browser,
  page,
  request,
}, testInfo) => {
  test.setTimeout(180_000);
  const receiver = await startReceiver();
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  try {
    await signInAsAdmin(admin);
    await setPrivateTargets(admin, false);

    await signUpThroughUi(page);
    await page.goto('/settings/notifications');
    await expect(page).toHaveTitle('Notifications — TikSavr');
    // npm start made a VAPID key pair on first start, so this server offers push.
    await expect(page.getByRole('heading', { name: 'Notifications on this device' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Turn on notifications on this device' })).toBeVisible();
    await expect(page.getByText('No device gets notifications yet.')).toBeVisible();

    const hook = `http://127.0.0.1:${receiver.port}/tiksavr-hook`;
    await page.getByLabel('Webhook address').fill(hook);
    await page.getByRole('button', { name: 'Save webhook' }).click();
    await expect(
      page
        .getByRole('alert')
        .filter({ hasText: "doesn't send webhooks to addresses inside its own network" }),
    ).toBeVisible();

    await setPrivateTargets(admin, true);
    await page.getByRole('button', { name: 'Save webhook' }).click();
    const secretBox = page.getByRole('status').filter({ hasText: 'Your signing secret' });
    await expect(secretBox).toBeVisible();
    const secret = (await secretBox.locator('code').textContent()) ?? '';
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    await screenshotBothSizes(page, testInfo, 'notifications-secret-shown');
    await page.getByRole('button', { name: 'I have kept it' }).click();
    await expect(page.getByText(`Signing secret: ${secret.slice(0, 10)}…`)).toBeVisible();

    // A save ends: the receiver gets signed JSON about it.
    const video = example(await demoExamples(request), 'Video (H.264 + HEVC)').url;
    await page.goto('/dashboard');
    await page.getByLabel('Paste TikTok links').fill(video);
    await expect(page.getByRole('list', { name: 'Links found' }).getByRole('listitem')).toHaveCount(1);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(cardFor(page, video)).toHaveAttribute('data-state', 'done', { timeout: 90_000 });
    await expect.poll(() => receiver.received.length, { timeout: 30_000 }).toBeGreaterThan(0);
    const [delivery] = receiver.received;
    const [, t = '', v1 = ''] =
      /^t=(\d+),v1=([0-9a-f]+)$/.exec(String(delivery?.headers['x-tiksavr-signature'])) ?? [];
    expect(createHmac('sha256', secret).update(`${t}.${delivery?.body}`).digest('hex')).toBe(v1);
    const payload = JSON.parse(delivery?.body ?? '{}') as {
      event: string;
      download: { state: string; link: string };
    };
    expect(payload.event).toBe('saved');
    expect(payload.download.state).toBe('done');

    await page.goto('/settings/notifications');
    await expect(page.getByRole('heading', { name: 'Delivery log' })).toBeVisible();
    await expect(page.getByText('Delivered (200).')).toBeVisible();
    await screenshotBothSizes(page, testInfo, 'notifications-delivered');
    await screenshotBothSizes(admin, testInfo, 'admin-notifications');
  } finally {
    await setPrivateTargets(admin, false).catch(() => {});
    await adminContext.close();
    await receiver.close();
  }
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the notifications pages have no serious accessibility faults (${colorScheme})`, async ({
    browser,
    page,
  }) => {
    await page.emulateMedia({ colorScheme });
    const faults = async (on: Page, path: string) => {
      await on.goto(path);
      await expect(on.getByText(/^Loading/)).toHaveCount(0);
      await expect(on.getByRole('heading', { level: 2 }).first()).toBeVisible();
      const results = await new AxeBuilder({ page: on }).analyze();
      return results.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical' || v.id === 'heading-order')
        .map((v) => `${v.id} on ${path}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
    };
    await signUpThroughUi(page);
    const adminContext = await browser.newContext({ colorScheme });
    try {
      const admin = await adminContext.newPage();
      await signInAsAdmin(admin);
      expect([
        ...(await faults(page, '/settings/notifications')),
        ...(await faults(admin, '/admin/notifications')),
      ]).toEqual([]);
    } finally {
      await adminContext.close();
    }
  });
}
