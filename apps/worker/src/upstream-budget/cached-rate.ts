import type { Logger } from '../logger.ts';
import { DEFAULT_REQUESTS_PER_MINUTE, isUsableRate } from './budget-rate-setting.ts';

/**
 * The configured rate, asked again at most every `cacheMs` (the callback may read a Setting).
 * A failing or unusable answer keeps the last good rate (the default before the first one).
 */
export function cachedRate(
  read: () => Promise<number> | number,
  cacheMs: number,
  log: Logger,
): () => Promise<number> {
  let rate = DEFAULT_REQUESTS_PER_MINUTE;
  let readAt = Number.NEGATIVE_INFINITY;
  let reading: Promise<number> | null = null;
  const refresh = async (): Promise<number> => {
    try {
      const value = await read();
      if (isUsableRate(value)) rate = value;
      else log.warn({ value }, 'upstream budget: unusable requests-per-minute; keeping %d', rate);
    } catch (error) {
      log.warn({ err: error }, 'upstream budget: could not read requests-per-minute; keeping %d', rate);
    }
    readAt = performance.now();
    return rate;
  };
  return async () => {
    if (performance.now() - readAt < cacheMs) return rate;
    reading ??= refresh().finally(() => {
      reading = null;
    });
    return reading;
  };
}
