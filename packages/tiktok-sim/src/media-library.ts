import { type FixtureMedia, loadFixtureMedia } from './fixture-media.ts';
import type { StoredItem } from './item-registry.ts';
import { bufferSource, type MediaSource } from './media-source.ts';
import type { SimMediaRole } from './sim-types.ts';
import { createOpaqueVideo, createSyntheticMp4, minimumSyntheticMp4Bytes } from './synthetic-media.ts';

/**
 * Which bytes the sim serves for each (item, role, index): the committed fixtures, a
 * synthetic MP4 for `largeBytes` items, or opaque bytes for bytevc2. Sources are memoised per
 * item so a synthetic file's sha256 is computed at most once.
 */
export type MediaLibrary = {
  source(item: StoredItem, role: SimMediaRole, index: number): MediaSource | undefined;
  /** Profile pictures: any account gets the same small JPEG. */
  avatar(): MediaSource;
  /** The smallest `largeBytes` a video may ask for. */
  minimumLargeBytes(): number;
  clear(): void;
};

const OPAQUE_BYTEVC2_BYTES = 48 * 1024;
const VIDEO_ROLES: readonly SimMediaRole[] = [
  'video',
  'video_h264_low',
  'video_hevc',
  'video_bytevc2',
  'video_watermarked',
];

/**
 * Images past the third reuse a fixture; a JPEG comment segment (FF FE) right after the SOI
 * marker keeps every image of a post distinct while leaving it a valid JPEG.
 */
function jpegWithComment(jpeg: Buffer, comment: string): Buffer {
  const text = Buffer.from(comment, 'latin1');
  const header = Buffer.alloc(4);
  header.writeUInt16BE(0xfffe, 0);
  header.writeUInt16BE(text.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), header, text, jpeg.subarray(2)]);
}

function pick(list: Buffer[], index: number): Buffer {
  return list[index % list.length] as Buffer;
}

function buildSource(fixtures: FixtureMedia, item: StoredItem, role: SimMediaRole, index: number) {
  const { data } = item;
  const isVideo = data.kind === 'video';
  if (VIDEO_ROLES.includes(role) && (!isVideo || index !== 0)) return undefined;
  switch (role) {
    case 'video':
      return data.largeBytes === null
        ? bufferSource(fixtures.videoH264, 'video/mp4')
        : createSyntheticMp4(fixtures.videoH264, data.largeBytes, item.mediaSeed);
    case 'video_h264_low':
      return bufferSource(fixtures.videoH264Low, 'video/mp4');
    case 'video_hevc':
      return bufferSource(fixtures.videoHevc, 'video/mp4');
    case 'video_watermarked':
      return bufferSource(fixtures.videoWatermarked, 'video/mp4');
    case 'video_bytevc2':
      return createOpaqueVideo(OPAQUE_BYTEVC2_BYTES, item.mediaSeed ^ 0x5bd1e995);
    case 'image':
    case 'image_webp': {
      if (isVideo || !Number.isInteger(index) || index < 0 || index >= data.imageCount) return undefined;
      if (role === 'image_webp') return bufferSource(pick(fixtures.imagesWebp, index), 'image/webp');
      const jpeg = pick(fixtures.imagesJpeg, index);
      const distinct =
        index < fixtures.imagesJpeg.length ? jpeg : jpegWithComment(jpeg, `tiktok-sim image ${index}`);
      return bufferSource(distinct, 'image/jpeg');
    }
    case 'audio':
      if (index !== 0) return undefined;
      return data.musicFormat === 'm4a'
        ? bufferSource(fixtures.musicM4a, 'audio/mp4')
        : bufferSource(fixtures.musicMp3, 'audio/mpeg');
    case 'cover':
      return index === 0 ? bufferSource(fixtures.cover, 'image/jpeg') : undefined;
  }
}

export function createMediaLibrary(): MediaLibrary {
  const fixtures = loadFixtureMedia();
  const memo = new Map<string, MediaSource>();
  const avatar = bufferSource(fixtures.cover, 'image/jpeg');
  return {
    source(item, role, index) {
      const key = `${item.data.id}:${role}:${index}`;
      let source = memo.get(key);
      if (!source) {
        source = buildSource(fixtures, item, role, index);
        if (source) memo.set(key, source);
      }
      return source;
    },
    avatar: () => avatar,
    minimumLargeBytes: () => minimumSyntheticMp4Bytes(fixtures.videoH264),
    clear: () => memo.clear(),
  };
}
