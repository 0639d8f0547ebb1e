import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { chooseMedia } from '../media/choose-media.ts';
import { extractItemFromPage } from './extract-item-from-page.ts';
import { universalPage, videoItem } from './test-support/build-page.ts';
import { TikTokItemSchema } from './tiktok-item.ts';

/**
 * Runs the parser on the real 2025 desktop page from shared/real-captures when this checkout has
 * it (set TIKSAVR_REAL_CAPTURES to point elsewhere). Without it, the same assertions run on a page
 * built to the facts that capture shows (ids, gear names, codecs, sizes), so the test always asserts.
 */
const CAPTURE_NAME = 'page-2025-video-detail-7524919459643919624.html';
const captureDir =
  process.env.TIKSAVR_REAL_CAPTURES ??
  new URL('../../../../../shared/real-captures/', import.meta.url).pathname;
const capturePath = `${captureDir.replace(/\/$/, '')}/${CAPTURE_NAME}`;

function lookalikePage(): string {
  const id = '7524919459643919624';
  const raw = videoItem({
    id,
    createTime: '1752031845',
    gears: [
      {
        gearName: 'adapt_lowest_1080_1',
        codecType: 'h265_hvc1',
        width: 1080,
        height: 1920,
        bitrate: 1_226_086,
        dataSize: '4889785',
      },
      {
        gearName: 'normal_540_0',
        codecType: 'h264',
        width: 576,
        height: 1024,
        bitrate: 965_245,
        dataSize: '3853020',
      },
      {
        gearName: 'adapt_lower_720_1',
        codecType: 'h265_hvc1',
        width: 720,
        height: 1280,
        bitrate: 563_046,
        dataSize: '2247541',
      },
      {
        gearName: 'adapt_540_1',
        codecType: 'h265_hvc1',
        width: 576,
        height: 1024,
        bitrate: 480_194,
        dataSize: '1916815',
      },
    ],
  });
  raw.author = {
    id: '7353514153761358855',
    uniqueId: 'embongdaily',
    nickname: 'Em Bống',
    secUid: 'MS4w-sample',
    privateAccount: false,
  };
  raw.stats = {
    diggCount: 384_500,
    shareCount: 9258,
    commentCount: 1893,
    playCount: 9_400_000,
    collectCount: '13833',
  };
  raw.statsV2 = {
    diggCount: '384500',
    shareCount: '9258',
    commentCount: '1893',
    playCount: '9400000',
    collectCount: '13833',
  };
  return universalPage({
    videoDetail: { statusCode: 0, statusMsg: '', itemStruct: raw },
    pretty: true,
    padTo: 500_000,
  });
}

const source = existsSync(capturePath) ? 'real capture' : 'look-alike built from its facts';
const html = existsSync(capturePath) ? readFileSync(capturePath, 'utf8') : lookalikePage();

describe(`the 2025 desktop video page (${source})`, () => {
  const result = extractItemFromPage(html);

  test('yields the item with its real identifiers and counts', () => {
    assert.equal(result.kind, 'item');
    if (result.kind !== 'item') return;
    const { item } = result;
    assert.equal(result.layout, 'universal');
    assert.doesNotThrow(() => TikTokItemSchema.parse(item));
    assert.equal(item.id, '7524919459643919624');
    assert.equal(item.kind, 'video');
    assert.equal(item.author.uniqueId, 'embongdaily');
    assert.equal(item.author.id, '7353514153761358855');
    assert.equal(item.createTime, 1_752_031_845);
    assert.equal(item.stats.plays, 9_400_000);
    assert.equal(item.stats.saves, 13_833);
  });

  test('lists the four gears with their codecs, and the watermarked downloadAddr last', () => {
    assert.equal(result.kind, 'item');
    if (result.kind !== 'item') return;
    const gears = result.item.videos.filter((video) => video.source === 'bitrateInfo');
    assert.deepEqual(
      gears.map((video) => [video.gearName, video.codec, video.height]),
      [
        ['adapt_lowest_1080_1', 'h265', 1920],
        ['normal_540_0', 'h264', 1024],
        ['adapt_lower_720_1', 'h265', 1280],
        ['adapt_540_1', 'h265', 1024],
      ],
    );
    assert.equal(result.item.videos.at(-1)?.source, 'downloadAddr');
    assert.equal(result.item.videos.at(-1)?.watermarked, true);
  });

  test('compatible media is the 540p H.264, highest is the 1080p HEVC; no www.tiktok.com URL survives', () => {
    assert.equal(result.kind, 'item');
    if (result.kind !== 'item') return;
    const compatible = chooseMedia(result.item).assets[0];
    const highest = chooseMedia(result.item, { quality: 'highest' }).assets[0];
    assert.deepEqual(
      [compatible?.codec, compatible?.height, compatible?.expectedSize],
      ['h264', 1024, 3_853_020],
    );
    assert.deepEqual([highest?.codec, highest?.height, highest?.expectedSize], ['h265', 1920, 4_889_785]);
    for (const asset of [compatible, highest]) {
      assert.ok(asset?.candidates.every((url) => !new URL(url).hostname.startsWith('www.tiktok.com')));
      assert.equal(asset?.variants.at(-1)?.watermarked, true, 'the watermarked copy is the last resort');
      assert.equal(asset?.variants.filter((variant) => variant.watermarked).length, 1);
    }
  });
});
