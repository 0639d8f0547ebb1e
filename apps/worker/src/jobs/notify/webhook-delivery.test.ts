import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { lookup } from 'node:dns/promises';
import { after, before, beforeEach, describe, test } from 'node:test';
import { ALLOW_PRIVATE_TARGETS_SETTING, type NotificationPayload, newWebhookSecret } from '@tiksavr/core';
import type { WebhookDelivery } from '@tiksavr/db';
import { seedUser } from '@tiksavr/db/testing';
import { createWorkerWorld, show, tiktokUrlOf, type WorkerWorld } from '../../test-support/worker-fixture.ts';
import { type LocalReceiver, type ReceivedRequest, startReceiver } from './test-support/local-receiver.ts';
import { submitFor } from './test-support/notify-world.ts';

const PUBLIC_URL = 'http://tiksavr.test:3000';

/** What a receiver does with TikSavr's header, written here by hand (not with core's verify). */
function verifiedBody(request: ReceivedRequest, secret: string): string {
  const header = String(request.headers['x-tiksavr-signature']);
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header);
  assert.ok(match, `signature header: ${header}`);
  const [, t = '', v1 = ''] = match;
  const body = request.body.toString('utf8');
  assert.equal(createHmac('sha256', secret).update(`${t}.${body}`).digest('hex'), v1, 'HMAC matches');
  assert.ok(Math.abs(Date.now() / 1000 - Number(t)) < 60, 'timestamp is now');
  return body;
}

/** RFC 2047 `=?UTF-8?B?…?=` as ntfy reads it. */
function decodeHeader(value: string): string {
  const match = /^=\?UTF-8\?B\?([A-Za-z0-9+/=]+)\?=$/.exec(value);
  return match ? Buffer.from(match[1] ?? '', 'base64').toString('utf8') : value;
}

/**
 * Webhooks end to end: a download ends in the worker, the delivery goes to a receiver on
 * 127.0.0.1 (allowed only when the admin allows private targets), is signed, retried with
 * pg-boss's backoff when it fails, and every try is written to the delivery log.
 */
