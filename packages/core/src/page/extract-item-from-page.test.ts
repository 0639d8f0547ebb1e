import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { type ExtractResult, extractItemFromPage } from './extract-item-from-page.ts';
import type { PageErrorCode } from './page-error.ts';
import {
  challengePage,
  idAt,
  nextDataPage,
  photoItem,
  photoRedirectPage,
  SAMPLE_AUTHOR_ID,
  SAMPLE_ITEM_ID,
  secondsOfId,
  sigiPage,
  universalPage,
  videoItem,
  videoPage,
} from './test-support/build-page.ts';
import { TikTokItemSchema } from './tiktok-item.ts';

function itemOf(result: ExtractResult) {
  assert.equal(result.kind, 'item', `expected an item, got ${JSON.stringify(result)}`);
  if (result.kind !== 'item') throw new Error('unreachable');
  return result.item;
}

function errorOf(result: ExtractResult) {
  assert.equal(result.kind, 'error', `expected an error, got ${JSON.stringify(result).slice(0, 300)}`);
  if (result.kind !== 'error') throw new Error('unreachable');
  return result.error;
}

describe('extractItemFromPage: current layout (__UNIVERSAL_DATA_FOR_REHYDRATION__)', () => {
  test('reads a video post into a valid TikTokItem', () => {
    const result = extractItemFromPage(videoPage());
    assert.equal(result.ok, true);
    assert.equal(result.kind === 'item' && result.layout, 'universal');
    const item = itemOf(result);
    assert.doesNotThrow(() => TikTokItemSchema.parse(item));
    assert.equal(item.id, SAMPLE_ITEM_ID);
    assert.equal(item.kind, 'video');
    assert.deepEqual(item.author, {
      id: SAMPLE_AUTHOR_ID,
      uniqueId: 'sample.creator',
      nickname: 'Sample Creator ✨',
      secUid: 'MS4wLjABAAAAsampleSecUid',
      privateAccount: false,
    });
    assert.equal(item.caption, 'A test post {with braces} and "quotes" </p> #fyp');
    assert.equal(
      item.createTime,
      secondsOfId(SAMPLE_ITEM_ID) + 5,
      'createTime arrives as a string and becomes seconds',
    );
    assert.equal(item.duration, 31);
    assert.deepEqual([item.width, item.height], [576, 1024]);
    assert.equal(item.images.length, 0);
    assert.equal(item.music?.mime, 'audio/mp4');
    assert.equal(item.coverUrls.length, 2);
  });

  test('lists playAddr, every bitrateInfo gear and the watermarked downloadAddr', () => {
    const item = itemOf(extractItemFromPage(videoPage()));
    assert.deepEqual(
      item.videos.map((video) => [
        video.source,
        video.codec,
        video.gearName,
        video.height,
        video.watermarked,
      ]),
      [
        ['playAddr', 'h264', null, 1024, false],
        ['bitrateInfo', 'h265', 'adapt_lowest_1080_1', 1920, false],
        ['bitrateInfo', 'h264', 'normal_540_0', 1024, false],
        ['bitrateInfo', 'h265', 'adapt_lower_720_1', 1280, false],
        ['bitrateInfo', 'h265', 'adapt_540_1', 1024, false],
        ['downloadAddr', 'unknown', null, null, true],
      ],
    );
    const gear1080 = item.videos[1];
    assert.equal(gear1080?.dataSize, 4_400_000, 'DataSize sent as a string is read as a number');
    assert.equal(gear1080?.bitrate, 1_100_000);
    assert.match(gear1080?.urlKey ?? '', /_bytevc1_1080p_/);
  });

  test('prefers statsV2 strings over int32-overflowed stats', () => {
    const item = itemOf(extractItemFromPage(videoPage()));
    assert.deepEqual(item.stats, {
      plays: 5_600_000,
      likes: 3_000_000_000,
      comments: 34,
      shares: 12,
      saves: 78,
    });
  });

  test('falls back to stats when statsV2 is missing, dropping negative counts', () => {
    const raw = videoItem();
    delete raw.statsV2;
    const item = itemOf(extractItemFromPage(videoPage(raw)));
    assert.equal(item.stats.likes, null);
    assert.equal(item.stats.plays, 5_600_000);
    assert.equal(item.stats.saves, 78);
  });

  test('reads the codec from UrlKey when CodecType is missing, and keeps bytevc2 labelled', () => {
    const raw = videoItem({
      gears: [
        { gearName: 'bytevc2_1080', codecType: 'bytevc2', width: 1080, height: 1920, bitrate: 800_000 },
        { gearName: 'normal_720_0', codecType: 'h264', width: 720, height: 1280, bitrate: 900_000 },
      ],
    });
    const gears = (raw.video as { bitrateInfo: Record<string, unknown>[] }).bitrateInfo;
    delete gears[1]?.CodecType;
    const item = itemOf(extractItemFromPage(videoPage(raw)));
    const byGear = Object.fromEntries(item.videos.map((video) => [video.gearName, video.codec]));
    assert.equal(byGear.bytevc2_1080, 'bytevc2');
    assert.equal(byGear.normal_720_0, 'h264');
  });

  test('accepts playAddr given as a list of {src}', () => {
    const raw = videoItem({
      playAddr: [{ src: 'https://v16-webapp.tiktok.com/video/tos/x/?mime_type=video_mp4' }],
      withPlayAddrStruct: false,
    });
    const item = itemOf(extractItemFromPage(videoPage(raw)));
    assert.deepEqual(item.videos[0]?.urls, [
      'https://v16-webapp.tiktok.com/video/tos/x/?mime_type=video_mp4',
    ]);
  });

  test('takes createTime from the id when the item has none', () => {
    const id = idAt(1_735_000_000);
    const raw = videoItem({ id });
    delete raw.createTime;
    assert.equal(itemOf(extractItemFromPage(videoPage(raw))).createTime, 1_735_000_000);
  });

  test('reads the mobile reflow scope name too', () => {
    const html = universalPage({
      videoDetail: { statusCode: 0, itemStruct: videoItem() },
      detailScopeName: 'webapp.reflow.video.detail',
    });
    assert.equal(itemOf(extractItemFromPage(html)).id, SAMPLE_ITEM_ID);
  });

  test('indented JSON (as the real 2025 page sends it) reads the same', () => {
    const html = universalPage({
      videoDetail: { statusCode: 0, statusMsg: '', itemStruct: videoItem() },
      pretty: true,
    });
    assert.deepEqual(extractItemFromPage(html), extractItemFromPage(videoPage()));
  });

  test('the item scope name appearing earlier as a value does not mislead the reader', () => {
    const html = universalPage({
      leadingScopes: { 'webapp.a-b': { route: 'webapp.video-detail', list: ['webapp.video-detail'] } },
      videoDetail: { statusCode: 10216, statusMsg: '', itemStruct: undefined },
    });
    assert.equal(errorOf(extractItemFromPage(html)).code, 'private_post');
  });

  test('a missing statusCode reads as OK', () => {
    const html = universalPage({ videoDetail: { itemStruct: videoItem() } });
    assert.equal(extractItemFromPage(html).ok, true);
  });
});

