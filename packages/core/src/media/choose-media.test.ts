import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { isAppError } from '../errors.ts';
import { extractItemFromPage } from '../page/extract-item-from-page.ts';
import {
  type GearSpec,
  photoItem,
  type RawItem,
  videoItem,
  videoPage,
} from '../page/test-support/build-page.ts';
import type { TikTokItem, VideoCandidate } from '../page/tiktok-item.ts';
import { chooseMedia, imageMimeOf } from './choose-media.ts';

function itemFrom(raw: RawItem): TikTokItem {
  const result = extractItemFromPage(videoPage(raw));
  if (result.kind !== 'item') throw new Error(`fixture did not parse: ${JSON.stringify(result)}`);
  return result.item;
}

function candidate(overrides: Partial<VideoCandidate>): VideoCandidate {
  return {
    urls: ['https://v16-webapp-prime.tiktok.com/video/tos/x/?mime_type=video_mp4'],
    codec: 'h264',
    bitrate: 1000,
    width: 576,
    height: 1024,
    dataSize: 100,
    watermarked: false,
    gearName: null,
    urlKey: null,
    source: 'bitrateInfo',
    ...overrides,
  };
}

function withVideos(videos: VideoCandidate[]): TikTokItem {
  return { ...itemFrom(videoItem()), videos };
}

/** HEVC-only 1080p: H.264 capped at 720p, one bytevc2, one /media-video-hvc1/ URL (spec §7). */
const HEVC_ONLY_1080: readonly GearSpec[] = [
  { gearName: 'bytevc2_1080', codecType: 'bytevc2', width: 1080, height: 1920, bitrate: 700_000 },
  {
    gearName: 'adapt_lowest_1080_1',
    codecType: 'h265_hvc1',
    width: 1080,
    height: 1920,
    bitrate: 1_200_000,
    urls: [
      'https://v16-webapp-prime.tiktok.com/video/tos/x/media-video-hvc1/?mime_type=video_mp4',
      'https://v19-webapp-prime.tiktok.com/video/tos/1080-hevc/?mime_type=video_mp4',
    ],
  },
  { gearName: 'normal_720_0', codecType: 'h264', width: 720, height: 1280, bitrate: 1_000_000 },
  { gearName: 'normal_540_0', codecType: 'h264', width: 576, height: 1024, bitrate: 800_000 },
];

