/**
 * Turns per-chunk byte counts into at most one write per `intervalMs` (a write is a DB update +
 * NOTIFY; per chunk it would cost more than the download). Only one write runs at a time; the
 * newest numbers win. `write` resolves false when the download is no longer this job's
 * (canceled or taken over): then `onLost` fires once.
 */
export type ProgressReporter = {
  report(bytesDone: number, bytesTotal: number | null): void;
  /** Waits for the write in flight, if any. */
  settle(): Promise<void>;
};

export function createProgressReporter(options: {
  intervalMs: number;
  write: (bytesDone: number, bytesTotal: number | null) => Promise<boolean>;
  onLost: () => void;
  onError: (error: unknown) => void;
  clock?: () => number;
}): ProgressReporter {
  const clock = options.clock ?? Date.now;
  let lastWriteAt = clock();
  let inFlight: Promise<void> | null = null;
  let lost = false;
  return {
    report(bytesDone, bytesTotal) {
      if (lost || inFlight !== null || clock() - lastWriteAt < options.intervalMs) return;
      lastWriteAt = clock();
      inFlight = options
        .write(bytesDone, bytesTotal)
        .then((held) => {
          if (!held && !lost) {
            lost = true;
            options.onLost();
          }
        }, options.onError)
        .finally(() => {
          inFlight = null;
        });
    },
    settle: async () => {
      await inFlight;
    },
  };
}
