import { createHash } from 'node:crypto';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { MAX_IN_MEMORY_BYTES, type MediaSource } from './media-source.ts';

/**
 * Large deterministic media for benchmarks: any byte range can be produced on demand from a
 * seed, so a 500 MB file is streamed, hashed and range-served without existing anywhere.
 *
 * A synthetic MP4 is a real small MP4 followed by one ISO-BMFF `free` box whose payload is
 * pseudo-random: players skip `free` boxes, so the file stays playable at any size.
 */

/**
 * The payload is cut into CHUNK_BYTES chunks, each a slice of one pseudo-random pool per seed, at
 * an offset picked from the seed and the chunk index. Slicing costs no CPU, so serving a large
 * file costs the simulator about what a CDN's sendfile costs it: the benchmarks that run the
 * simulator on the same cores as the worker and curl measure them, not the simulator. (Making
 * every byte with xorshift took ~0.5 ms of CPU per MB, a third of the simulator's serving cost.)
 */
const CHUNK_BYTES = 1024 * 1024;
const POOL_BYTES = 8 * CHUNK_BYTES;
/** Chunk offsets in the pool are multiples of this (the pool holds POOL_BYTES + CHUNK_BYTES). */
const OFFSET_STEP = 4096;
const POOLS_KEPT = 4;
const pools = new Map<number, Buffer>();

/** xorshift32 bytes from `seed`; the last POOLS_KEPT pools are kept. */
function poolFor(seed: number): Buffer {
  const kept = pools.get(seed);
  if (kept !== undefined) return kept;
  const words = new Uint32Array((POOL_BYTES + CHUNK_BYTES) / 4);
  let state = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) || 0x6d2b79f5;
  for (let i = 0; i < words.length; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    words[i] = state >>> 0;
  }
  const pool = Buffer.from(words.buffer);
  if (pools.size >= POOLS_KEPT) pools.delete(pools.keys().next().value as number);
  pools.set(seed, pool);
  return pool;
}

/** Payload chunk `index`: a slice of the seed's pool (splitmix-style mix of seed and index). */
function payloadChunk(seed: number, index: number): Buffer {
  let mixed = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35);
  mixed ^= mixed >>> 16;
  mixed = Math.imul(mixed, 0x7feb352d);
  mixed ^= mixed >>> 15;
  const offset = ((mixed >>> 0) % (POOL_BYTES / OFFSET_STEP)) * OFFSET_STEP;
  return poolFor(seed).subarray(offset, offset + CHUNK_BYTES);
}

function* prefixAndPayload(prefix: Buffer, seed: number, size: number, start: number, requestedEnd: number) {
  const end = Math.min(requestedEnd, size - 1);
  if (start < prefix.length) yield prefix.subarray(start, Math.min(end + 1, prefix.length));
  const payloadStart = Math.max(start, prefix.length) - prefix.length;
  const payloadEnd = end - prefix.length;
  if (payloadEnd < payloadStart) return;
  for (let index = Math.floor(payloadStart / CHUNK_BYTES); index * CHUNK_BYTES <= payloadEnd; index++) {
    const chunkStart = index * CHUNK_BYTES;
    const from = Math.max(payloadStart - chunkStart, 0);
    const to = Math.min(payloadEnd - chunkStart + 1, CHUNK_BYTES);
    yield payloadChunk(seed, index).subarray(from, to);
  }
}

function syntheticSource(prefix: Buffer, seed: number, size: number, contentType: string): MediaSource {
  let digest: Promise<string> | undefined;
  const chunks = (start: number, end: number) => prefixAndPayload(prefix, seed, size, start, end);
  return {
    size,
    contentType,
    chunks,
    sha256() {
      digest ??= (async () => {
        const hash = createHash('sha256');
        let sinceYield = 0;
        for (const chunk of chunks(0, size - 1)) {
          hash.update(chunk);
          sinceYield += chunk.length;
          if (sinceYield >= 8 * 1024 * 1024) {
            sinceYield = 0;
            await yieldToEventLoop();
          }
        }
        return hash.digest('hex');
      })();
      return digest;
    },
    bytes() {
      if (size > MAX_IN_MEMORY_BYTES) {
        throw new RangeError(`A ${size}-byte synthetic file is only streamed; compare it with mediaSha256()`);
      }
      return Buffer.concat([...chunks(0, size - 1)]);
    },
  };
}

/** The smallest total size a synthetic MP4 built on `head` may have. */
export function minimumSyntheticMp4Bytes(head: Buffer): number {
  return head.length + 16;
}

/** `head` (a complete MP4) + a `free` box padding it to exactly `totalBytes`. */
export function createSyntheticMp4(head: Buffer, totalBytes: number, seed: number): MediaSource {
  if (!Number.isSafeInteger(totalBytes) || totalBytes < minimumSyntheticMp4Bytes(head)) {
    throw new RangeError(`largeBytes must be an integer ≥ ${minimumSyntheticMp4Bytes(head)}`);
  }
  const boxBytes = totalBytes - head.length;
  let boxHeader: Buffer;
  if (boxBytes <= 0xffffffff) {
    boxHeader = Buffer.alloc(8);
    boxHeader.writeUInt32BE(boxBytes, 0);
    boxHeader.write('free', 4, 'latin1');
  } else {
    // size field 1 = a 64-bit "largesize" follows the type (ISO/IEC 14496-12 §4.2).
    boxHeader = Buffer.alloc(16);
    boxHeader.writeUInt32BE(1, 0);
    boxHeader.write('free', 4, 'latin1');
    boxHeader.writeBigUInt64BE(BigInt(boxBytes), 8);
  }
  return syntheticSource(Buffer.concat([head, boxHeader]), seed, totalBytes, 'video/mp4');
}

/** Bytes no decoder can play, standing in for ByteDance's own bytevc2 streams. */
export function createOpaqueVideo(totalBytes: number, seed: number): MediaSource {
  return syntheticSource(Buffer.alloc(0), seed, totalBytes, 'video/mp4');
}
