import { z } from 'zod';

export const USER_ROLES = ['user', 'admin'] as const;

export const UserListInputSchema = z.object({
  /** Start of an email address (case-insensitive). */
  email: z.string().trim().max(320).optional(),
  cursor: z.string().max(200).nullish(),
  limit: z.number().int().min(1).max(100).default(50),
});
export type UserListInput = z.infer<typeof UserListInputSchema>;

export const UserRoleInputSchema = z.object({ userId: z.string().min(1).max(200), role: z.enum(USER_ROLES) });
export type UserRoleInput = z.infer<typeof UserRoleInputSchema>;

export const UserBanInputSchema = z.object({
  userId: z.string().min(1).max(200),
  banned: z.boolean(),
  reason: z.string().trim().max(500).optional(),
});
export type UserBanInput = z.infer<typeof UserBanInputSchema>;
