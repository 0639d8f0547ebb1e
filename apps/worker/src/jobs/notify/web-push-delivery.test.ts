import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ERRORS } from '@tiksavr/core';
import { seedUser } from '@tiksavr/db/testing';
import { createWorkerWorld, show, tiktokUrlOf, type WorkerWorld } from '../../test-support/worker-fixture.ts';
import type { PushMessage } from './deliver-push.ts';
import { type LocalReceiver, startReceiver } from './test-support/local-receiver.ts';
import { notifyJobs, submitFor } from './test-support/notify-world.ts';
import {
  type BrowserPushKeys,
  decryptPushMessage,
  newBrowserPushKeys,
  newVapidKeys,
  verifyVapidHeader,
} from './test-support/web-push-oracle.ts';

const PUBLIC_URL = 'http://tiksavr.test:3000';

/**
 * Web Push end to end: a download ends in the worker, `notify.deliver` sends the message to a
 * push service standing in on 127.0.0.1, and the test decrypts it with the keys it holds as the
 * browser would (RFC 8291, decrypted by the test's own code) and checks the VAPID signature.
 */
describe('web push when a save ends', () => {
  let world: WorkerWorld;
  let pushService: LocalReceiver;
  const vapid = newVapidKeys();
  let userCount = 0;

  /** A person with one device subscribed at `/push/<name>` of the stand-in push service. */
  async function personWithDevice(name: string, switches: { onSaved?: boolean } = {}) {
    const user = await seedUser(world.database.db);
    const keys = newBrowserPushKeys();
    const device = await world.database.db.pushSubscription.create({
      data: {
        userId: user.id,
        endpoint: `${pushService.origin}/push/${name}`,
        p256dh: keys.p256dh,
        auth: keys.auth,
        userAgent: 'Firefox on Linux',
        ...switches,
      },
    });
    return { user, keys, device, path: `/push/${name}` };
  }

  async function messageAt(path: string, keys: BrowserPushKeys): Promise<PushMessage> {
    const [request] = await pushService.waitFor(path, 1, 20_000);
    assert.ok(request);
    assert.equal(request.method, 'POST');
    assert.equal(request.headers['content-encoding'], 'aes128gcm');
    assert.equal(request.headers.ttl, String(24 * 3600));
    const claims = verifyVapidHeader(String(request.headers.authorization), vapid.publicKey);
    assert.equal(claims.aud, pushService.origin);
    assert.equal(claims.sub, 'mailto:admin@tiksavr.test');
    assert.ok(claims.exp * 1000 > Date.now());
    return JSON.parse(decryptPushMessage(request.body, keys)) as PushMessage;
  }

  const user = () => `pushed_${++userCount}`;

  before(async () => {
    pushService = await startReceiver((request) => ({ status: request.path.endsWith('/gone') ? 410 : 201 }));
    world = await createWorkerWorld('notify_push');
    await world.startWorker({
      VAPID_PUBLIC_KEY: vapid.publicKey,
      VAPID_PRIVATE_KEY: vapid.privateKey,
      PUBLIC_URL,
      // The stand-in push service is on 127.0.0.1, so this world lets private targets through.
      WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true',
    });
  });
  after(async () => {
    await world?.close();
    await pushService?.close();
  });

  test('a saved video: "Saved" with its caption, a link to it, encrypted to the device', async () => {
    const person = await personWithDevice('saved');
    const item = world.sim.addItem({ kind: 'video', username: user(), caption: 'Morning surf 🌊\nday two' });
    const id = await submitFor(world, person.user.id, tiktokUrlOf(item));
    const [download] = await world.waitForTerminal([id], 20_000);
    assert.equal(download?.state, 'done', show(download));
    const message = await messageAt(person.path, person.keys);
    assert.deepEqual(message, {
      event: 'saved',
      title: 'Saved: Morning surf 🌊',
      body: `Video by @${item.username} is in your TikSavr history.`,
      url: `${PUBLIC_URL}/history?q=${encodeURIComponent(tiktokUrlOf(item))}`,
      downloadId: id,
      at: download?.finishedAt?.toISOString(),
    });
    // The device's row says when it last worked (written once the push service has answered).
    const worked = () =>
      world.database.db.pushSubscription.findUniqueOrThrow({ where: { id: person.device.id } });
    let device = await worked();
    for (let i = 0; i < 100 && device.lastSuccessAt === null; i++) {
      await new Promise((r) => setTimeout(r, 50));
      device = await worked();
    }
    assert.ok(device.lastSuccessAt, 'lastSuccessAt set');
    assert.equal(device.failures, 0);
  });

  test('a deleted post: "Couldn\'t save" with the words history shows', async () => {
    const person = await personWithDevice('failed');
    const item = world.sim.addItem({ kind: 'video', username: user(), visibility: 'deleted' });
    const id = await submitFor(world, person.user.id, tiktokUrlOf(item));
    const [download] = await world.waitForTerminal([id], 20_000);
    assert.equal(download?.state, 'failed', show(download));
    const message = await messageAt(person.path, person.keys);
    assert.equal(message.event, 'failed');
    assert.match(message.title, /^Couldn't save: /);
    assert.equal(message.body, download?.failureMessage);
    assert.ok(Object.values(ERRORS).some((spec) => spec.user === message.body));
  });

  test('a story a watched creator posted: "New story by @name"', async () => {
    const person = await personWithDevice('story');
    const creator = user();
    const item = world.sim.addItem({ kind: 'video', username: creator, story: true, caption: '' });
    const id = await submitFor(world, person.user.id, tiktokUrlOf(item), {
      origin: 'watch',
      storyDeadline: new Date(Date.now() + 20 * 3600_000),
    });
    const [download] = await world.waitForTerminal([id], 20_000);
    assert.equal(download?.state, 'done', show(download));
    const message = await messageAt(person.path, person.keys);
    assert.equal(message.event, 'watched_story');
    assert.equal(message.title, `New story by @${creator}`);
    assert.equal(message.body, `Saved: Story by @${creator}`);
  });

  test('a device that turned "Saved" off gets nothing; a device its browser dropped (410) is removed', async () => {
    const quiet = await personWithDevice('quiet', { onSaved: false });
    const owner = quiet.user;
    const keys = newBrowserPushKeys();
    const dropped = await world.database.db.pushSubscription.create({
      data: {
        userId: owner.id,
        endpoint: `${pushService.origin}/push/gone`,
        p256dh: keys.p256dh,
        auth: keys.auth,
      },
    });
    const item = world.sim.addItem({ kind: 'video', username: user() });
    const id = await submitFor(world, owner.id, tiktokUrlOf(item));
    await world.waitForTerminal([id], 20_000);
    await pushService.waitFor('/push/gone', 1, 20_000);
    for (let i = 0; i < 100; i++) {
      if ((await world.database.db.pushSubscription.count({ where: { id: dropped.id } })) === 0) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    assert.equal(await world.database.db.pushSubscription.count({ where: { id: dropped.id } }), 0);
    const queued = (await notifyJobs(world)).filter((job) => job.data.downloadId === id);
    assert.deepEqual(
      queued.map((job) => job.data.subscriptionId),
      [dropped.id],
      'only the device that wants "Saved" got a job',
    );
    assert.equal(pushService.to(quiet.path).length, 0);
  });
});