describe('extractItemFromPage: photo posts', () => {
  test('reads every image in order, no video, the soundtrack as music and its duration', () => {
    const item = itemOf(extractItemFromPage(videoPage(photoItem({ imageCount: 4 }))));
    assert.equal(item.kind, 'photo');
    assert.equal(item.videos.length, 0);
    assert.equal(item.images.length, 4);
    assert.match(item.images[2]?.urls[0] ?? '', /photo2~/);
    assert.deepEqual([item.images[0]?.width, item.images[0]?.height], [1080, 1440]);
    assert.equal(item.duration, 27, 'video.duration is 0 upstream; the soundtrack length is used');
    assert.equal(item.music?.mime, 'audio/mpeg');
    assert.deepEqual([item.width, item.height], [1080, 1440]);
    assert.doesNotThrow(() => TikTokItemSchema.parse(item));
  });

  test('the photo page (no video-detail) asks for a refetch of its canonical /video/ URL', () => {
    const result = extractItemFromPage(photoRedirectPage());
    assert.equal(result.ok, false);
    assert.equal(result.kind, 'refetch');
    assert.equal(
      result.kind === 'refetch' && result.canonicalUrl,
      `https://www.tiktok.com/@sample.creator/video/${SAMPLE_ITEM_ID}`,
    );
  });

  test('a canonical /photo/ URL is turned into the /video/ URL that has the data', () => {
    const result = extractItemFromPage(
      photoRedirectPage(`https://www.tiktok.com/@a.b/photo/${SAMPLE_ITEM_ID}?lang=en`),
    );
    assert.equal(
      result.kind === 'refetch' && result.canonicalUrl,
      `https://www.tiktok.com/@a.b/video/${SAMPLE_ITEM_ID}`,
    );
  });

  test('a canonical on an extra origin (a local simulator) is accepted only when allowed', () => {
    const html = photoRedirectPage(`http://127.0.0.1:4100/@a.b/video/${SAMPLE_ITEM_ID}`);
    assert.equal(errorOf(extractItemFromPage(html)).code, 'no_data');
    const result = extractItemFromPage(html, { extraOrigins: ['http://127.0.0.1:4100'] });
    assert.equal(
      result.kind === 'refetch' && result.canonicalUrl,
      `http://127.0.0.1:4100/@a.b/video/${SAMPLE_ITEM_ID}`,
    );
  });

  test('a page whose canonical is the login page is a login wall', () => {
    assert.equal(
      errorOf(extractItemFromPage(photoRedirectPage('https://www.tiktok.com/login?redirect_url=x'))).code,
      'login_wall',
    );
  });

  test('a canonical that is not a TikTok post URL gives no_data, never a refetch elsewhere', () => {
    for (const canonical of [
      'https://evil.example/@a/video/1',
      'https://www.tiktok.com/@sample.creator',
      'not a url',
      'http://www.tiktok.com/@a/video/1',
    ]) {
      assert.equal(errorOf(extractItemFromPage(photoRedirectPage(canonical))).code, 'no_data', canonical);
    }
  });
});

