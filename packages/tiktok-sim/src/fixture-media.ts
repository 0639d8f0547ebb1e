import { readFileSync } from 'node:fs';

/**
 * The tiny real media files committed under fixtures/media (made by scripts/make-media.sh;
 * see fixtures/media/README.md). Read once per process: together they are about 200 KB.
 */
export type FixtureMedia = {
  videoH264: Buffer;
  videoH264Low: Buffer;
  videoHevc: Buffer;
  videoWatermarked: Buffer;
  cover: Buffer;
  imagesJpeg: Buffer[];
  imagesWebp: Buffer[];
  musicMp3: Buffer;
  musicM4a: Buffer;
};

/** Facts about the fixtures that the page JSON reports (checked by fixture-media.test.ts). */
export const FIXTURE_FACTS = {
  videoSeconds: 2,
  musicSeconds: 3,
  coverSize: { width: 320, height: 568 },
  imageSizes: [
    { width: 360, height: 480 },
    { width: 400, height: 400 },
    { width: 300, height: 532 },
  ],
} as const;

const fixtureDir = new URL('../fixtures/media/', import.meta.url);

let cached: FixtureMedia | undefined;

export function loadFixtureMedia(): FixtureMedia {
  if (cached) return cached;
  const read = (name: string) => readFileSync(new URL(name, fixtureDir));
  cached = {
    videoH264: read('video-h264.mp4'),
    videoH264Low: read('video-h264-low.mp4'),
    videoHevc: read('video-hevc.mp4'),
    videoWatermarked: read('video-watermarked.mp4'),
    cover: read('cover.jpg'),
    imagesJpeg: [read('image-1.jpg'), read('image-2.jpg'), read('image-3.jpg')],
    imagesWebp: [read('image-1.webp'), read('image-2.webp'), read('image-3.webp')],
    musicMp3: read('music.mp3'),
    musicM4a: read('music.m4a'),
  };
  return cached;
}
