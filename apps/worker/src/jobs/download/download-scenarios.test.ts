import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ERRORS, type ErrorCode } from '@tiksavr/core';
import type { SimFault, SimItemSpec } from '@tiksavr/tiktok-sim';
import { createWorkerWorld, show, tiktokUrlOf, type WorkerWorld } from '../../test-support/worker-fixture.ts';

/** The world of the suite running now (the suites run one after the other). */
let world: WorkerWorld;

let userCount = 0;
const user = () => `user_${++userCount}`;

async function run(spec: Partial<SimItemSpec>, fault?: SimFault) {
  const item = world.sim.addItem({ kind: 'video', username: user(), ...spec });
  if (fault) world.sim.setFault(item.id, fault);
  const id = await world.submit(tiktokUrlOf(item));
  const [download] = await world.waitForTerminal([id], 20_000);
  assert.ok(download);
  return { item, download };
}

async function assertStoredLikeSim(itemId: string) {
  const assets = await world.database.db.asset.findMany({
    where: { itemId },
    orderBy: [{ role: 'asc' }, { index: 'asc' }],
  });
  const video = assets.find((asset) => asset.role === 'video');
  assert.ok(video, 'video asset');
  assert.equal(video.sha256, await world.sim.mediaSha256(itemId, 'video'));
  return assets;
}

