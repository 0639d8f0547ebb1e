import { z } from 'zod';
import { NUMBER_SETTINGS } from '../../../settings.ts';

const bound = (key: keyof typeof NUMBER_SETTINGS) => {
  const { min, max, integer } = NUMBER_SETTINGS[key];
  const number = integer ? z.number().int() : z.number();
  // null: back to the instance default (the environment's value).
  return number.min(min).max(max).nullable().optional();
};

/** The admin's watch and budget numbers; a field left out stays as it is. */
export const UpstreamSettingsSchema = z.object({
  requestsPerMinute: bound('upstream.requestsPerMinute'),
  defaultIntervalSeconds: bound('watch.defaultIntervalSeconds'),
  minIntervalSeconds: bound('watch.minIntervalSeconds'),
  maxWatchesPerUser: bound('watch.maxPerUser'),
});
export type UpstreamSettings = z.infer<typeof UpstreamSettingsSchema>;