describe('extractItemFromPage: status table (tiktok-upstream.md §4)', () => {
  const cases: ReadonlyArray<[number, string, PageErrorCode]> = [
    [10000, '', 'challenge'],
    [10202, '', 'not_found'],
    [10204, 'status_deleted', 'deleted'],
    [10204, "item doesn't exist", 'deleted'],
    [10204, '', 'deleted'],
    [10204, 'copyright_geo_filter', 'region_locked'],
    [10216, '', 'private_post'],
    [10216, 'status_deleted', 'private_post'],
    [10219, '', 'region_locked'],
    [10221, 'user banned', 'account_not_found'],
    [10222, '', 'private_account'],
    [10231, '', 'region_locked'],
    [10101, '', 'unknown_status'],
    [10201, '', 'unknown_status'],
    [10235, '', 'unknown_status'],
    [424242, 'weird', 'unknown_status'],
    [0, 'status_deleted', 'deleted'],
    [0, 'status_self_see', 'private_post'],
    [0, 'content_classification', 'age_restricted'],
    [0, 'cross_border_violation', 'region_locked'],
    [0, 'status_reviewing', 'unknown_status'],
  ];

  for (const [statusCode, statusMsg, code] of cases) {
    test(`${statusCode} "${statusMsg}" → ${code}, keeping the raw status`, () => {
      // Errors win even when an itemStruct is present (CO: any statusMsg means unavailable).
      const error = errorOf(extractItemFromPage(videoPage(videoItem(), { statusCode, statusMsg })));
      assert.deepEqual(error, { code, statusCode, statusMsg, layout: 'universal' });
    });
  }

  test('the real 2026 shape: 10204, "item doesn\'t exist", itemInfo {}', () => {
    const html = universalPage({
      videoDetail: { statusCode: 10204, statusMsg: "item doesn't exist", itemStruct: undefined },
    });
    assert.equal(errorOf(extractItemFromPage(html)).code, 'deleted');
  });

  test('status 0 without any item is unknown_status', () => {
    const html = universalPage({ videoDetail: { statusCode: 0, statusMsg: '', itemStruct: undefined } });
    assert.deepEqual(errorOf(extractItemFromPage(html)), {
      code: 'unknown_status',
      statusCode: 0,
      statusMsg: '',
      layout: 'universal',
    });
  });

  test('age gate: status 0, isContentClassified and no video', () => {
    const raw = videoItem();
    delete raw.video;
    raw.isContentClassified = true;
    assert.equal(errorOf(extractItemFromPage(videoPage(raw))).code, 'age_restricted');
  });

  test('isContentClassified with a video is still downloadable', () => {
    const raw = { ...videoItem(), isContentClassified: true };
    const item = itemOf(extractItemFromPage(videoPage(raw)));
    assert.equal(item.flags.isContentClassified, true);
  });

  test('an item without any media URL (and no age flag) is no_media', () => {
    const raw = videoItem();
    raw.video = { playAddr: '', downloadAddr: '', duration: 0 };
    assert.equal(errorOf(extractItemFromPage(videoPage(raw))).code, 'no_media');
  });

  test('an item without an id is no_data', () => {
    const raw = videoItem();
    delete raw.id;
    assert.equal(errorOf(extractItemFromPage(videoPage(raw))).code, 'no_data');
  });
});

