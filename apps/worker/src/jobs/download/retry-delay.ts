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
