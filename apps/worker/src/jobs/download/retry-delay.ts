/**
 * Seconds to wait before retry number `attempt` (1 = the first retry): exponential backoff
 * base × 2^(attempt−1), capped, with "equal jitter" (half fixed, half random) so downloads that
 * failed together (a TikTok hiccup) do not all come back at the same instant.
 */
export function retryDelaySeconds(
  attempt: number,
  { baseSeconds, maxSeconds }: { baseSeconds: number; maxSeconds: number },
  random: () => number = Math.random,
): number {
  const exponential = Math.min(maxSeconds, baseSeconds * 2 ** Math.max(0, attempt - 1));
  return exponential / 2 + (exponential / 2) * random();
}

/**
 * A story's retry comes before its deadline, however long the backoff says: a second before it,
 * or, in its last two seconds, halfway there (so the last tries close in on the deadline instead
 * of spinning without a pause until it passes).
 */
export function delayBeforeDeadline(delaySeconds: number, deadline: Date | null, now: Date): number {
  if (deadline === null) return delaySeconds;
  const secondsLeft = Math.max(0, (deadline.getTime() - now.getTime()) / 1000);
  return Math.min(delaySeconds, secondsLeft > 2 ? secondsLeft - 1 : secondsLeft / 2);
}