describe('extractItemFromPage: older layouts', () => {
  test('SIGI_STATE: item from ItemModule[id], author from UserModule', () => {
    const other = idAt(1_700_000_000);
    const html = sigiPage({ items: { [other]: videoItem({ id: other }), [SAMPLE_ITEM_ID]: videoItem() } });
    const result = extractItemFromPage(html, { itemId: SAMPLE_ITEM_ID });
    assert.equal(result.kind === 'item' && result.layout, 'sigi');
    const item = itemOf(result);
    assert.equal(item.id, SAMPLE_ITEM_ID);
    assert.equal(item.author.uniqueId, 'sample.creator');
    assert.equal(item.author.id, SAMPLE_AUTHOR_ID);
    assert.equal(item.author.secUid, 'MS4wLjABAAAAsampleSecUid');
    assert.equal(item.author.privateAccount, false);
  });

  test('sigi-persisted-data (JS assignment around the JSON) is read too', () => {
    const html = sigiPage({ items: { [SAMPLE_ITEM_ID]: videoItem() }, persisted: true });
    assert.equal(itemOf(extractItemFromPage(html)).id, SAMPLE_ITEM_ID);
  });

  test('SIGI: a requested id that is not on the page is not confused with another item', () => {
    const html = sigiPage({ items: { [SAMPLE_ITEM_ID]: videoItem() } });
    assert.equal(
      errorOf(extractItemFromPage(html, { itemId: '7000000000000000001' })).code,
      'unknown_status',
    );
  });

  test('SIGI: VideoPage.statusCode is mapped like the current layout', () => {
    const error = errorOf(extractItemFromPage(sigiPage({ statusCode: 10216 })));
    assert.deepEqual(error, { code: 'private_post', statusCode: 10216, statusMsg: '', layout: 'sigi' });
  });

  test('__NEXT_DATA__: props.pageProps.itemInfo.itemStruct', () => {
    const result = extractItemFromPage(nextDataPage({ statusCode: 0, itemStruct: photoItem() }));
    assert.equal(result.kind === 'item' && result.layout, 'next');
    assert.equal(itemOf(result).kind, 'photo');
  });

  test('__NEXT_DATA__: pageProps.statusCode is mapped', () => {
    assert.equal(errorOf(extractItemFromPage(nextDataPage({ statusCode: 10222 }))).code, 'private_account');
  });
});

