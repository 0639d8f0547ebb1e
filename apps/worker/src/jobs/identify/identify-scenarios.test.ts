import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { ERRORS } from '@tiksavr/core';
import type { Download } from '@tiksavr/db';
import type { SimPosted } from '@tiksavr/tiktok-sim';
import { waitUntil } from '../../test-support/watch-fixture.ts';
import { createWorkerWorld, show, type WorkerWorld } from '../../test-support/worker-fixture.ts';

/**
 * `media.identify` and the story outcomes against the simulator, a real Postgres and pg-boss.
 * The worker's clock is the simulator's, so a story expires for both when the test moves it.
 */
let world: WorkerWorld;
let creatorCount = 0;

before(async () => {
  world = await createWorkerWorld('wident');
  // One download slot, so a large file can keep it busy while a story waits; identify has its own.
  await world.startWorker(
    { WORKER_CONCURRENCY: '1', WORKER_IDENTIFY_CONCURRENCY: '2' },
    { now: () => new Date(world.sim.now()) },
  );
});
after(async () => {
  await world?.close();
});

function newCreator() {
  return world.sim.addCreator({ handle: `teller_${++creatorCount}` });
}

async function downloadOf(id: string): Promise<Download> {
  return world.database.db.download.findUniqueOrThrow({ where: { id } });
}

async function pasteAndWait(url: string): Promise<Download> {
  const id = await world.submit(url);
  const [download] = await world.waitForTerminal([id], 20_000);
  assert.ok(download);
  return download;
}

function storyListRequestsFor(tiktokId: string, sinceSeq: number): number {
  return world.sim
    .requests(sinceSeq)
    .filter((request) => request.path.startsWith('/api/story/item_list/') && request.path.includes(tiktokId))
    .length;
}

function lastSeq(): number {
  return world.sim.requests().at(-1)?.seq ?? 0;
}

test('a story short link is identified while every download slot is busy, then saved with its time to spare', async () => {
  const busy = newCreator();
  const big = world.sim.addPost(busy.handle, { bytes: 2_000_000 });
  world.sim.setFault(big.id, { kind: 'slow_body', bytesPerSecond: 700_000, times: 1 });
  const bigId = await world.submit(big.url);
  await waitUntil(
    'the large download to hold the only slot',
    async () => {
      return (await downloadOf(bigId)).state === 'downloading';
    },
    10_000,
  );

  const teller = newCreator();
  const story: SimPosted = world.sim.addStory(teller.handle, { ageSeconds: 3600 });
  const since = lastSeq();
  const storyDownloadId = await world.submit(story.shortUrl);
  // Identified = kind and deadline recorded and the Download handed to its download job.
  const waiting = await waitUntil(
    'the story to be identified',
    async () => {
      const row = await downloadOf(storyDownloadId);
      if (row.kind !== 'story' || row.storyDeadline === null || row.jobId === null) return null;
      const [handedOver] = await world.database.db.$queryRaw<{ id: string }[]>`
        SELECT id FROM pgboss.job WHERE name = 'media.download' AND id = ${row.jobId}::uuid`;
      return handedOver ? row : null;
    },
    10_000,
  );
  assert.equal(waiting.state, 'queued', show(waiting));
  assert.equal((await downloadOf(bigId)).state, 'downloading', 'the large file still holds the slot');
  assert.equal(waiting.author, teller.handle);
  assert.equal(waiting.itemId, story.id);
  assert.equal(waiting.canonicalUrl, story.url);
  assert.ok(Math.abs((waiting.storyDeadline?.getTime() ?? 0) - Date.parse(story.expiresAt ?? '')) < 1000);
  // The download job waits with a story's priority (by its deadline), ahead of posts.
  const [job] = await world.database.db.$queryRaw<{ priority: number }[]>`
    SELECT priority FROM pgboss.job WHERE name = 'media.download' AND id = ${waiting.jobId}::uuid`;
  assert.ok((job?.priority ?? 0) > 0, JSON.stringify(job));

  const [saved] = await world.waitForTerminal([storyDownloadId], 20_000);
  assert.equal(saved?.state, 'done', show(saved));
  assert.equal(saved?.kind, 'story');
  // The dashboard says "Saved with … to spare" from these two.
  assert.ok(saved?.finishedAt && saved.storyDeadline && saved.finishedAt < saved.storyDeadline);
  // The story list was asked once (by identify); the short link was followed once.
  assert.equal(storyListRequestsFor(teller.tiktokId, since), 1);
  const shortCode = new URL(story.shortUrl).pathname.split('/').filter(Boolean).at(-1) ?? '';
  assert.equal(
    world.sim
      .requests(since)
      .filter((request) => request.kind === 'short_link' && request.path.includes(shortCode)).length,
    1,
  );
  await world.waitForTerminal([bigId], 20_000);
});

