const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/**
 * A duration as the dashboard says it: "3 h 40 min", "2 h", "12 min", "less than 1 min".
 * Rounds down, like core's formatTimeLeft, so TikSavr never claims more time than there was.
 */
export function durationWords(ms: number): string {
  if (!Number.isFinite(ms) || ms < MINUTE_MS) return 'less than 1 min';
  const hours = Math.floor(ms / HOUR_MS);
  const minutes = Math.floor((ms % HOUR_MS) / MINUTE_MS);
  if (hours === 0) return `${minutes} min`;
  return minutes === 0 ? `${hours} h` : `${hours} h ${minutes} min`;
}

/** A saved story: "Saved with 3 h 40 min to spare" (its deadline minus when it was saved). */
export function savedWithSpareWords(spareSeconds: number): string {
  return `Saved with ${durationWords(spareSeconds * 1000)} to spare`;
}
