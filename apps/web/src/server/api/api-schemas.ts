import { ERROR_CODES } from '@tiksavr/core';
import { z } from 'zod';
import type { DownloadDto } from '../downloads/download-dto.ts';
import { DOWNLOAD_STATES, ITEM_KINDS } from '../downloads/download-states.ts';
import { PastedTextSchema } from '../routers/downloads/downloads.schema.ts';
import type { AssetDto } from '../routers/downloads/get.handler.ts';
import type { SubmitResult } from '../routers/downloads/submit.handler.ts';
import { AddWatchSchema } from '../routers/watches/watches.schema.ts';
import type { WatchDto } from '../watches/watch-dto.ts';

/**
 * The shapes the HTTP API answers with, in zod: each answer is parsed through its schema before it
 * is sent (so the API returns exactly what the OpenAPI document says, whatever fields the
 * dashboard's DTOs gain), and the document's schemas are generated from these (z.toJSONSchema).
 * The `Documents` checks at the bottom fail the typecheck when a DTO loses or changes a field
 * documented here.
 */
type SchemaMeta = { id: string; description: string };
/** Components of request bodies (rendered as the client sends them). */
export const requestSchemas = z.registry<SchemaMeta>();
/** Components of answers (rendered as the server sends them). */
export const responseSchemas = z.registry<SchemaMeta>();
/**
 * Each component's description by id. Kept apart because z.toJSONSchema takes field descriptions
 * (`.describe()`) from zod's global registry, not from the registry that names the components.
 */
export const componentDescriptions = new Map<string, string>();

function register(registry: typeof requestSchemas, schema: z.ZodType, meta: SchemaMeta): void {
  registry.add(schema, meta);
  componentDescriptions.set(meta.id, meta.description);
}

// ---------- requests: the dashboard's own input schemas, with words for the document ----------

export const SubmitRequestSchema = PastedTextSchema.extend({
  text: PastedTextSchema.shape.text.describe(
    'One TikTok link, or a whole message with many (at most 50 links). Everything else in it is ignored.',
  ),
});
register(requestSchemas, SubmitRequestSchema, {
  id: 'SubmitRequest',
  description: 'Text with TikTok links, exactly as the dashboard’s paste box takes it.',
});

export const WatchRequestSchema = AddWatchSchema.extend({
  creator: AddWatchSchema.shape.creator.describe(
    'A profile link (https://www.tiktok.com/@name), @name or name.',
  ),
});
register(requestSchemas, WatchRequestSchema, { id: 'WatchRequest', description: 'The creator to watch.' });

// ---------- answers ----------

const timestamp = z.iso.datetime();
const count = z.number().int().min(0);

export const ApiErrorSchema = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES).describe('Stable code from TikSavr’s error table.'),
    message: z.string().describe('What to tell a person, in plain words.'),
    fields: z
      .array(z.object({ path: z.string(), message: z.string() }))
      .optional()
      .describe('For invalid_request: which field was wrong, and why.'),
  }),
});
register(responseSchemas, ApiErrorSchema, {
  id: 'ApiError',
  description: 'Every error answer has this shape; the HTTP status follows from the code.',
});

export const DownloadSchema = z.object({
  id: z.uuid(),
  inputUrl: z.string().describe('The link as it was sent.'),
  canonicalUrl: z.string().describe('The post’s canonical TikTok address, once known.'),
  itemId: z.string().nullable().describe('TikTok’s id of the post (a string: it exceeds 2^53).'),
  kind: z.enum(ITEM_KINDS).nullable(),
  state: z.enum(DOWNLOAD_STATES),
  failureCode: z.string().nullable().describe('Why it failed, a code of the error table.'),
  failureMessage: z.string().nullable().describe('Why it failed, in plain words.'),
  advice: z
    .enum(['screen_recording'])
    .nullable()
    .describe('Set when a screen recording can keep it instead.'),
  canRetry: z.boolean().describe('Whether POST …/retry can help.'),
  author: z.string().nullable(),
  caption: z.string().nullable(),
  storyDeadline: timestamp.nullable().describe('When a story expires (24 hours after it was posted).'),
  bytesDone: count,
  bytesTotal: count.nullable(),
  attempts: count,
  createdAt: timestamp,
  startedAt: timestamp.nullable(),
  finishedAt: timestamp.nullable(),
});
register(responseSchemas, DownloadSchema, { id: 'Download', description: 'One link in your history.' });

