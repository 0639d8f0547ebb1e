import { z } from 'zod';

/**
 * Inputs of the pin, quota and retention procedures. Imports nothing server-only, so forms can use them.
 */
export const SetPinnedSchema = z.object({ id: z.uuid(), pinned: z.boolean() });
export type SetPinned = z.infer<typeof SetPinnedSchema>;

const MAX_BYTES = Number.MAX_SAFE_INTEGER;
const MAX_ITEMS = 1_000_000_000;

/** The admin's instance-wide rules; null: no limit / keep forever; a field left out stays as it is. */
export const StorageSettingsInputSchema = z.object({
  defaultBytes: z.number().int().min(0).max(MAX_BYTES).nullable().optional(),
  defaultItems: z.number().int().min(0).max(MAX_ITEMS).nullable().optional(),
  retentionDays: z
    .number()
    .int()
    .min(1)
    .max(100 * 365)
    .nullable()
    .optional(),
});
export type StorageSettingsInput = z.infer<typeof StorageSettingsInputSchema>;

/** One kind of a person's own limit: a number, null for no limit, or 'default' for the instance default. */
const limitChange = (max: number) =>
  z.union([z.number().int().min(0).max(max), z.null(), z.literal('default')]);

export const UserQuotaInputSchema = z.object({
  userId: z.string().min(1).max(200),
  bytes: limitChange(MAX_BYTES).optional(),
  items: limitChange(MAX_ITEMS).optional(),
});
export type UserQuotaInput = z.infer<typeof UserQuotaInputSchema>;
