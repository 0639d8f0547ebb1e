import { z } from 'zod';
import { DOWNLOAD_STATES, ITEM_KINDS } from '../../../downloads/download-states.ts';

/** Download states and kinds, as the admin filters name them (type-only imports: forms can use this file). */
export const JOB_STATES = DOWNLOAD_STATES;
export const JOB_KINDS = ITEM_KINDS;

/**
 * What a search box entry means. Each one is backed by an index: `url` by the item id parsed from
 * the link (or the trigram index on searchText), `email` by the user's downloads index, `item` by
 * the item id index, `id` by the primary key (download id or job id), `error` (text in the failure
 * message, 3 characters or more) by the trigram index on failureMessage. Failure codes have their
 * own exact filter.
 */
export const JOB_SEARCH_FIELDS = ['url', 'email', 'item', 'error', 'id'] as const;

export const JobFilterSchema = z.object({
  states: z.array(z.enum(JOB_STATES)).max(JOB_STATES.length).optional(),
  kind: z.enum(JOB_KINDS).optional(),
  failureCode: z.string().trim().min(1).max(64).optional(),
  search: z.object({ by: z.enum(JOB_SEARCH_FIELDS), text: z.string().trim().min(1).max(500) }).optional(),
  /** Created at or after. */
  from: z.iso.datetime().optional(),
  /** Created before. */
  to: z.iso.datetime().optional(),
});
export type JobFilter = z.infer<typeof JobFilterSchema>;

export const JOB_PAGE_MAX = 200;

export const JobListInputSchema = z.object({
  filter: JobFilterSchema.default({}),
  cursor: z.string().max(200).nullish(),
  limit: z.number().int().min(1).max(JOB_PAGE_MAX).default(50),
});
export type JobListInput = z.infer<typeof JobListInputSchema>;

export const JobIdSchema = z.object({ id: z.uuid() });
export type JobId = z.infer<typeof JobIdSchema>;

/** Most ids one call may name; a filter is processed in batches of this size. */
export const JOB_BATCH_SIZE = 500;
/** Most rows one call changes when acting on a filter; `more` in the answer says to call again. */
export const JOB_ACTION_MAX = 5_000;

/** A bulk action's target: explicit ids, or everything matching a filter. */
export const JobTargetSchema = z.union([
  z.object({ ids: z.array(z.uuid()).min(1).max(JOB_BATCH_SIZE) }),
  z.object({ filter: JobFilterSchema }),
]);
export type JobTarget = z.infer<typeof JobTargetSchema>;

/** What a bulk action did: `matched` rows were looked at, `changed` were retried/canceled/deleted. */
export type JobActionResult = { matched: number; changed: number; more: boolean };
