/** ±10 %: checks of creators added together drift apart instead of hitting TikTok in bursts. */
const JITTER = 0.1;
/** After failures the wait doubles each time, but a watched creator is still tried at least daily. */
const MAX_BACKOFF_SECONDS = 24 * 3600;

/** When the next check of a creator is due: one interval from now, with jitter. */
export function nextCheckTime(now: Date, intervalSeconds: number, random: () => number): Date {
  const factor = 1 + JITTER * (2 * random() - 1);
  return new Date(now.getTime() + Math.round(intervalSeconds * factor * 1000));
}

/**
 * When a creator whose last `failures` checks in a row failed is tried again: the interval,
 * doubled per further failure, at most a day (never sooner than one interval, and never before
 * TikTok's Retry-After), with jitter.
 */
export function retryCheckTime(
  now: Date,
  failures: number,
  intervalSeconds: number,
  random: () => number,
  retryAfterSeconds = 0,
): Date {
  const doubled = intervalSeconds * 2 ** Math.max(0, Math.min(failures - 1, 16));
  const at = nextCheckTime(now, Math.min(doubled, Math.max(intervalSeconds, MAX_BACKOFF_SECONDS)), random);
  return new Date(Math.max(at.getTime(), now.getTime() + retryAfterSeconds * 1000));
}