describe('extractItemFromPage: field shapes seen across page versions and downloaders', () => {
  const MADE_UP_ID = '7390000011112222333';
  const PLAY = 'https://v16-webapp.tiktok.com/video/tos/made-up/play/?mime_type=video_mp4';
  const SECOND = 'https://v19-webapp.tiktok.com/video/tos/made-up/play/?mime_type=video_mp4';

  /** A video item with only `playAddr` as its media, to see exactly where URLs come from. */
  function bareVideo(video: Record<string, unknown>) {
    const raw = videoItem({ id: MADE_UP_ID });
    raw.video = { width: 720, height: 1280, duration: 12, ...video };
    return raw;
  }

  test('createTime as a number or as a string reads the same', () => {
    for (const createTime of [1_722_000_000, '1722000000']) {
      const raw = videoItem({ id: MADE_UP_ID, createTime });
      assert.equal(itemOf(extractItemFromPage(videoPage(raw))).createTime, 1_722_000_000);
    }
  });

  test('playAddr as a list of strings', () => {
    const item = itemOf(extractItemFromPage(videoPage(bareVideo({ playAddr: [PLAY, SECOND] }))));
    assert.deepEqual(
      item.videos.map((video) => [video.source, video.urls]),
      [['playAddr', [PLAY, SECOND]]],
    );
  });

  test('protocol-relative URLs become https', () => {
    const item = itemOf(extractItemFromPage(videoPage(bareVideo({ playAddr: PLAY.replace('https:', '') }))));
    assert.deepEqual(item.videos[0]?.urls, [PLAY]);
  });

  test('no bitrateInfo (or null): playAddr alone is a video', () => {
    for (const bitrateInfo of [undefined, null]) {
      const item = itemOf(extractItemFromPage(videoPage(bareVideo({ playAddr: PLAY, bitrateInfo }))));
      assert.deepEqual(
        item.videos.map((video) => video.source),
        ['playAddr'],
      );
      assert.equal(item.width, 720);
    }
  });

  test('a bitrateInfo UrlList given as one string still counts', () => {
    const raw = bareVideo({
      playAddr: '',
      bitrateInfo: [
        {
          GearName: 'normal_720_0',
          CodecType: 'h264',
          Bitrate: 1_000_000,
          PlayAddr: { UrlList: SECOND, Width: 720, Height: 1280 },
        },
      ],
    });
    const item = itemOf(extractItemFromPage(videoPage(raw)));
    assert.deepEqual(
      item.videos.map((video) => [video.source, video.urls, video.codec]),
      [['bitrateInfo', [SECOND], 'h264']],
    );
  });

  test('the watermarked copy under video.download.url', () => {
    const item = itemOf(
      extractItemFromPage(videoPage(bareVideo({ playAddr: '', download: { url: SECOND } }))),
    );
    assert.deepEqual(
      item.videos.map((video) => [video.source, video.watermarked]),
      [['downloadAddr', true]],
    );
  });

  test('covers given as address objects or lists', () => {
    const cover = 'https://p16-sign.tiktokcdn.com/obj/made-up/cover.jpeg';
    const origin = 'https://p16-sign.tiktokcdn.com/obj/made-up/origin.jpeg';
    const raw = bareVideo({ playAddr: PLAY, cover: { urlList: [cover] }, originCover: [origin] });
    assert.deepEqual(itemOf(extractItemFromPage(videoPage(raw))).coverUrls, [cover, origin]);
  });

  test('an id sent as an inexact JSON number falls back to the requested id', () => {
    const raw = videoItem({ id: MADE_UP_ID });
    const html = videoPage(raw).replace(`"id":"${MADE_UP_ID}"`, `"id":${MADE_UP_ID}`);
    assert.equal(itemOf(extractItemFromPage(html, { itemId: MADE_UP_ID })).id, MADE_UP_ID);
    assert.equal(errorOf(extractItemFromPage(html)).code, 'no_data');
  });

  test("the item's own string id wins over the requested one", () => {
    const html = videoPage(videoItem({ id: MADE_UP_ID }));
    assert.equal(itemOf(extractItemFromPage(html, { itemId: SAMPLE_ITEM_ID })).id, MADE_UP_ID);
  });

  test('the author as authorInfo, and its id as uid', () => {
    const raw = videoItem({ id: MADE_UP_ID });
    delete raw.author;
    raw.authorInfo = {
      uid: '6811112222333344445',
      uniqueId: 'wren.pilot',
      nickname: 'Wren',
      secUid: 'MS4wMadeUp',
    };
    assert.deepEqual(itemOf(extractItemFromPage(videoPage(raw))).author, {
      id: '6811112222333344445',
      uniqueId: 'wren.pilot',
      nickname: 'Wren',
      secUid: 'MS4wMadeUp',
    });
  });

  test('the author as a bare name with its fields beside it, without UserModule', () => {
    const raw = videoItem({ id: MADE_UP_ID });
    raw.author = 'wren.pilot';
    raw.authorId = '6811112222333344445';
    raw.authorSecId = 'MS4wMadeUp';
    raw.nickname = 'Wren';
    assert.deepEqual(itemOf(extractItemFromPage(videoPage(raw))).author, {
      id: '6811112222333344445',
      uniqueId: 'wren.pilot',
      nickname: 'Wren',
      secUid: 'MS4wMadeUp',
    });
  });

  test('imagePost images under displayImage, with their sizes there', () => {
    const raw = photoItem({ id: MADE_UP_ID, imageCount: 2 });
    const urls = [
      'https://p16-sign.tiktokcdn.com/made-up/one.jpeg',
      'https://p16-sign.tiktokcdn.com/made-up/two.jpeg',
    ];
    raw.imagePost = {
      images: urls.map((url) => ({ displayImage: { urlList: [url], width: 1080, height: 1350 } })),
    };
    const item = itemOf(extractItemFromPage(videoPage(raw)));
    assert.equal(item.kind, 'photo');
    assert.deepEqual(
      item.images,
      urls.map((url) => ({ urls: [url], width: 1080, height: 1350 })),
    );
  });

  test('imagePost sizes given as strings', () => {
    const raw = photoItem({ id: MADE_UP_ID, imageCount: 1 });
    const images = (raw.imagePost as { images: Record<string, unknown>[] }).images;
    images[0] = { ...images[0], imageWidth: '720', imageHeight: '960' };
    const item = itemOf(extractItemFromPage(videoPage(raw)));
    assert.deepEqual([item.images[0]?.width, item.images[0]?.height, item.width], [720, 960, 720]);
  });

  test('music.playUrl as a list or as an address object', () => {
    const song = 'https://sf16-music.tiktokcdn.com/obj/made-up/song.mp3?mime_type=audio_mpeg';
    for (const playUrl of [[song], { urlList: [song] }, { url_list: [song] }]) {
      const raw = photoItem({ id: MADE_UP_ID });
      (raw.music as Record<string, unknown>).playUrl = playUrl;
      const music = itemOf(extractItemFromPage(videoPage(raw))).music;
      assert.deepEqual([music?.playUrl, music?.mime], [song, 'audio/mpeg']);
    }
  });

  test('statsV2 alone (no stats) is read', () => {
    const raw = videoItem({ id: MADE_UP_ID });
    delete raw.stats;
    raw.statsV2 = {
      playCount: '4100000000',
      diggCount: '7',
      commentCount: '0',
      shareCount: '3',
      collectCount: '9',
    };
    assert.deepEqual(itemOf(extractItemFromPage(videoPage(raw))).stats, {
      plays: 4_100_000_000,
      likes: 7,
      comments: 0,
      shares: 3,
      saves: 9,
    });
  });

  test('the same variants inside the older layouts', () => {
    const raw = bareVideo({ playAddr: [{ src: PLAY }] });
    const sigi = itemOf(
      extractItemFromPage(sigiPage({ items: { [MADE_UP_ID]: raw } }), { itemId: MADE_UP_ID }),
    );
    const next = itemOf(extractItemFromPage(nextDataPage({ statusCode: 0, itemStruct: raw })));
    const reflow = itemOf(
      extractItemFromPage(
        universalPage({
          videoDetail: { statusCode: 0, itemStruct: raw },
          detailScopeName: 'webapp.reflow.video.detail',
        }),
      ),
    );
    for (const item of [sigi, next, reflow]) assert.deepEqual(item.videos[0]?.urls, [PLAY]);
  });
});

