/**
 * A sleep that `wake()` ends early. One sleeper at a time (the budget's pump); a wake while
 * nobody sleeps is remembered, so the next sleep returns at once and no news is lost.
 */
export type WakeableSleep = {
  sleep(ms: number): Promise<void>;
  wake(): void;
  /** Forgets a wake nobody slept through (a new sleeper that looks first has no news to miss). */
  forget(): void;
};

export function wakeableSleep(): WakeableSleep {
  let woken = false;
  let end: (() => void) | null = null;
  return {
    sleep: (ms) => {
      if (woken || ms <= 0) {
        woken = false;
        return Promise.resolve();
      }
      return new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          end = null;
          resolve();
        }, ms);
        end = () => {
          clearTimeout(timer);
          end = null;
          resolve();
        };
      });
    },
    wake: () => {
      if (end !== null) end();
      else woken = true;
    },
    forget: () => {
      woken = false;
    },
  };
}
