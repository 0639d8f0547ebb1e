import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { getPage, type ItemStructView, itemOf, type PageResult, rawGet, sha256 } from './sim-test-client.ts';
import type { SimItem, TikTokSim } from './sim-types.ts';
import { startTikTokSim } from './start-tiktok-sim.ts';

describe('S5/S6 CDN', () => {
  let sim: TikTokSim;
  let video: SimItem;
  let page: PageResult;
  let item: ItemStructView;
  before(async () => {
    sim = await startTikTokSim({ mediaTtlSeconds: 600 });
    video = sim.addItem({ kind: 'video', username: 'cdn.check' });
    page = await getPage(video.pageUrl);
    item = itemOf(page);
  });
  after(() => sim.close());

  test('playAddr with the page cookie → 200 video/mp4, Content-Length, Accept-Ranges, the H.264 bytes', async () => {
    const res = await rawGet(item.video?.playAddr ?? '', { Cookie: page.cookies });
    assert.equal(res.status, 200);
    assert.equal(res.headers['content-type'], 'video/mp4');
    assert.equal(res.headers['accept-ranges'], 'bytes');
    assert.equal(Number(res.headers['content-length']), res.body.length);
    assert.equal(sha256(res.body), await sim.mediaSha256(video.id, 'video'));
    assert.ok(res.body.equals(sim.mediaBytes(video.id, 'video')));
  });

  test('downloadAddr serves the watermarked file, a different one', async () => {
    const res = await rawGet(item.video?.downloadAddr ?? '', { Cookie: page.cookies });
    assert.equal(res.status, 200);
    assert.equal(sha256(res.body), await sim.mediaSha256(video.id, 'video_watermarked'));
    assert.notEqual(sha256(res.body), await sim.mediaSha256(video.id, 'video'));
  });

  test('every bitrateInfo gear serves its own file', async () => {
    const roles = { h264_1080: 'video', h264_540: 'video_h264_low', h265_hvc1_1080: 'video_hevc' } as const;
    for (const gear of item.video?.bitrateInfo ?? []) {
      const res = await rawGet(gear.PlayAddr.UrlList[0] ?? '', { Cookie: page.cookies });
      assert.equal(res.status, 200, gear.GearName);
      assert.equal(res.body.length, Number(gear.PlayAddr.DataSize));
      const role =
        roles[`${gear.CodecType}_${gear.PlayAddr.Height === 1920 ? 1080 : 540}` as keyof typeof roles];
      assert.equal(sha256(res.body), await sim.mediaSha256(video.id, role), gear.GearName);
    }
  });

  test('403 "Access Denied" without the cookie, with another page’s token, or with a tampered signature', async () => {
    const url = item.video?.playAddr ?? '';
    const noCookie = await rawGet(url);
    assert.equal(noCookie.status, 403);
    assert.match(noCookie.body.toString(), /Access Denied/);
    const otherPage = await getPage(video.pageUrl);
    assert.equal((await rawGet(url, { Cookie: otherPage.cookies })).status, 403);
    const tampered = url.replace(
      /signature=([0-9a-f])/,
      (_, c: string) => `signature=${c === 'a' ? 'b' : 'a'}`,
    );
    assert.equal((await rawGet(tampered, { Cookie: page.cookies })).status, 403);
    const longer = url.replace(/expire=(\d+)/, (_, e: string) => `expire=${Number(e) + 3600}`);
    assert.equal((await rawGet(longer, { Cookie: page.cookies })).status, 403);
    assert.ok((sim.stats().items[video.id]?.mediaDenied ?? 0) >= 4);
  });

  test('403 once the sim clock passes expire; a fresh page works again', async () => {
    const fresh = await getPage(video.pageUrl);
    const url = itemOf(fresh).video?.playAddr ?? '';
    assert.equal((await rawGet(url, { Cookie: fresh.cookies })).status, 200);
    sim.advanceClock(601);
    try {
      assert.equal((await rawGet(url, { Cookie: fresh.cookies })).status, 403);
      const again = await getPage(video.pageUrl);
      assert.equal(
        (await rawGet(itemOf(again).video?.playAddr ?? '', { Cookie: again.cookies })).status,
        200,
      );
    } finally {
      sim.advanceClock(-601);
    }
  });

  test('Range: bytes=a-b and a- → 206 with Content-Range; beyond the end → 416', async () => {
    const url = item.video?.playAddr ?? '';
    const whole = sim.mediaBytes(video.id, 'video');
    const middle = await rawGet(url, { Cookie: page.cookies, Range: 'bytes=100-199' });
    assert.equal(middle.status, 206);
    assert.equal(middle.headers['content-range'], `bytes 100-199/${whole.length}`);
    assert.ok(middle.body.equals(whole.subarray(100, 200)));
    const tail = await rawGet(url, { Cookie: page.cookies, Range: `bytes=${whole.length - 10}-` });
    assert.equal(tail.status, 206);
    assert.ok(tail.body.equals(whole.subarray(whole.length - 10)));
    const beyond = await rawGet(url, { Cookie: page.cookies, Range: `bytes=${whole.length}-` });
    assert.equal(beyond.status, 416);
    assert.equal(beyond.headers['content-range'], `bytes */${whole.length}`);
  });

  test('HEAD gives the headers and no body', async () => {
    const res = await fetch(item.video?.playAddr ?? '', {
      method: 'HEAD',
      headers: { Cookie: page.cookies },
    });
    assert.equal(res.status, 200);
    assert.equal(Number(res.headers.get('content-length')), sim.mediaSize(video.id, 'video'));
    assert.equal((await res.arrayBuffer()).byteLength, 0);
  });

  test('images (jpeg, webp), covers and music need only their x-signature, not the cookie', async () => {
    const photo = sim.addItem({ kind: 'photo', username: 'cdn.photos', musicFormat: 'm4a', imageCount: 4 });
    const photoItem = itemOf(await getPage(photo.pageUrl));
    const images = photoItem.imagePost?.images ?? [];
    for (const [index, image] of images.entries()) {
      const [jpegUrl = '', webpUrl = ''] = image.imageURL.urlList;
      const jpeg = await rawGet(jpegUrl);
      assert.equal(jpeg.status, 200);
      assert.equal(jpeg.headers['content-type'], 'image/jpeg');
      assert.equal(sha256(jpeg.body), await sim.mediaSha256(photo.id, 'image', index));
      const webp = await rawGet(webpUrl);
      assert.equal(webp.headers['content-type'], 'image/webp');
    }
    const hashes = await Promise.all(images.map((_, i) => sim.mediaSha256(photo.id, 'image', i)));
    assert.equal(new Set(hashes).size, 4, 'every image of a post is a distinct file');
    const music = await rawGet(photoItem.music.playUrl);
    assert.equal(music.status, 200);
    assert.equal(music.headers['content-type'], 'audio/mp4');
    const mp3 = await rawGet(item.music.playUrl);
    assert.equal(mp3.headers['content-type'], 'audio/mpeg');
    assert.equal(sha256(mp3.body), await sim.mediaSha256(video.id, 'audio'));
    const cover = await rawGet(item.video?.cover ?? '');
    assert.equal(cover.headers['content-type'], 'image/jpeg');
  });

  test('images refuse a bad x-signature and an expired x-expires', async () => {
    const url = item.video?.cover ?? '';
    assert.equal((await rawGet(url.replace(/x-signature=[^&]+/, 'x-signature=AAAA'))).status, 403);
    sim.advanceClock(601);
    try {
      assert.equal((await rawGet(url)).status, 403);
    } finally {
      sim.advanceClock(-601);
    }
  });

  test('/media-video-hvc1/ URLs 404 and www /aweme/v1/play/ URLs are refused', async () => {
    const hevc = sim.addItem({ kind: 'video', username: 'cdn.hvc1', hevcOnly1080p: true });
    const hevcPage = await getPage(hevc.pageUrl);
    const gear = itemOf(hevcPage).video?.bitrateInfo?.find((g) => g.CodecType === 'h265_hvc1');
    const [dead = '', alive = '', aweme = ''] = gear?.PlayAddr.UrlList ?? [];
    assert.equal((await rawGet(dead, { Cookie: hevcPage.cookies })).status, 404);
    assert.equal((await rawGet(alive, { Cookie: hevcPage.cookies })).status, 200);
    assert.equal((await rawGet(aweme, { Cookie: hevcPage.cookies })).status, 403);
  });

  test('stats count media requests, bytes served and complete bodies per role', async () => {
    const counted = sim.addItem({ kind: 'video', username: 'cdn.counted' });
    const countedPage = await getPage(counted.pageUrl);
    const url = itemOf(countedPage).video?.playAddr ?? '';
    await rawGet(url, { Cookie: countedPage.cookies });
    await rawGet(url, { Cookie: countedPage.cookies, Range: 'bytes=0-9' });
    const stats = sim.stats().items[counted.id];
    const size = sim.mediaSize(counted.id, 'video');
    assert.deepEqual(stats?.media['video#0'], { requests: 2, bytesServed: size + 10, completeBodies: 2 });
    assert.equal(stats?.mediaBytesServed, size + 10);
  });
});

describe('S5 with requireReferer', () => {
  let sim: TikTokSim;
  before(async () => {
    sim = await startTikTokSim({ requireReferer: true });
  });
  after(() => sim.close());

  test('a media request needs a Referer from the sim origin or www.tiktok.com', async () => {
    const video = sim.addItem({ kind: 'video', username: 'referer.check' });
    const page = await getPage(video.pageUrl);
    const url = itemOf(page).video?.playAddr ?? '';
    assert.equal((await rawGet(url, { Cookie: page.cookies })).status, 403);
    assert.equal((await rawGet(url, { Cookie: page.cookies, Referer: 'https://evil.example/' })).status, 403);
    assert.equal((await rawGet(url, { Cookie: page.cookies, Referer: video.pageUrl })).status, 200);
    assert.equal(
      (await rawGet(url, { Cookie: page.cookies, Referer: 'https://www.tiktok.com/' })).status,
      200,
    );
  });
});
