import { z } from 'zod';
import { MAX_PASTE_LENGTH } from '../../../lib/precheck.ts';
import { DOWNLOAD_STATES, ITEM_KINDS } from '../../downloads/download-states.ts';

/**
 * Inputs of the `downloads` procedures. Imports nothing server-only, so forms can use them.
 */
export const PastedTextSchema = z.object({ text: z.string().max(MAX_PASTE_LENGTH) });
export type PastedText = z.infer<typeof PastedTextSchema>;

export const DownloadIdSchema = z.object({ id: z.uuid() });
export type DownloadId = z.infer<typeof DownloadIdSchema>;

export const DownloadIdsSchema = z.object({ ids: z.array(z.uuid()).max(200) });
export type DownloadIds = z.infer<typeof DownloadIdsSchema>;

export const DownloadStateSchema = z.enum(DOWNLOAD_STATES);
export const ItemKindSchema = z.enum(ITEM_KINDS);

/** `2026-11-25` (the whole day, in UTC) or a full ISO timestamp with offset. */
const DateBoundSchema = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

export const HistoryQuerySchema = z.object({
  cursor: z.string().max(200).nullish(),
  limit: z.number().int().min(1).max(100).default(30),
  /** Free text over caption, author and URLs. */
  q: z.string().trim().max(200).optional(),
  /** One state or several (e.g. the active ones). */
  state: z
    .union([DownloadStateSchema, z.array(DownloadStateSchema).min(1).max(DOWNLOAD_STATES.length)])
    .optional(),
  kind: z.union([ItemKindSchema, z.array(ItemKindSchema).min(1).max(ITEM_KINDS.length)]).optional(),
  /** Created at or after. */
  from: DateBoundSchema.optional(),
  /** Created at or before (a bare date includes that whole day). */
  to: DateBoundSchema.optional(),
});
export type HistoryQuery = z.input<typeof HistoryQuerySchema>;
export type HistoryQueryParsed = z.output<typeof HistoryQuerySchema>;
