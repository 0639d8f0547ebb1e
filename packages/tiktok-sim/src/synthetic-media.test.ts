import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, test } from 'node:test';
import { createOpaqueVideo, createSyntheticMp4, minimumSyntheticMp4Bytes } from './synthetic-media.ts';

const head = Buffer.from('0000001866747970697336000000000069736f6d6d703432', 'hex');

function collect(chunks: Iterable<Buffer>): Buffer {
  return Buffer.concat([...chunks]);
}

describe('createSyntheticMp4', () => {
  const total = 300_000;
  const source = createSyntheticMp4(head, total, 42);

  test('is exactly the asked size: the real MP4 then one free box covering the rest', () => {
    const bytes = source.bytes();
    assert.equal(bytes.length, total);
    assert.ok(bytes.subarray(0, head.length).equals(head));
    assert.equal(bytes.readUInt32BE(head.length), total - head.length);
    assert.equal(bytes.toString('latin1', head.length + 4, head.length + 8), 'free');
  });

  test('any range equals the same slice of the whole, across chunk borders', () => {
    const whole = source.bytes();
    for (const [start, end] of [
      [0, 10],
      [20, 40],
      [65_000, 140_000],
      [total - 7, total - 1],
      [131_072, 131_072],
    ] as const) {
      assert.ok(collect(source.chunks(start, end)).equals(whole.subarray(start, end + 1)), `${start}-${end}`);
    }
  });

  test('is deterministic per seed and differs between seeds', async () => {
    const again = createSyntheticMp4(head, total, 42);
    const other = createSyntheticMp4(head, total, 43);
    assert.equal(await again.sha256(), await source.sha256());
    assert.notEqual(await other.sha256(), await source.sha256());
    assert.equal(await source.sha256(), createHash('sha256').update(source.bytes()).digest('hex'));
  });

  test('past 4 GiB the box uses a 64-bit largesize', () => {
    const huge = createSyntheticMp4(head, 5 * 1024 ** 3, 7);
    const header = collect(huge.chunks(head.length, head.length + 15));
    assert.equal(header.readUInt32BE(0), 1);
    assert.equal(header.toString('latin1', 4, 8), 'free');
    assert.equal(header.readBigUInt64BE(8), BigInt(5 * 1024 ** 3 - head.length));
    assert.throws(() => huge.bytes(), RangeError);
  });

  test('refuses sizes too small to hold the box', () => {
    assert.throws(() => createSyntheticMp4(head, minimumSyntheticMp4Bytes(head) - 1, 1), RangeError);
  });
});

test('opaque bytevc2 bytes are not an MP4', () => {
  const bytes = createOpaqueVideo(4096, 9).bytes();
  assert.equal(bytes.length, 4096);
  assert.notEqual(bytes.toString('latin1', 4, 8), 'ftyp');
});
