/**
 * The simulator's clock: a base clock plus an offset that tests move, so story expiry and
 * signed-URL expiry can be reached without waiting.
 */
export type SimClock = {
  now(): number;
  advance(seconds: number): void;
  set(epochMs: number): void;
  reset(): void;
};

export function createSimClock(base: () => number = Date.now): SimClock {
  let offsetMs = 0;
  return {
    now: () => base() + offsetMs,
    advance(seconds) {
      if (!Number.isFinite(seconds)) throw new RangeError('advanceClock needs a finite number of seconds');
      offsetMs += seconds * 1000;
    },
    set(epochMs) {
      if (!Number.isFinite(epochMs)) throw new RangeError('setNow needs finite epoch milliseconds');
      offsetMs = epochMs - base();
    },
    reset() {
      offsetMs = 0;
    },
  };
}