export const AssetSchema = z.object({
  id: z.uuid(),
  role: z.enum(['video', 'image', 'audio', 'cover']),
  index: count.describe('Position among files of the same role (pictures of a photo post).'),
  mime: z.string(),
  size: count.describe('Bytes.'),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  duration: z.number().int().nullable().describe('Seconds.'),
  codec: z.string().nullable(),
  url: z.string().describe('Where to download it: GET with your token (supports Range).'),
});
register(responseSchemas, AssetSchema, { id: 'Asset', description: 'One stored file of a saved post.' });

export const DownloadDetailSchema = DownloadSchema.extend({
  assets: z.array(AssetSchema),
  zipUrl: z.string().nullable().describe('Every picture and the sound of a photo post in one ZIP.'),
});
register(responseSchemas, DownloadDetailSchema, {
  id: 'DownloadDetail',
  description: 'One link in your history, with its files once saved.',
});

export const HistoryPageSchema = z.object({
  items: z.array(DownloadSchema),
  nextCursor: z.string().nullable().describe('Pass as `cursor` for the next page; null on the last page.'),
});
register(responseSchemas, HistoryPageSchema, {
  id: 'HistoryPage',
  description: 'A page of your history, newest first.',
});

export const SubmitResultSchema = z.object({
  input: z.string().describe('The link as it appeared in the text.'),
  ok: z.boolean().describe('Whether it is being saved.'),
  downloadId: z.uuid().optional(),
  reason: z.string().optional().describe('Why it can’t be saved (a code).'),
  message: z.string().optional().describe('Why it can’t be saved, in plain words.'),
});
register(responseSchemas, SubmitResultSchema, {
  id: 'SubmitResult',
  description: 'What became of one link.',
});

export const SubmitResponseSchema = z.object({
  summary: z.string().describe('One sentence for a notification, e.g. "Saving 1 link."'),
  results: z.array(SubmitResultSchema),
});
register(responseSchemas, SubmitResponseSchema, {
  id: 'SubmitResponse',
  description: 'Every TikTok link found in the text, in order.',
});

export const DeletedSchema = z.object({ id: z.uuid(), deleted: z.literal(true) });
register(responseSchemas, DeletedSchema, {
  id: 'Deleted',
  description: 'The download is gone from your history.',
});

export const WatchSchema = z.object({
  id: z.uuid(),
  stories: z.boolean().describe('Captures the creator’s stories.'),
  posts: z.boolean().describe('Captures new posts.'),
  paused: z.boolean(),
  createdAt: timestamp,
  creator: z.object({
    id: z.uuid(),
    handle: z.string(),
    nickname: z.string().nullable(),
    profileUrl: z.string(),
    privateAccount: z.boolean(),
  }),
  lastCheckedAt: timestamp.nullable(),
  nextCheckAt: timestamp.nullable().describe('Null while paused.'),
  checking: z.boolean(),
  itemsCaptured: count,
  problem: z
    .object({
      code: z.string(),
      text: z.string(),
      retrying: z.boolean(),
      at: timestamp.nullable(),
      inARow: count,
    })
    .nullable()
    .describe('What went wrong at the last check, in plain words.'),
});
register(responseSchemas, WatchSchema, { id: 'Watch', description: 'A creator you watch.' });

export const WatchResponseSchema = z.object({
  watch: WatchSchema,
  created: z.boolean().describe('False when you already watched this creator.'),
});
register(responseSchemas, WatchResponseSchema, {
  id: 'WatchResponse',
  description: 'The watch, new or existing.',
});

export const MeSchema = z.object({
  user: z.object({ id: z.string(), email: z.string(), name: z.string() }),
  token: z.object({
    name: z.string(),
    prefix: z.string().describe('The start of the token in use.'),
    expiresAt: timestamp.nullable(),
  }),
  rateLimit: z.object({
    limit: count.describe('Requests allowed per minute with this token.'),
    remaining: count,
    resetAt: timestamp,
  }),
});
register(responseSchemas, MeSchema, { id: 'Me', description: 'Who the token belongs to, and its limit.' });

// Compile-time proof that the dashboard's DTOs still carry what the API documents.
type Documents<Dto, Schema extends z.ZodType> = Dto extends z.output<Schema> ? true : never;
const documented: [
  Documents<DownloadDto, typeof DownloadSchema>,
  Documents<AssetDto, typeof AssetSchema>,
  Documents<SubmitResult, typeof SubmitResultSchema>,
  Documents<WatchDto, typeof WatchSchema>,
] = [true, true, true, true];
void documented;
