import { z } from 'zod';

/** Links from the paste box, as the precheck describes them (the input plus what it parsed to). */
export const AlreadySavedQuerySchema = z.object({
  links: z
    .array(
      z.object({
        input: z.string().max(4096),
        canonicalUrl: z.string().max(4096),
        /** The TikTok item id, for post links. */
        itemId: z
          .string()
          .regex(/^\d{1,25}$/)
          .optional(),
      }),
    )
    .max(50),
});
export type AlreadySavedQuery = z.infer<typeof AlreadySavedQuerySchema>;
