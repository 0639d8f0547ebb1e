import { z } from 'zod';

/**
 * Inputs of the `watches` procedures. Imports nothing server-only, so forms can use them.
 */

/** A profile link (tiktok.com/@name), `@name` or `name`; parsed by core's parseCreatorRef. */
export const AddWatchSchema = z.object({ creator: z.string().trim().min(1).max(500) });
export type AddWatch = z.infer<typeof AddWatchSchema>;

export const WatchIdSchema = z.object({ id: z.uuid() });
export type WatchId = z.infer<typeof WatchIdSchema>;

/** What a watch captures; a field left out stays as it is. */
export const WatchOptionsSchema = z.object({
  id: z.uuid(),
  stories: z.boolean().optional(),
  posts: z.boolean().optional(),
});
export type WatchOptions = z.infer<typeof WatchOptionsSchema>;