describe('chooseMedia: videos', () => {
  test('compatible (default): highest H.264 first, then the rest, watermarked last', () => {
    const plan = chooseMedia(itemFrom(videoItem({ gears: HEVC_ONLY_1080 })));
    assert.equal(plan.quality, 'compatible');
    const [video, cover] = plan.assets;
    assert.equal(video?.role, 'video');
    assert.deepEqual(
      [video?.codec, video?.width, video?.height, video?.mime, video?.watermarked],
      ['h264', 720, 1280, 'video/mp4', false],
    );
    const codecs = video?.variants.map(
      (variant) => `${variant.codec}@${variant.height}${variant.watermarked ? ':wm' : ''}`,
    );
    assert.deepEqual([...new Set(codecs)], ['h264@1280', 'h264@1024', 'h265@1920', 'unknown@undefined:wm']);
    assert.equal(cover?.role, 'cover');
    assert.equal(cover?.optional, true);
  });

  test('highest: the 1080p HEVC first', () => {
    const video = chooseMedia(itemFrom(videoItem({ gears: HEVC_ONLY_1080 })), { quality: 'highest' })
      .assets[0];
    assert.deepEqual([video?.codec, video?.height], ['h265', 1920]);
    assert.equal(
      video?.candidates[0],
      'https://v19-webapp-prime.tiktok.com/video/tos/1080-hevc/?mime_type=video_mp4',
    );
  });

  test('never bytevc2, never www.tiktok.com, and /media-video-hvc1/ only if nothing else is left', () => {
    for (const quality of ['compatible', 'highest'] as const) {
      const video = chooseMedia(itemFrom(videoItem({ gears: HEVC_ONLY_1080 })), { quality }).assets[0];
      assert.ok(video?.variants.every((variant) => variant.codec !== 'bytevc2'));
      assert.ok(video?.candidates.every((url) => !url.includes('media-video-hvc1')));
      assert.ok(video?.candidates.every((url) => new URL(url).hostname !== 'www.tiktok.com'));
    }
    const onlyHvc1 = withVideos([
      candidate({ codec: 'h265', urls: ['https://v16-webapp.tiktok.com/x/media-video-hvc1/?a=1'] }),
    ]);
    assert.deepEqual(chooseMedia(onlyHvc1).assets[0]?.candidates, [
      'https://v16-webapp.tiktok.com/x/media-video-hvc1/?a=1',
    ]);
  });

  test('H.264 beats HEVC in compatible mode even at a lower resolution; HEVC still beats a watermark', () => {
    const item = withVideos([
      candidate({
        codec: 'unknown',
        source: 'downloadAddr',
        watermarked: true,
        urls: ['https://v16-webapp.tiktok.com/wm'],
        width: null,
        height: null,
      }),
      candidate({ codec: 'h265', width: 1080, height: 1920, urls: ['https://v16-webapp.tiktok.com/hevc'] }),
      candidate({ codec: 'h264', width: 540, height: 960, urls: ['https://v16-webapp.tiktok.com/avc'] }),
    ]);
    assert.deepEqual(chooseMedia(item).assets[0]?.candidates, [
      'https://v16-webapp.tiktok.com/avc',
      'https://v16-webapp.tiktok.com/hevc',
      'https://v16-webapp.tiktok.com/wm',
    ]);
  });

  test('at equal resolution bitrateInfo comes before playAddr, and a shared URL is listed once', () => {
    const shared = 'https://v16-webapp.tiktok.com/same';
    const item = withVideos([
      candidate({ source: 'playAddr', urls: [shared, 'https://v16-webapp.tiktok.com/play-only'] }),
      candidate({ source: 'bitrateInfo', gearName: 'normal_540_0', urls: [shared], dataSize: 555 }),
    ]);
    const video = chooseMedia(item).assets[0];
    assert.deepEqual(video?.candidates, [shared, 'https://v16-webapp.tiktok.com/play-only']);
    assert.equal(video?.expectedSize, 555);
  });

  test('only a watermarked download left: it is used and flagged', () => {
    const item = withVideos([candidate({ source: 'downloadAddr', watermarked: true, codec: 'unknown' })]);
    const video = chooseMedia(item).assets[0];
    assert.equal(video?.watermarked, true);
  });

  test('nothing usable (only page-host or bytevc2 URLs) is AppError no_media', () => {
    const item = withVideos([
      candidate({ urls: ['https://www.tiktok.com/aweme/v1/play/?file_id=1'] }),
      candidate({ codec: 'bytevc2', urls: ['https://v16-webapp.tiktok.com/vvc'] }),
      candidate({
        urls: [
          'not a url',
          'ftp://v16-webapp.tiktok.com/x',
          'http://127.0.0.1:4000/aweme/v1/play/?file_id=2',
        ],
      }),
    ]);
    assert.throws(
      () => chooseMedia(item),
      (error) => isAppError(error) && error.code === 'no_media',
    );
  });

  test('the cover can be left out', () => {
    const plan = chooseMedia(itemFrom(videoItem()), { includeCover: false });
    assert.deepEqual(
      plan.assets.map((asset) => asset.role),
      ['video'],
    );
  });

  test('property: the plan keeps the invariants for any set of candidates', () => {
    const arbitraryCandidate = fc.record({
      codec: fc.constantFrom('h264', 'h265', 'bytevc2', 'unknown'),
      width: fc.option(fc.integer({ min: 0, max: 4000 }), { nil: null }),
      height: fc.option(fc.integer({ min: 0, max: 4000 }), { nil: null }),
      watermarked: fc.boolean(),
      host: fc.constantFrom('v16-webapp.tiktok.com', 'www.tiktok.com', 'v19.tiktokcdn.com'),
      hvc1: fc.boolean(),
      n: fc.nat(1000),
    });
    fc.assert(
      fc.property(
        fc.array(arbitraryCandidate, { maxLength: 8 }),
        fc.constantFrom('compatible', 'highest'),
        (specs, quality) => {
          const videos = specs.map((spec) =>
            candidate({
              codec: spec.codec as VideoCandidate['codec'],
              width: spec.width,
              height: spec.height,
              watermarked: spec.watermarked,
              urls: [`https://${spec.host}/v/${spec.n}${spec.hvc1 ? '/media-video-hvc1/' : '/'}`],
            }),
          );
          let plan: ReturnType<typeof chooseMedia>;
          try {
            plan = chooseMedia(withVideos(videos), { quality: quality as 'compatible' | 'highest' });
          } catch (error) {
            assert.ok(isAppError(error) && error.code === 'no_media');
            return;
          }
          const video = plan.assets[0];
          assert.equal(video?.candidates.length, video?.variants.length);
          assert.equal(new Set(video?.candidates).size, video?.candidates.length, 'no duplicate URLs');
          assert.ok(video?.variants.every((variant) => variant.codec !== 'bytevc2'));
          assert.ok(video?.candidates.every((url) => new URL(url).hostname !== 'www.tiktok.com'));
          const marks = video?.variants.map((variant) => variant.watermarked) ?? [];
          assert.deepEqual(
            marks,
            [...marks].sort((left, right) => Number(left) - Number(right)),
            'watermarked variants come last',
          );
          const hvc1 = video?.candidates.filter((url) => url.includes('/media-video-hvc1/')).length ?? 0;
          assert.ok(
            hvc1 === 0 || hvc1 === video?.candidates.length,
            'hvc1-path URLs only when nothing else is left',
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('chooseMedia: photo posts', () => {
  test('every image in order (JPEG variant first), then the MP3 soundtrack, then the cover', () => {
    const plan = chooseMedia(itemFrom(photoItem({ imageCount: 3 })));
    assert.equal(plan.kind, 'photo');
    assert.deepEqual(
      plan.assets.map((asset) => `${asset.role}#${asset.index}`),
      ['image#0', 'image#1', 'image#2', 'audio#0', 'cover#0'],
    );
    const second = plan.assets[1];
    assert.match(second?.candidates[0] ?? '', /photo1~tplv-photomode-image\.jpeg\?/);
    assert.match(second?.candidates[1] ?? '', /photo1~tplv-photomode-image\.webp\?/);
    assert.deepEqual(
      [second?.mime, second?.variants[1]?.mime, second?.width, second?.height],
      ['image/jpeg', 'image/webp', 1080, 1440],
    );
    assert.equal(plan.assets[3]?.mime, 'audio/mpeg');
    assert.equal(plan.assets[3]?.optional, false);
  });

  test('a soundtrack URL without mime_type=audio_mpeg is M4A', () => {
    const audio = chooseMedia(itemFrom(photoItem({ mp3: false }))).assets.find(
      (asset) => asset.role === 'audio',
    );
    assert.equal(audio?.mime, 'audio/mp4');
  });

  test('a photo post without music has only images (and the cover)', () => {
    const raw = photoItem({ imageCount: 2 });
    delete raw.music;
    const roles = chooseMedia(itemFrom(raw)).assets.map((asset) => asset.role);
    assert.deepEqual(roles, ['image', 'image', 'cover']);
  });
});

describe('imageMimeOf', () => {
  test('reads the extension of the path, not the query', () => {
    assert.equal(
      imageMimeOf('https://p16.tiktokcdn.com/a~tplv-photomode-image.jpeg?x-expires=1'),
      'image/jpeg',
    );
    assert.equal(imageMimeOf('https://p16.tiktokcdn.com/a~tplv.webp'), 'image/webp');
    assert.equal(imageMimeOf('https://p16.tiktokcdn.com/a~tplv-tiktokx-origin.image?x=.jpeg'), null);
    assert.equal(imageMimeOf('junk'), null);
  });
});
