import { writeStorageSettings } from '@tiksavr/db';
import { adminProcedure } from '../../../trpc.ts';
import { storageOverview } from '../../../usage/storage-overview.ts';
import { StorageSettingsInputSchema } from '../../../usage/storage-usage.schema.ts';

/**
 * Sets the default storage and item limits and the auto-delete age (admins only); null: no limit
 * or keep forever. The web app and the worker read them on their next use; no restart.
 */
export const storageSet = adminProcedure
  .input(StorageSettingsInputSchema)
  .mutation(async ({ ctx, input }) => {
    await writeStorageSettings(ctx.db, {
      ...(input.defaultBytes === undefined ? {} : { defaultBytes: input.defaultBytes }),
      ...(input.defaultItems === undefined ? {} : { defaultItems: input.defaultItems }),
      ...(input.retentionDays === undefined ? {} : { retentionDays: input.retentionDays }),
    });
    return storageOverview(ctx);
  });
