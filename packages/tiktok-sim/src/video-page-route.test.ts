import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { cookieValue, getPage, itemOf } from './sim-test-client.ts';
import type { SimVisibility, TikTokSim } from './sim-types.ts';
import { startTikTokSim } from './start-tiktok-sim.ts';

describe('S2 video page', () => {
  let sim: TikTokSim;
  before(async () => {
    sim = await startTikTokSim();
  });
  after(() => sim.close());

  test('is a full HTML page with the rehydration script among others, scopes in real order', async () => {
    const video = sim.addItem({ kind: 'video', username: 'shape.check', caption: 'hello' });
    const page = await getPage(video.pageUrl);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type') ?? '', /^text\/html/);
    assert.match(page.html, /^<!doctype html>/);
    assert.ok((page.html.match(/<script/g) ?? []).length >= 5);
    assert.match(
      page.html,
      /<script id="__UNIVERSAL_DATA_FOR_REHYDRATION__" type="application\/json">\{"__DEFAULT_SCOPE__":/,
    );
    assert.deepEqual(Object.keys(page.scopes ?? {}), [
      'webapp.app-context',
      'webapp.biz-context',
      'webapp.i18n-translation',
      'seo.abtest',
      'webapp.video-detail',
      'webapp.a-b',
    ]);
    assert.equal(page.scopes?.['webapp.app-context']?.user, undefined, 'logged out');
    assert.equal(page.scopes?.['seo.abtest']?.canonical, video.pageUrl);
  });

  test('sets a fresh host-only tt_chain_token (and ttwid) on every GET', async () => {
    const video = sim.addItem({ kind: 'video', username: 'cookie.check' });
    const first = await getPage(video.pageUrl);
    const second = await getPage(video.pageUrl);
    const token = cookieValue(first.headers, 'tt_chain_token');
    assert.ok(token && token.length >= 16);
    assert.notEqual(cookieValue(second.headers, 'tt_chain_token'), token);
    assert.ok(cookieValue(first.headers, 'ttwid'));
    const line = first.headers.getSetCookie().find((l) => l.startsWith('tt_chain_token=')) ?? '';
    assert.match(line, /Path=\//);
    assert.doesNotMatch(line, /Domain=/i);
  });

  test('itemStruct has the real field names and value types', async () => {
    const video = sim.addItem({
      kind: 'video',
      username: 'fields.check',
      nickname: 'Fields',
      caption: 'cap #tag',
    });
    const item = itemOf(await getPage(`${sim.origin}/@_/video/${video.id}`));
    assert.equal(item.id, video.id);
    assert.equal(item.desc, 'cap #tag');
    // Real pages carry createTime as a decimal string (both 2025 page captures).
    assert.equal(item.createTime, String(video.createTimeSeconds));
    assert.deepEqual(
      {
        id: item.author.id,
        uniqueId: item.author.uniqueId,
        nickname: item.author.nickname,
        secUid: item.author.secUid,
      },
      { id: video.authorId, uniqueId: 'fields.check', nickname: 'Fields', secUid: video.secUid },
    );
    assert.equal(item.author.privateAccount, false);
    const v = item.video;
    assert.ok(v);
    assert.equal(v.id, video.id);
    assert.equal(v.format, 'mp4');
    assert.equal(v.duration, 2);
    assert.ok(v.cover.startsWith(`${sim.origin}/cdn/obj/`));
    assert.match(v.playAddr, /\/cdn\/video\/.*[?&]expire=\d+.*&signature=[0-9a-f]{32}&tk=tt_chain_token$/);
    assert.match(v.playAddr, /mime_type=video_mp4/);
    assert.notEqual(v.downloadAddr, v.playAddr);
    assert.match(v.downloadAddr, /\/video_watermarked\//);
    for (const key of ['diggCount', 'shareCount', 'commentCount', 'playCount']) {
      assert.equal(typeof item.stats[key], 'number', key);
      assert.equal(item.statsV2[key], String(item.stats[key]));
    }
    assert.equal(item.isContentClassified, false);
    assert.equal(typeof item.music.playUrl, 'string');
    assert.equal(item.music.authorName, 'Fields');
  });

  test('bitrateInfo offers H.264 1080p + 540p and HEVC 1080p by default; playAddr is the best H.264', async () => {
    const video = sim.addItem({ kind: 'video', username: 'gears.check' });
    const v = itemOf(await getPage(video.pageUrl)).video;
    const gears = v?.bitrateInfo ?? [];
    assert.deepEqual(
      gears.map((g) => [g.CodecType, g.GearName, g.PlayAddr.Height]),
      [
        ['h265_hvc1', 'adapt_lowest_1080_1', 1920],
        ['h264', 'normal_1080_0', 1920],
        ['h264', 'normal_540_0', 1024],
      ],
    );
    for (const gear of gears) {
      assert.match(gear.PlayAddr.UrlKey, /^v12044gd0000[a-z0-9]{20}_(h264|bytevc1)_(1080|540)p_\d+$/);
      assert.match(String(gear.PlayAddr.DataSize), /^\d+$/);
      assert.equal(typeof gear.PlayAddr.DataSize, 'string');
      assert.match(gear.PlayAddr.FileHash, /^[0-9a-f]{32}$/);
    }
    assert.equal(v?.playAddr, gears[1]?.PlayAddr.UrlList[0]);
    assert.equal(v?.width, 1080);
    assert.deepEqual(v?.PlayAddrStruct, gears[1]?.PlayAddr);
    assert.ok(gears.every((g) => g.PlayAddr.UrlList.at(-1)?.includes('/aweme/v1/play/')));
  });

  test('hevcOnly1080p: 1080p only as bytevc1, H.264 capped at 720p, one bytevc2, a /media-video-hvc1/ URL', async () => {
    const video = sim.addItem({ kind: 'video', username: 'hevc.only', hevcOnly1080p: true });
    const gears = itemOf(await getPage(video.pageUrl)).video?.bitrateInfo ?? [];
    const at1080 = gears.filter((g) => g.PlayAddr.Height === 1920);
    assert.ok(at1080.every((g) => g.CodecType !== 'h264'));
    assert.equal(
      Math.max(...gears.filter((g) => g.CodecType === 'h264').map((g) => g.PlayAddr.Height)),
      1280,
    );
    assert.equal(gears.filter((g) => g.CodecType === 'bytevc2').length, 1);
    const hevc = gears.find((g) => g.CodecType.includes('h265'));
    assert.match(hevc?.PlayAddr.UrlKey ?? '', /_bytevc1_1080p_/);
    assert.match(hevc?.PlayAddr.UrlList[0] ?? '', /\/media-video-hvc1\/\?/);
  });

  test('videoCodecs [h265] offers no H.264 and plays the HEVC gear', async () => {
    const video = sim.addItem({ kind: 'video', username: 'hevc.main', videoCodecs: ['h265'] });
    const v = itemOf(await getPage(video.pageUrl)).video;
    assert.deepEqual(
      v?.bitrateInfo?.map((g) => g.CodecType),
      ['h265_hvc1'],
    );
    assert.match(v?.playAddr ?? '', /\/video_hevc\//);
  });

  test('a photo post at /video/ID has imagePost (jpeg + webp URLs), an empty playAddr and mp3 music', async () => {
    const photo = sim.addItem({ kind: 'photo', username: 'photo.check', imageCount: 4 });
    const item = itemOf(await getPage(photo.pageUrl));
    const images = item.imagePost?.images ?? [];
    assert.equal(images.length, 4);
    for (const image of images) {
      const [jpeg, webp] = image.imageURL.urlList;
      assert.match(jpeg ?? '', /\.jpeg\?.*x-expires=\d+.*x-signature=/);
      assert.match(webp ?? '', /\.webp\?/);
      assert.ok(image.imageWidth > 0 && image.imageHeight > 0);
    }
    assert.equal(item.video?.playAddr, '');
    assert.deepEqual([item.video?.duration, item.video?.width, item.video?.height], [0, 0, 0]);
    assert.match(item.music.playUrl, /mime_type=audio_mpeg/);
    assert.ok(item.music.duration > 0);
  });

  test('a caption with </script> cannot break out of the JSON', async () => {
    const video = sim.addItem({
      kind: 'video',
      username: 'escape.check',
      caption: '</script><b>x</b> & "q"',
    });
    const page = await getPage(video.pageUrl);
    assert.equal(itemOf(page).desc, '</script><b>x</b> & "q"');
  });

  const statuses: Array<[SimVisibility, number, string]> = [
    ['deleted', 10204, 'status_deleted'],
    ['private_post', 10216, 'status_self_see'],
    ['followers_only', 10216, 'status_self_see'],
    ['private_account', 10222, ''],
    ['region_locked', 10231, 'copyright_geo_filter'],
  ];
  for (const [visibility, statusCode, statusMsg] of statuses) {
    test(`${visibility} → statusCode ${statusCode} with no itemStruct`, async () => {
      const item = sim.addItem({ kind: 'video', username: `v.${visibility}`, visibility });
      const detail = (await getPage(item.pageUrl)).scopes?.['webapp.video-detail'];
      assert.deepEqual(
        { statusCode: detail?.statusCode, statusMsg: detail?.statusMsg, itemInfo: detail?.itemInfo },
        { statusCode, statusMsg, itemInfo: {} },
      );
    });
  }

  test('every post of a private account answers 10222', async () => {
    sim.addItem({ kind: 'video', username: 'locked.account', visibility: 'private_account' });
    const other = sim.addItem({ kind: 'video', username: 'locked.account' });
    assert.equal((await getPage(other.pageUrl)).scopes?.['webapp.video-detail']?.statusCode, 10222);
  });

  test('age-restricted → statusCode 0, isContentClassified:true and no video', async () => {
    const gated = sim.addItem({ kind: 'video', username: 'age.gate', visibility: 'age_restricted' });
    const page = await getPage(gated.pageUrl);
    const item = itemOf(page);
    assert.equal(page.scopes?.['webapp.video-detail']?.statusCode, 0);
    assert.equal(item.isContentClassified, true);
    assert.equal(item.video, undefined);
    assert.equal(item.imagePost, undefined);
  });

  test('an unknown id → 10204 "item doesn\'t exist" with itemInfo {}', async () => {
    const detail = (await getPage(`${sim.origin}/@nobody/video/7000000000000000001`)).scopes?.[
      'webapp.video-detail'
    ];
    assert.deepEqual(detail, {
      itemInfo: {},
      shareMeta: {},
      statusCode: 10204,
      statusMsg: "item doesn't exist",
    });
  });

  test('a story is a normal page while live and 10204 status_deleted once 24 h old (sim clock)', async () => {
    const story = sim.addItem({
      kind: 'video',
      username: 'story.clock',
      story: true,
      createTime: new Date(sim.now() - 23 * 3600 * 1000),
    });
    assert.equal((await getPage(story.pageUrl)).scopes?.['webapp.video-detail']?.statusCode, 0);
    sim.advanceClock(3600);
    const detail = (await getPage(story.pageUrl)).scopes?.['webapp.video-detail'];
    assert.equal(detail?.statusCode, 10204);
    assert.equal(detail?.statusMsg, 'status_deleted');
    sim.setNow(Date.parse(story.createTime) + 60_000);
    assert.equal((await getPage(story.pageUrl)).scopes?.['webapp.video-detail']?.statusCode, 0);
    sim.setNow(Date.now());
  });

  test('updateItem can delete a post after it was seen', async () => {
    const video = sim.addItem({ kind: 'video', username: 'later.deleted' });
    assert.equal((await getPage(video.pageUrl)).scopes?.['webapp.video-detail']?.statusCode, 0);
    sim.updateItem(video.id, { visibility: 'deleted' });
    assert.equal((await getPage(video.pageUrl)).scopes?.['webapp.video-detail']?.statusCode, 10204);
  });

  test('stats count page GETs per item', async () => {
    const video = sim.addItem({ kind: 'video', username: 'page.counter' });
    await getPage(video.pageUrl);
    await getPage(`${sim.origin}/@/video/${video.id}`);
    assert.equal(sim.stats().items[video.id]?.pageGets, 2);
  });
});
