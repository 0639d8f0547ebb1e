import { createHash } from 'node:crypto';

/**
 * A media body the sim can serve: its size, type, and a way to read any byte range in
 * chunks, so large files stream without ever being held in memory.
 */
export type MediaSource = {
  readonly size: number;
  readonly contentType: string;
  /** Chunks covering bytes `start`..`end` inclusive. */
  chunks(start: number, end: number): Iterable<Buffer>;
  sha256(): Promise<string>;
  /** The whole body in memory; refuses bodies too large for that. */
  bytes(): Buffer;
};

/** Bodies above this are only ever streamed (`bytes()` refuses them). */
export const MAX_IN_MEMORY_BYTES = 64 * 1024 * 1024;

export function bufferSource(body: Buffer, contentType: string): MediaSource {
  let digest: string | undefined;
  return {
    size: body.length,
    contentType,
    *chunks(start, end) {
      yield body.subarray(start, end + 1);
    },
    async sha256() {
      digest ??= createHash('sha256').update(body).digest('hex');
      return digest;
    },
    bytes: () => body,
  };
}
