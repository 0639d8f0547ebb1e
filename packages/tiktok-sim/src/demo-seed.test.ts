import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { demoExamples } from './index.ts';
import { getPage, itemOf, type PageResult } from './sim-test-client.ts';
import type { DemoExample, TikTokSim } from './sim-types.ts';
import { startTikTokSim } from './start-tiktok-sim.ts';

describe("seed 'demo'", () => {
  let sim: TikTokSim;
  let examples: DemoExample[];
  before(async () => {
    sim = await startTikTokSim({ seed: 'demo' });
    examples = demoExamples(sim);
  });
  after(() => sim.close());

  /** Follows a short link like a downloader, then loads the post page. */
  async function open(label: string): Promise<PageResult> {
    const example = examples.find((e) => e.label === label);
    assert.ok(example, `no example "${label}"`);
    let url = example.simUrl;
    const first = await fetch(url, { redirect: 'manual' });
    if (first.status === 301) url = first.headers.get('location') ?? '';
    return getPage(url.replace('/photo/', '/video/'));
  }

  const statusOf = (page: PageResult) => page.scopes?.['webapp.video-detail']?.statusCode;

  test('lists every scenario, each with a label and a URL on the sim origin', () => {
    assert.deepEqual(
      examples.map((e) => e.label),
      [
        'Video (H.264 + HEVC)',
        'Photo post (3 images + music)',
        'Story, about 1 hour left',
        'Fresh story',
        'Followers-only story',
        'Expired story',
        'Post from a private account',
        'Deleted post',
        'Region-locked post',
        'Age-restricted post',
        'Video with 1080p only in HEVC',
        'Short link to the video',
        'Large video (80 MB, downloads slowly)',
        'Creator who posts a story every 30 minutes',
        'Creator with stories up now',
      ],
    );
    assert.ok(examples.every((e) => e.simUrl.startsWith(`${sim.origin}/`)));
  });

  test('the playable posts resolve with media', async () => {
    const video = itemOf(await open('Video (H.264 + HEVC)'));
    assert.deepEqual(
      new Set(video.video?.bitrateInfo?.map((g) => g.CodecType)),
      new Set(['h264', 'h265_hvc1']),
    );
    const photo = itemOf(await open('Photo post (3 images + music)'));
    assert.ok((photo.imagePost?.images.length ?? 0) >= 3);
    assert.ok(photo.music.playUrl);
    assert.equal(itemOf(await open('Short link to the video')).id, video.id);
    const hevcOnly = itemOf(await open('Video with 1080p only in HEVC'));
    assert.ok(hevcOnly.video?.bitrateInfo?.some((g) => g.CodecType === 'bytevc2'));
  });

  test('the live stories are pages and are in their author’s story list; the others are not', async () => {
    const nearDeadline = itemOf(await open('Story, about 1 hour left'));
    const fresh = itemOf(await open('Fresh story'));
    const list = (await (
      await fetch(`${sim.origin}/api/story/item_list/?authorId=${fresh.author.id}&count=10&cursor=0`)
    ).json()) as { itemList?: Array<{ id: string }> };
    assert.deepEqual(
      list.itemList?.map((i) => i.id),
      [nearDeadline.id, fresh.id],
    );
    const hoursLeft = (Number(nearDeadline.createTime) * 1000 + 24 * 3600 * 1000 - sim.now()) / 3600_000;
    assert.ok(hoursLeft > 0.9 && hoursLeft < 1.1, `${hoursLeft} h left`);
    assert.equal(statusOf(await open('Followers-only story')), 10216);
    const expired = (await open('Expired story')).scopes?.['webapp.video-detail'];
    assert.deepEqual([expired?.statusCode, expired?.statusMsg], [10204, 'status_deleted']);
  });

  test('the unavailable posts answer their status codes', async () => {
    assert.equal(statusOf(await open('Post from a private account')), 10222);
    assert.equal(statusOf(await open('Deleted post')), 10204);
    assert.equal(statusOf(await open('Region-locked post')), 10231);
    const gated = await open('Age-restricted post');
    assert.equal(statusOf(gated), 0);
    assert.equal(itemOf(gated).isContentClassified, true);
  });

  test('accounts and posts keep their ids and links across starts; stories are made afresh', async () => {
    const again = await startTikTokSim({ seed: 'demo' });
    try {
      const byLabel = (list: DemoExample[]) => new Map(list.map((e) => [e.label, e]));
      const first = byLabel(examples);
      const second = byLabel(demoExamples(again));
      for (const label of [
        'Video (H.264 + HEVC)',
        'Photo post (3 images + music)',
        'Deleted post',
        'Short link to the video',
      ]) {
        assert.equal(second.get(label)?.itemId, first.get(label)?.itemId, label);
        assert.equal(second.get(label)?.url, first.get(label)?.url, label);
      }
      assert.deepEqual(
        again.creators().map((c) => [c.handle, c.tiktokId, c.secUid]),
        sim.creators().map((c) => [c.handle, c.tiktokId, c.secUid]),
      );
      const story = first.get('Fresh story');
      assert.equal(story?.kind, 'story');
      assert.ok(story?.url.startsWith('https://vm.tiktok.com/'));
    } finally {
      await again.close();
    }
  });

  test('the large video is 80 MB and served slowly, so a progress bar is seen', async () => {
    const large = examples.find((e) => e.label.startsWith('Large video'));
    assert.ok(large);
    assert.equal(sim.mediaSize(large.itemId, 'video'), 80 * 1024 * 1024);
    const item = sim.items().find((i) => i.id === large.itemId);
    assert.ok((item?.mediaBytesPerSecond ?? 0) > 0 && (item?.mediaBytesPerSecond ?? 0) <= 8 * 1024 * 1024);
    const page = await open(large.label);
    const declared = itemOf(page).video?.bitrateInfo?.find((g) => g.CodecType === 'h264')?.PlayAddr.DataSize;
    assert.equal(Number(declared), 80 * 1024 * 1024);
  });

  test('the creators to watch have profiles and live stories; one posts a new story every 30 min', async () => {
    const creators = examples.filter((e) => e.kind === 'creator');
    assert.deepEqual(
      creators.map((e) => e.url),
      ['https://www.tiktok.com/@daily.doodles', 'https://www.tiktok.com/@night.owl.art'],
    );
    const doodles = sim.creator('daily.doodles');
    assert.ok(doodles);
    const storyIds = async () =>
      (
        (await (
          await fetch(`${sim.origin}/api/story/item_list/?authorId=${doodles.tiktokId}&count=50&cursor=0`)
        ).json()) as { itemList?: Array<{ id: string }> }
      ).itemList?.map((i) => i.id) ?? [];
    const before = await storyIds();
    assert.equal(before.length, 2);
    sim.advanceClock(31 * 60);
    try {
      const after = await storyIds();
      assert.equal(after.length, 3);
      assert.deepEqual(after.slice(0, 2), before);
    } finally {
      sim.advanceClock(-31 * 60);
    }
  });

  test("seed 'none' has no examples", async () => {
    const empty = await startTikTokSim();
    try {
      assert.deepEqual(demoExamples(empty), []);
      assert.deepEqual(empty.items(), []);
    } finally {
      await empty.close();
    }
  });
});