// Both media transfers (curl writing the file, node:http streaming it) pass every scenario.
for (const transfer of ['curl', 'node'] as const) {
  describe(`media.download over the ${transfer} transfer: every simulator scenario ends in the right state`, () => {
    before(async () => {
      world = await createWorkerWorld(`wscen_${transfer}`);
      // Every file through the one transfer (by default small files never meet curl).
      const worker = await world.startWorker({
        MAX_MEDIA_BYTES: String(3 * 1024 * 1024),
        WORKER_TRANSFER: transfer,
        WORKER_CURL_MIN_BYTES: '0',
      });
      assert.equal(worker.curlFromBytes, transfer === 'curl' ? 0 : null);
    });
    after(async () => {
      await world?.close();
    });

    test('the heartbeat tells admins how this worker fetches media', async () => {
      const [beat] = await world.database.db.workerHeartbeat.findMany({
        orderBy: { startedAt: 'desc' },
        take: 1,
      });
      assert.match(
        beat?.transfer ?? '',
        transfer === 'curl'
          ? /^curl \d\S* from 0 MiB, node:http below$/
          : /^node:http only \(WORKER_TRANSFER=node\)$/,
      );
    });

    test('a public video is stored with the sim bytes and the Download ends done', async () => {
      const { item, download } = await run({ caption: 'Hello World #Cats' });
      assert.equal(download.state, 'done', show(download));
      assert.equal(download.itemId, item.id);
      assert.equal(download.kind, 'video');
      assert.equal(download.author, item.username);
      assert.equal(download.failureCode, null);
      assert.ok(download.startedAt && download.finishedAt);
      assert.match(download.searchText, /hello world #cats/);
      assert.equal(download.bytesDone, download.bytesTotal);
      await assertStoredLikeSim(item.id);
      const stored = await world.database.db.item.findUnique({ where: { id: item.id } });
      assert.ok(stored?.storedAt);
    });

    test('a photo post stores every image and the audio, in order', async () => {
      const { item, download } = await run({ kind: 'photo', imageCount: 4 });
      assert.equal(download.state, 'done', show(download));
      assert.equal(download.kind, 'photo');
      const assets = await world.database.db.asset.findMany({ where: { itemId: item.id } });
      const images = assets.filter((asset) => asset.role === 'image').sort((a, b) => a.index - b.index);
      assert.deepEqual(
        images.map((image) => image.index),
        [0, 1, 2, 3],
      );
      for (const image of images) {
        assert.equal(image.sha256, await world.sim.mediaSha256(item.id, 'image', image.index));
      }
      const audio = assets.find((asset) => asset.role === 'audio');
      assert.equal(audio?.sha256, await world.sim.mediaSha256(item.id, 'audio'));
    });

    const permanent: Array<[SimItemSpec['visibility'], ErrorCode[]]> = [
      ['deleted', ['deleted', 'not_found']],
      ['private_post', ['private_post']],
      ['followers_only', ['private_post']],
      ['private_account', ['private_account']],
      ['region_locked', ['region_locked']],
      ['age_restricted', ['age_restricted']],
    ];
    for (const [visibility, codes] of permanent) {
      test(`a ${visibility} post fails at once with its code and plain message`, async () => {
        const { download } = await run({ visibility });
        assert.equal(download.state, 'failed', show(download));
        assert.ok(codes.includes(download.failureCode as ErrorCode), show(download));
        assert.equal(download.failureMessage, ERRORS[download.failureCode as ErrorCode].user);
        assert.equal(download.attempts, 1, 'permanent failures are not retried');
      });
    }

    const transient: Array<[string, SimFault]> = [
      ['a challenge page', { kind: 'challenge_once' }],
      ['429 on the page', { kind: 'status_429', on: 'page', times: 2 }],
      ['429 on the media', { kind: 'status_429', on: 'media', times: 2 }],
      ['5xx on the page', { kind: 'status_5xx', on: 'page', times: 2 }],
      ['5xx on the media', { kind: 'status_5xx', on: 'media', times: 3 }],
      ['a connection reset mid-body', { kind: 'reset_after', bytes: 20_000, times: 2 }],
      ['a truncated body', { kind: 'truncate_after', bytes: 30_000, times: 2 }],
      ['an expired media signature', { kind: 'expired_signature', times: 1 }],
      ['a media 403', { kind: 'media_forbidden', times: 1 }],
      ['a login wall', { kind: 'login_wall', times: 1 }],
      ['a slow body', { kind: 'slow_body', bytesPerSecond: 400_000, times: 1 }],
    ];
    for (const [name, fault] of transient) {
      test(`${name} is retried and the download completes`, async () => {
        const { item, download } = await run({}, fault);
        assert.equal(download.state, 'done', show(download));
        await assertStoredLikeSim(item.id);
      });
    }

    test('a fault that never clears ends failed with the last code after the attempt limit', async () => {
      const { download } = await run({}, { kind: 'status_5xx', on: 'page' });
      assert.equal(download.state, 'failed', show(download));
      assert.equal(download.failureCode, 'upstream_error');
      assert.equal(download.failureMessage, ERRORS.upstream_error.user);
      assert.equal(download.attempts, 5);
    });

    test('a reset mid-body resumes with Range instead of starting over', async () => {
      const { item, download } = await run(
        { largeBytes: 600_000 },
        { kind: 'reset_after', bytes: 250_000, times: 1 },
      );
      assert.equal(download.state, 'done', show(download));
      await assertStoredLikeSim(item.id);
      const served = world.sim.stats().items[item.id]?.media['video#0'];
      assert.ok(served, 'video stats');
      // One cut-off body (≈250 kB) plus the rest: far less than two whole files.
      assert.ok(served.bytesServed < 2 * 600_000, `served ${served.bytesServed}`);
      assert.ok(served.requests >= 2);
    });

    test('a file over MAX_MEDIA_BYTES fails with too_large', async () => {
      const { download } = await run({ largeBytes: 4 * 1024 * 1024 });
      assert.equal(download.state, 'failed', show(download));
      assert.equal(download.failureCode, 'too_large');
      assert.deepEqual(await world.database.db.asset.count({ where: { itemId: download.itemId ?? '' } }), 0);
    });

    test('a short link is followed', async () => {
      const item = world.sim.addItem({ kind: 'video', username: user() });
      const id = await world.submit(`https://vm.tiktok.com/${item.shortCode}/`);
      const [download] = await world.waitForTerminal([id], 20_000);
      assert.equal(download?.state, 'done', show(download));
      assert.equal(download?.itemId, item.id);
      assert.equal(download?.canonicalUrl, tiktokUrlOf(item));
    });

    test('a live story is saved first-class: kind story, deadline recorded', async () => {
      const { item, download } = await run({ story: true });
      assert.equal(download.state, 'done', show(download));
      assert.equal(download.kind, 'story');
      // TikTok's createTime has whole seconds.
      const expected = Date.parse(item.storyExpiresAt ?? '');
      assert.ok(Math.abs((download.storyDeadline?.getTime() ?? 0) - expected) < 1000, show(download));
      assert.ok(download.priority > 0);
    });

    test('a story already past its deadline when picked up ends expired with story_expired', async () => {
      const item = world.sim.addItem({ kind: 'video', username: user(), story: true });
      const id = await world.submit(tiktokUrlOf(item), { storyDeadline: new Date(Date.now() - 1000) });
      const [download] = await world.waitForTerminal([id], 10_000);
      assert.equal(download?.state, 'expired', show(download));
      assert.equal(download?.failureCode, 'story_expired');
      assert.equal(download?.failureMessage, ERRORS.story_expired.user);
    });

    test('the same item twice at once is downloaded once; a later one links without fetching', async () => {
      const item = world.sim.addItem({ kind: 'video', username: user(), largeBytes: 300_000 });
      world.sim.setFault(item.id, { kind: 'slow_body', bytesPerSecond: 600_000 });
      const ids = await Promise.all([world.submit(tiktokUrlOf(item)), world.submit(tiktokUrlOf(item))]);
      const downloads = await world.waitForTerminal(ids, 20_000);
      for (const download of downloads) assert.equal(download.state, 'done', show(download));
      world.sim.clearFaults();
      const video = () => world.sim.stats().items[item.id]?.media['video#0'];
      assert.equal(video()?.completeBodies, 1);
      const later = await world.submit(tiktokUrlOf(item));
      const [linked] = await world.waitForTerminal([later], 10_000);
      assert.equal(linked?.state, 'done', show(linked));
      assert.equal(video()?.requests, 1);
      assert.equal(await world.database.db.asset.count({ where: { itemId: item.id, role: 'video' } }), 1);
    });

    test('a download canceled while it streams stops and stays canceled', async () => {
      const item = world.sim.addItem({ kind: 'video', username: user(), largeBytes: 2_000_000 });
      world.sim.setFault(item.id, { kind: 'slow_body', bytesPerSecond: 200_000 });
      const id = await world.submit(tiktokUrlOf(item));
      const db = world.database.db;
      for (let i = 0; i < 100; i++) {
        const row = await db.download.findUnique({ where: { id } });
        if (row?.state === 'downloading' && (row.bytesDone ?? 0n) > 0n) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      await db.download.update({ where: { id }, data: { state: 'canceled', failureCode: 'canceled' } });
      const servedAtCancel = world.sim.stats().items[item.id]?.media['video#0']?.bytesServed ?? 0;
      await new Promise((r) => setTimeout(r, 1500));
      const row = await db.download.findUnique({ where: { id } });
      assert.equal(row?.state, 'canceled');
      assert.equal(await db.asset.count({ where: { itemId: item.id } }), 0);
      const servedLater = world.sim.stats().items[item.id]?.media['video#0']?.bytesServed ?? 0;
      // The worker hung up: far less than the remaining ~1.5 MB was sent after the cancel.
      assert.ok(servedLater - servedAtCancel < 600_000, `${servedLater - servedAtCancel} bytes after cancel`);
      world.sim.clearFaults();
    });
  });
}
