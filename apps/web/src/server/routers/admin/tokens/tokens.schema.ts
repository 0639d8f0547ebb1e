import { z } from 'zod';

export const AdminTokenListInputSchema = z.object({
  /** Start of the owner's email address (case-insensitive). */
  email: z.string().trim().max(320).optional(),
  cursor: z.string().max(200).nullish(),
  limit: z.number().int().min(1).max(100).default(50),
});
export type AdminTokenListInput = z.infer<typeof AdminTokenListInputSchema>;
