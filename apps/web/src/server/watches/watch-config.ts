import type { Db } from '@tiksavr/db';
import { type WatchEnv, watchEnv } from '../../env.ts';
import { type NumberSettingKey, readNumberSettings } from '../settings.ts';

/** One instance number: what applies now, where it comes from, and the default it overrides. */
export type ConfiguredNumber = { value: number; source: 'setting' | 'default'; defaultValue: number };

export type WatchConfig = {
  requestsPerMinute: ConfiguredNumber;
  defaultIntervalSeconds: ConfiguredNumber;
  minIntervalSeconds: ConfiguredNumber;
  maxWatchesPerUser: ConfiguredNumber;
};

const MINUTE_SECONDS = 60;

function defaultsOf(e: WatchEnv): Record<NumberSettingKey, number> {
  return {
    'upstream.requestsPerMinute': e.TIKTOK_REQUESTS_PER_MINUTE,
    'watch.defaultIntervalSeconds': Math.round(e.WATCH_INTERVAL_MINUTES * MINUTE_SECONDS),
    'watch.minIntervalSeconds': Math.round(e.WATCH_MIN_INTERVAL_MINUTES * MINUTE_SECONDS),
    'watch.maxPerUser': e.WATCHES_PER_USER_MAX,
  };
}

/**
 * The instance's watch and budget numbers: an admin's Setting where there is one, else the
 * environment's default (the same variables the worker reads, see env.ts).
 */
export async function loadWatchConfig(db: Db, e: WatchEnv = watchEnv()): Promise<WatchConfig> {
  const settings = await readNumberSettings(db);
  const defaults = defaultsOf(e);
  const pick = (key: NumberSettingKey): ConfiguredNumber => {
    const set = settings[key];
    return set === undefined
      ? { value: defaults[key], source: 'default', defaultValue: defaults[key] }
      : { value: set, source: 'setting', defaultValue: defaults[key] };
  };
  return {
    requestsPerMinute: pick('upstream.requestsPerMinute'),
    defaultIntervalSeconds: pick('watch.defaultIntervalSeconds'),
    minIntervalSeconds: pick('watch.minIntervalSeconds'),
    maxWatchesPerUser: pick('watch.maxPerUser'),
  };
}

/** Seconds between checks of a watch: its own interval or the default, never under the floor. */
export function effectiveIntervalSeconds(
  own: number | null,
  config: Pick<WatchConfig, 'defaultIntervalSeconds' | 'minIntervalSeconds'>,
): number {
  return Math.max(config.minIntervalSeconds.value, own ?? config.defaultIntervalSeconds.value);
}
