const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/**
 * Time left before a story expires, in the words the dashboard shows: "23 h 12 min left",
 * "2 h left", "4 min left", "less than 1 min left", "expired". Rounds down, so the product
 * never promises more time than there is.
 */
export function formatTimeLeft(ms: number): string {
  if (!Number.isFinite(ms) || ms <= 0) return 'expired';
  if (ms < MINUTE_MS) return 'less than 1 min left';
  const hours = Math.floor(ms / HOUR_MS);
  const minutes = Math.floor((ms % HOUR_MS) / MINUTE_MS);
  if (hours === 0) return `${minutes} min left`;
  return minutes === 0 ? `${hours} h left` : `${hours} h ${minutes} min left`;
}