test('a story TikSavr knew as a story ends expired after its 24 hours, with the story words', async () => {
  const teller = newCreator();
  const story = world.sim.addStory(teller.handle, { ageSeconds: 3600 });
  assert.equal((await pasteAndWait(story.shortUrl)).state, 'done');
  world.sim.advanceClock(24 * 3600);
  const again = await pasteAndWait(story.shortUrl);
  assert.equal(again.state, 'expired', show(again));
  assert.equal(again.failureCode, 'story_expired');
  assert.equal(again.failureMessage, ERRORS.story_expired.user);
  assert.equal(again.kind, 'story');
  assert.ok(again.storyDeadline && again.storyDeadline.getTime() <= world.sim.now());
});

test('a story its creator took down before its 24 hours ends story_removed, not expired or deleted', async () => {
  const teller = newCreator();
  const story = world.sim.addStory(teller.handle, { ageSeconds: 600 });
  assert.equal((await pasteAndWait(story.shortUrl)).state, 'done');
  world.sim.deleteItem(story.id);
  const since = lastSeq();
  const again = await pasteAndWait(story.shortUrl);
  assert.equal(again.state, 'failed', show(again));
  assert.equal(again.failureCode, 'story_removed');
  assert.equal(again.failureMessage, ERRORS.story_removed.user);
  assert.equal(again.kind, 'story');
  // The author's story list was asked again to tell "taken down" from "hidden by TikTok".
  assert.equal(storyListRequestsFor(teller.tiktokId, since), 1);
});

test('an unknown short link that is gone and more than 24 hours old ends gone; a young one deleted', async () => {
  const creator = newCreator();
  const oldPost = world.sim.addPost(creator.handle, { ageSeconds: 30 * 3600 });
  world.sim.deleteItem(oldPost.id);
  const oldStory = world.sim.addStory(creator.handle, { ageSeconds: 25 * 3600 });
  const youngPost = world.sim.addPost(creator.handle, { ageSeconds: 3600 });
  world.sim.deleteItem(youngPost.id);

  for (const gone of [oldPost, oldStory]) {
    const download = await pasteAndWait(gone.shortUrl);
    assert.equal(download.state, 'failed', show(download));
    assert.equal(download.failureCode, 'gone');
    assert.equal(download.failureMessage, ERRORS.gone.user);
    // What the short link told is kept: where it led and whose it was.
    assert.equal(download.canonicalUrl, gone.url);
    assert.equal(download.author, creator.handle);
  }
  const young = await pasteAndWait(youngPost.shortUrl);
  assert.equal(young.failureCode, 'deleted', show(young));
});

test('a story known as one that became followers-only ends story_followers_only and stays a story', async () => {
  const teller = newCreator();
  const story = world.sim.addStory(teller.handle, { ageSeconds: 600 });
  assert.equal((await pasteAndWait(story.shortUrl)).state, 'done');
  world.sim.updateItem(story.id, { visibility: 'followers_only' });
  const again = await pasteAndWait(story.shortUrl);
  assert.equal(again.state, 'failed', show(again));
  assert.equal(again.failureCode, 'story_followers_only');
  assert.equal(again.failureMessage, ERRORS.story_followers_only.user);
  assert.equal(again.kind, 'story');
  assert.ok(again.storyDeadline);
  // Never seen before, a followers-only story cannot be told from a private post: worded for both.
  const unseen = world.sim.addStory(teller.handle, { ageSeconds: 600, visibility: 'followers_only' });
  const cold = await pasteAndWait(unseen.shortUrl);
  assert.equal(cold.failureCode, 'private_post', show(cold));
});

test('a short link whose identify job was lost is identified again by the sweep and saved', async () => {
  const teller = newCreator();
  const story = world.sim.addStory(teller.handle, { ageSeconds: 600 });
  const lostJobId = randomUUID();
  const download = await world.database.db.download.create({
    data: {
      userId: world.userId,
      inputUrl: story.shortUrl,
      canonicalUrl: story.shortUrl,
      searchText: story.shortUrl.toLowerCase(),
      priority: 1,
      // As if its media.identify job vanished (a crashed producer, a purged queue).
      jobId: lostJobId,
    },
  });
  const [done] = await world.waitForTerminal([download.id], 20_000);
  assert.equal(done?.state, 'done', show(done));
  assert.equal(done?.kind, 'story');
  const identifyJobs = await world.database.db.$queryRaw<{ id: string }[]>`
    SELECT id::text FROM pgboss.job WHERE name = 'media.identify' AND data->>'downloadId' = ${download.id}`;
  assert.equal(identifyJobs.length, 1, 'the sweep sent a new media.identify job');
  assert.notEqual(identifyJobs[0]?.id, lostJobId);
});
