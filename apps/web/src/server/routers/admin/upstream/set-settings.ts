import { writeNumberSettings } from '../../../settings.ts';
import { adminProcedure } from '../../../trpc.ts';
import { loadWatchConfig } from '../../../watches/watch-config.ts';
import { UpstreamSettingsSchema } from './upstream.schema.ts';

/**
 * Sets the requests per minute toward TikTok, the default check interval and its floor, and the
 * per-user watch limit (admins only). The worker reads them on its next use; no restart.
 */
export const upstreamSetSettings = adminProcedure
  .input(UpstreamSettingsSchema)
  .mutation(async ({ ctx, input }) => {
    await writeNumberSettings(ctx.db, {
      'upstream.requestsPerMinute': input.requestsPerMinute,
      'watch.defaultIntervalSeconds': input.defaultIntervalSeconds,
      'watch.minIntervalSeconds': input.minIntervalSeconds,
      'watch.maxPerUser': input.maxWatchesPerUser,
    });
    return loadWatchConfig(ctx.db);
  });
