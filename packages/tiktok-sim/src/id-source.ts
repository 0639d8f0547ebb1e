import { createHash, randomBytes, randomInt } from 'node:crypto';

/**
 * Where the simulator's made-up identifiers get their randomness: crypto randomness by default,
 * or a stream derived from a key, so the same key mints the same ids on every start (the demo's
 * links must still work tomorrow). Not for anything secret: the seeded stream is predictable.
 */
export type IdSource = {
  /** An integer in [min, maxExclusive). */
  int(min: number, maxExclusive: number): number;
  bytes(count: number): Buffer;
};

export const randomIdSource: IdSource = {
  int: (min, maxExclusive) => randomInt(min, maxExclusive),
  bytes: (count) => randomBytes(count),
};

/** sha256(key, block counter) blocks, read in order. */
export function seededIdSource(key: string): IdSource {
  let block = 0;
  let pool = Buffer.alloc(0);
  const take = (count: number): Buffer => {
    while (pool.length < count) {
      pool = Buffer.concat([pool, createHash('sha256').update(`${key}\u0000${block}`).digest()]);
      block += 1;
    }
    const out = pool.subarray(0, count);
    pool = pool.subarray(count);
    return Buffer.from(out);
  };
  return {
    int(min, maxExclusive) {
      const span = maxExclusive - min;
      if (!Number.isSafeInteger(span) || span <= 0) throw new RangeError('int needs min < maxExclusive');
      return min + (take(6).readUIntBE(0, 6) % span);
    },
    bytes: take,
  };
}
