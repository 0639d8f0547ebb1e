import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import { test } from 'node:test';
import { FIXTURE_FACTS, loadFixtureMedia } from './fixture-media.ts';

/** Width and height from a JPEG's SOF0/SOF2 segment. */
function jpegSize(jpeg: Buffer): { width: number; height: number } {
  let at = 2;
  while (at < jpeg.length) {
    const marker = jpeg.readUInt16BE(at);
    const length = jpeg.readUInt16BE(at + 2);
    if (marker === 0xffc0 || marker === 0xffc2) {
      return { height: jpeg.readUInt16BE(at + 5), width: jpeg.readUInt16BE(at + 7) };
    }
    at += 2 + length;
  }
  throw new Error('no SOF segment');
}

function hasAscii(bytes: Buffer, text: string): boolean {
  return bytes.includes(Buffer.from(text, 'latin1'));
}

test('the committed fixtures stay small (under 300 KB together)', () => {
  const dir = new URL('../fixtures/media/', import.meta.url);
  const total = readdirSync(dir)
    .filter((name) => name !== 'README.md')
    .reduce((sum, name) => sum + statSync(new URL(name, dir)).size, 0);
  assert.ok(total > 50_000 && total < 300_000, `${total} bytes`);
});

test('videos are MP4s with the codecs their roles claim', () => {
  const media = loadFixtureMedia();
  for (const mp4 of [media.videoH264, media.videoH264Low, media.videoHevc, media.videoWatermarked]) {
    assert.equal(mp4.toString('latin1', 4, 8), 'ftyp');
    assert.ok(hasAscii(mp4, 'mp4a'), 'AAC audio track');
  }
  assert.ok(hasAscii(media.videoH264, 'avc1'));
  assert.ok(hasAscii(media.videoHevc, 'hvc1'));
  assert.ok(!hasAscii(media.videoHevc, 'avc1'));
  assert.ok(!media.videoWatermarked.equals(media.videoH264), 'the watermarked variant is a different file');
});

test('image sizes match what the page JSON reports', () => {
  const media = loadFixtureMedia();
  media.imagesJpeg.forEach((jpeg, i) => {
    assert.deepEqual(jpegSize(jpeg), FIXTURE_FACTS.imageSizes[i]);
  });
  assert.deepEqual(jpegSize(media.cover), FIXTURE_FACTS.coverSize);
  for (const webp of media.imagesWebp) {
    assert.equal(webp.toString('latin1', 0, 4), 'RIFF');
    assert.equal(webp.toString('latin1', 8, 12), 'WEBP');
  }
});

test('music exists as M4A (AAC) and MP3', () => {
  const media = loadFixtureMedia();
  assert.equal(media.musicM4a.toString('latin1', 4, 8), 'ftyp');
  const mp3 = media.musicMp3;
  const framed =
    mp3.toString('latin1', 0, 3) === 'ID3' || (mp3[0] === 0xff && ((mp3[1] ?? 0) & 0xe0) === 0xe0);
  assert.ok(framed, 'MP3 starts with ID3 or a frame sync');
});
