import type { InPlaceTarget } from './storage.ts';

/** How long a reader following the writer waits for more bytes once it has read all there are. */
const FOLLOW_IDLE_MS = 5;

/**
 * A writer of `Storage.appendInPlace` (e.g. a curl process) running now, seen from the reader that
 * follows it: whether it has finished, a short wait that ends early when it finishes, and a way to
 * stop it.
 */
export type RunningWriter = {
  /** Settles when the writer does (rejects with its failure). */
  readonly done: Promise<void>;
  finished(): boolean;
  /** Waits FOLLOW_IDLE_MS, or less if the writer finishes meanwhile. */
  idle(): Promise<void>;
  /** Aborts the writer's signal. */
  stop(reason: unknown): void;
};

export function startWriter(
  write: (target: InPlaceTarget) => Promise<void>,
  target: Omit<InPlaceTarget, 'signal'>,
): RunningWriter {
  const stopper = new AbortController();
  let finished = false;
  let wake: (() => void) | null = null;
  const done = (async () => write({ ...target, signal: stopper.signal }))().finally(() => {
    finished = true;
    wake?.();
  });
  done.catch(() => {}); // the reader awaits it; this keeps an early failure from going unhandled
  return {
    done,
    finished: () => finished,
    idle: () =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, FOLLOW_IDLE_MS);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      }).finally(() => {
        wake = null;
      }),
    stop: (reason) => stopper.abort(reason),
  };
}
