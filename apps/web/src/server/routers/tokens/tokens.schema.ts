import { z } from 'zod';

/** Inputs of the `tokens` procedures (a person's own API tokens). Imports nothing server-only. */
export const TOKEN_NAME_MAX = 60;
export const TOKEN_LIFETIMES_DAYS = [30, 90, 365] as const;

export const CreateApiTokenSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'Give the token a name, so you know later where it is used.')
    .max(TOKEN_NAME_MAX, `At most ${TOKEN_NAME_MAX} characters.`),
  /** Days until it stops working; null: never. */
  expiresInDays: z.union([z.literal(30), z.literal(90), z.literal(365)]).nullable(),
});
export type CreateApiTokenInput = z.infer<typeof CreateApiTokenSchema>;

export const ApiTokenIdSchema = z.object({ id: z.uuid() });
export type ApiTokenId = z.infer<typeof ApiTokenIdSchema>;