describe('webhooks when a save ends', () => {
  let world: WorkerWorld;
  let receiver: LocalReceiver;
  let userCount = 0;
  const handle = () => `hooked_${++userCount}`;

  async function setAllowPrivate(allow: boolean) {
    await world.database.db.setting.upsert({
      where: { key: ALLOW_PRIVATE_TARGETS_SETTING },
      create: { key: ALLOW_PRIVATE_TARGETS_SETTING, value: allow },
      update: { value: allow },
    });
  }

  async function personWithWebhook(url: string, format: 'json' | 'ntfy' = 'json') {
    const user = await seedUser(world.database.db);
    const secret = newWebhookSecret();
    await world.database.db.webhook.create({ data: { userId: user.id, url, format, secret } });
    return { user, secret };
  }

  /** Saves a new sim video for the person and waits for its delivery row to be delivered or failed. */
  async function saveAndDeliver(
    userId: string,
    spec: { caption?: string } = {},
    timeoutMs = 20_000,
  ): Promise<{ delivery: WebhookDelivery; downloadId: string; url: string }> {
    const item = world.sim.addItem({ kind: 'video', username: handle(), ...spec });
    const downloadId = await submitFor(world, userId, tiktokUrlOf(item));
    const [download] = await world.waitForTerminal([downloadId], 20_000);
    assert.equal(download?.state, 'done', show(download));
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const delivery = await world.database.db.webhookDelivery.findFirst({ where: { downloadId } });
      if (delivery && (delivery.deliveredAt || delivery.failedAt))
        return { delivery, downloadId, url: tiktokUrlOf(item) };
      if (Date.now() > deadline) throw new Error(`delivery not ended: ${JSON.stringify(delivery)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  before(async () => {
    receiver = await startReceiver((request, count) => {
      if (request.path === '/fail') return { status: 500 };
      if (request.path === '/flaky') return { status: count === 1 ? 503 : 204 };
      if (request.path === '/gone-for-good') return { status: 404 };
      return { status: 200 };
    });
    world = await createWorkerWorld('notify_hook');
    await world.startWorker(
      { PUBLIC_URL },
      {
        // Made-up names answer what a hostile DNS server could; every other name goes to the system.
        resolveHost: async (host) => {
          if (host === 'metadata.attacker.test') return ['169.254.169.254'];
          if (host === 'loopback.attacker.test') return ['93.184.215.14', '127.0.0.1'];
          return (await lookup(host, { all: true, verbatim: true })).map((entry) => entry.address);
        },
      },
    );
    // Short retries for the test: 3 tries, backoff from 1 s (pg-boss: 1–2 s, then 2–4 s).
    await world.producer.updateQueue('notify.deliver', { retryLimit: 2, retryDelay: 1, retryBackoff: true });
  });
  after(async () => {
    await world?.close();
    await receiver?.close();
  });
  beforeEach(async () => {
    await setAllowPrivate(true);
  });

  test('a saved video is POSTed as signed JSON the receiver can verify, and logged delivered', async () => {
    const { user, secret } = await personWithWebhook(`${receiver.origin}/hook/json`);
    const { delivery, downloadId, url } = await saveAndDeliver(user.id, { caption: 'Cat on a skateboard' });
    const [request] = receiver.to('/hook/json');
    assert.ok(request);
    assert.equal(request.headers['content-type'], 'application/json');
    assert.equal(request.headers['x-tiksavr-event'], 'saved');
    assert.equal(request.headers['x-tiksavr-delivery'], delivery.id);
    const payload = JSON.parse(verifiedBody(request, secret)) as NotificationPayload;
    const download = await world.database.db.download.findUniqueOrThrow({ where: { id: downloadId } });
    const assets = await world.database.db.asset.findMany({
      where: { itemId: download.itemId ?? '' },
      orderBy: [{ role: 'asc' }, { index: 'asc' }],
    });
    assert.ok(assets.length > 0);
    assert.deepEqual(payload, {
      event: 'saved',
      at: download.finishedAt?.toISOString(),
      download: {
        id: downloadId,
        link: url,
        kind: 'video',
        state: 'done',
        title: 'Cat on a skateboard',
        author: download.author,
        files: assets.map((asset) => ({
          role: asset.role,
          index: asset.index,
          mime: asset.mime,
          size: Number(asset.size),
          url: `${PUBLIC_URL}/api/v1/files/${asset.id}`,
        })),
        pageUrl: `${PUBLIC_URL}/history?q=${encodeURIComponent(url)}`,
      },
    });
    assert.equal(delivery.event, 'saved');
    assert.equal(delivery.host, `127.0.0.1:${receiver.port}`);
    assert.equal(delivery.statusCode, 200);
    assert.equal(delivery.attempt, 1);
    assert.equal(delivery.error, null);
    assert.ok(delivery.deliveredAt);
  });

  test('an endpoint answering 500 is tried 3 times with growing gaps, then logged as failed', async () => {
    const { user } = await personWithWebhook(`${receiver.origin}/fail`);
    const { delivery } = await saveAndDeliver(user.id, {}, 30_000);
    const tries = receiver.to('/fail');
    assert.equal(tries.length, 3, 'retryLimit 2: three tries');
    const [first, second, third] = tries.map((t) => t.at);
    assert.ok(first !== undefined && second !== undefined && third !== undefined);
    // pg-boss backoff from 1 s: the first gap 1–2 s, the second 2–4 s (plus polling).
    assert.ok(second - first >= 950, `first gap ${second - first} ms`);
    assert.ok(third - second >= 1950, `second gap ${third - second} ms`);
    assert.equal(delivery.attempt, 3);
    assert.equal(delivery.maxAttempts, 3);
    assert.equal(delivery.statusCode, 500);
    assert.equal(delivery.error, 'The receiver answered 500 (a server error).');
    assert.ok(delivery.failedAt);
    assert.equal(delivery.deliveredAt, null);
  });

  test('a passing failure (503) then success ends delivered on the second try', async () => {
    const { user } = await personWithWebhook(`${receiver.origin}/flaky`);
    const { delivery } = await saveAndDeliver(user.id, {}, 30_000);
    assert.equal(receiver.to('/flaky').length, 2);
    assert.equal(delivery.attempt, 2);
    assert.equal(delivery.statusCode, 204);
    assert.equal(delivery.error, null);
    assert.ok(delivery.deliveredAt);
  });

  test('a 404 is not retried: trying again would not help', async () => {
    const { user } = await personWithWebhook(`${receiver.origin}/gone-for-good`);
    const { delivery } = await saveAndDeliver(user.id);
    assert.equal(receiver.to('/gone-for-good').length, 1);
    assert.equal(delivery.attempt, 1);
    assert.equal(delivery.statusCode, 404);
    assert.ok(delivery.failedAt);
  });

  test('the ntfy format posts plain text with Title, Tags and Click headers', async () => {
    const { user } = await personWithWebhook(`${receiver.origin}/ntfy/my-topic`, 'ntfy');
    const { url } = await saveAndDeliver(user.id, { caption: 'Über den Wolken ☁️' });
    const [request] = receiver.to('/ntfy/my-topic');
    assert.ok(request);
    assert.equal(request.headers['content-type'], 'text/plain; charset=utf-8');
    assert.equal(decodeHeader(String(request.headers.title)), 'Saved: Über den Wolken ☁️');
    assert.equal(request.headers.tags, 'white_check_mark,tiksavr,saved');
    assert.equal(request.headers.click, `${PUBLIC_URL}/history?q=${encodeURIComponent(url)}`);
    assert.match(request.body.toString('utf8'), /^Video by @hooked_\d+ is in your TikSavr history\.$/);
  });

  test('by default 127.0.0.1, localhost, [::1], 169.254.169.254 and names resolving to them are refused', async () => {
    await setAllowPrivate(false);
    const before = receiver.requests.length;
    const targets = [
      `${receiver.origin}/hook/direct`,
      `http://localhost:${receiver.port}/hook/localhost`,
      `http://[::1]:${receiver.port}/hook/v6`,
      'http://169.254.169.254/latest/meta-data/',
      `http://metadata.attacker.test:${receiver.port}/hook/name`,
      `http://loopback.attacker.test:${receiver.port}/hook/mixed`,
    ];
    for (const target of targets) {
      const { user } = await personWithWebhook(target);
      const { delivery } = await saveAndDeliver(user.id);
      assert.ok(delivery.failedAt, target);
      assert.equal(delivery.attempt, 1, `${target}: refusing is not retried`);
      assert.equal(delivery.statusCode, null, target);
      assert.match(delivery.error ?? '', /^Not sent: .* TikSavr sends only to public addresses/, target);
    }
    assert.equal(receiver.requests.length, before, 'nothing reached the receiver');
  });

  test('the same address is delivered once the admin allows private targets', async () => {
    await setAllowPrivate(false);
    const { user } = await personWithWebhook(`http://localhost:${receiver.port}/hook/allowed-later`);
    const refused = await saveAndDeliver(user.id);
    assert.ok(refused.delivery.failedAt);
    await setAllowPrivate(true);
    const allowed = await saveAndDeliver(user.id);
    assert.ok(allowed.delivery.deliveredAt, JSON.stringify(allowed.delivery));
    assert.equal(receiver.to('/hook/allowed-later').length, 1);
  });
});