describe('extractItemFromPage: challenge and junk', () => {
  test('the WAF challenge page is reported as challenge', () => {
    const error = errorOf(extractItemFromPage(challengePage({ answer: 12 }).html));
    assert.deepEqual(error, { code: 'challenge', statusCode: null, statusMsg: '', layout: null });
  });

  test('a page with only the "Please wait..." text is still a challenge', () => {
    assert.equal(errorOf(extractItemFromPage('<html><body>Please wait...</body></html>')).code, 'challenge');
  });

  test('"Please wait..." inside a real page\'s translations does not hide the item', () => {
    const raw = { ...videoItem(), desc: 'Please wait... for the drop' };
    assert.equal(extractItemFromPage(videoPage(raw)).ok, true);
  });

  test('empty, truncated or non-JSON pages give no_data', () => {
    const whole = videoPage();
    const cut = whole.slice(0, whole.indexOf('"bitrateInfo"'));
    for (const html of [
      '',
      'null',
      '<html></html>',
      cut,
      '<script id="__UNIVERSAL_DATA_FOR_REHYDRATION__">{"__DEFAULT_SCOPE__":',
      '<script id="__UNIVERSAL_DATA_FOR_REHYDRATION__">[1,2]</script>',
    ]) {
      assert.equal(errorOf(extractItemFromPage(html)).code, 'no_data', html.slice(0, 60));
    }
  });

  test('a non-string argument does not throw', () => {
    for (const value of [undefined, null, 42, {}, []]) {
      assert.equal(errorOf(extractItemFromPage(value as unknown as string)).code, 'no_data');
    }
  });

  test('property: any string gives a well-formed result and never throws', () => {
    const prefixes = [
      '',
      '<script id="__UNIVERSAL_DATA_FOR_REHYDRATION__">',
      '<script id="SIGI_STATE">',
      '<script id="__NEXT_DATA__">',
      '<p id="cs" class="',
    ];
    fc.assert(
      fc.property(fc.constantFrom(...prefixes), fc.string({ maxLength: 300 }), (prefix, tail) => {
        const result = extractItemFromPage(prefix + tail);
        assert.ok(result.kind === 'item' || result.kind === 'refetch' || result.kind === 'error');
        assert.equal(result.ok, result.kind === 'item');
      }),
      { numRuns: 400 },
    );
  });

  test('property: any JSON value inside the script gives a result, never a throw', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
        const inScope = JSON.stringify({
          __DEFAULT_SCOPE__: { 'webapp.video-detail': { statusCode: 0, itemInfo: { itemStruct: value } } },
        });
        for (const body of [JSON.stringify(value), inScope]) {
          const result = extractItemFromPage(
            `<script id="__UNIVERSAL_DATA_FOR_REHYDRATION__" type="application/json">${body}</script>`,
          );
          if (result.kind === 'item') assert.doesNotThrow(() => TikTokItemSchema.parse(result.item));
        }
      }),
      { numRuns: 300 },
    );
  });

  test('property: every truncation of a real-shaped page gives a result', () => {
    const html = videoPage();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: html.length }), (cut) => {
        const result = extractItemFromPage(html.slice(0, cut));
        assert.ok(result.kind === 'item' || result.kind === 'error');
      }),
      { numRuns: 200 },
    );
  });
});

describe('extractItemFromPage: speed', () => {
  test('a 1 MB page parses in well under 5 ms (median of 9 runs)', () => {
    const html = universalPage({ videoDetail: { statusCode: 0, itemStruct: videoItem() }, padTo: 1_000_000 });
    assert.ok(html.length >= 1_000_000);
    extractItemFromPage(html); // warm-up
    const timings: number[] = [];
    for (let run = 0; run < 9; run += 1) {
      const started = performance.now();
      const result = extractItemFromPage(html);
      timings.push(performance.now() - started);
      assert.equal(result.ok, true);
    }
    timings.sort((left, right) => left - right);
    const median = timings[4] ?? Number.POSITIVE_INFINITY;
    // Typically ~0.5 ms: only the item scope (~30 KB) is parsed, whatever the page's size.
    assert.ok(median < 5, `median ${median.toFixed(2)} ms`);
  });
});
