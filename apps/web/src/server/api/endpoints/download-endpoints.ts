import { z } from 'zod';
import { DOWNLOAD_STATES, ITEM_KINDS } from '../../downloads/download-states.ts';
import { servePhotoZip } from '../../files/serve-photo-zip.ts';
import { cancelDownload } from '../../routers/downloads/cancel.handler.ts';
import { deleteDownload } from '../../routers/downloads/delete.handler.ts';
import {
  DownloadStateSchema,
  HistoryQuerySchema,
  ItemKindSchema,
} from '../../routers/downloads/downloads.schema.ts';
import { getDownload } from '../../routers/downloads/get.handler.ts';
import { listDownloads } from '../../routers/downloads/list.handler.ts';
import { retryDownload } from '../../routers/downloads/retry.handler.ts';
import { submitLinks } from '../../routers/downloads/submit.handler.ts';
import { type ApiCallContext, defineEndpoint } from '../api-endpoint.ts';
import {
  DeletedSchema,
  DownloadDetailSchema,
  HistoryPageSchema,
  SubmitRequestSchema,
  SubmitResponseSchema,
} from '../api-schemas.ts';
import { withApiFileUrls } from '../api-urls.ts';
import { serveFileAsApi } from '../serve-file-as-api.ts';
import { submitSummary } from '../submit-summary.ts';

const DownloadPathSchema = z.object({ id: z.uuid().describe('The download’s id.') });

/** The dashboard's history filters, as query parameters (repeat `state` or `kind` for several). */
const HistoryQueryParamsSchema = z.object({
  q: HistoryQuerySchema.shape.q.describe('Words to find in captions, authors and links.'),
  cursor: z.string().max(200).optional().describe('`nextCursor` of the previous page.'),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .optional()
    .describe('Items per page, 1–100 (30 by default).'),
  state: z
    .array(DownloadStateSchema)
    .min(1)
    .max(DOWNLOAD_STATES.length)
    .optional()
    .describe('Only these states.'),
  kind: z.array(ItemKindSchema).min(1).max(ITEM_KINDS.length).optional().describe('Only these kinds.'),
  from: HistoryQuerySchema.shape.from.describe(
    'Saved on or after: a date (2026-11-25) or a timestamp with offset.',
  ),
  to: HistoryQuerySchema.shape.to.describe('Saved on or before (a date includes the whole day, UTC).'),
});

async function detailOf(ctx: ApiCallContext, id: string) {
  return withApiFileUrls(await getDownload(ctx, { id }), ctx.publicUrl);
}

export const submitDownloadsEndpoint = defineEndpoint({
  operationId: 'submitDownloads',
  method: 'POST',
  path: '/downloads',
  tag: 'Downloads',
  summary: 'Save the TikTok links in a text',
  description:
    'Send one link or a whole message, as you would paste it in the dashboard. Every TikTok link found becomes a download in your history; each refused link says why.',
  body: SubmitRequestSchema,
  success: {
    kind: 'json',
    status: 200,
    description: 'What became of each link.',
    schema: SubmitResponseSchema,
  },
  errors: ['too_many_links'],
  textReply: (answer: { summary: string }) => answer.summary,
  run: async (ctx, { body }) => {
    const { results } = await submitLinks(ctx, body, { origin: 'api' });
    return { summary: submitSummary(results), results };
  },
});

export const listDownloadsEndpoint = defineEndpoint({
  operationId: 'listDownloads',
  method: 'GET',
  path: '/downloads',
  tag: 'Downloads',
  summary: 'List and search your history',
  description: 'Newest first, a page at a time. Filter by text, state, kind and date like the History page.',
  query: HistoryQueryParamsSchema,
  success: { kind: 'json', status: 200, description: 'One page of your history.', schema: HistoryPageSchema },
  errors: [],
  run: (ctx, { query }) => listDownloads(ctx, HistoryQuerySchema.parse(query)),
});

export const getDownloadEndpoint = defineEndpoint({
  operationId: 'getDownload',
  method: 'GET',
  path: '/downloads/{id}',
  tag: 'Downloads',
  summary: 'One download, with its files',
  description: 'Its state, and once saved the files with links to download each (and a ZIP for photo posts).',
  params: DownloadPathSchema,
  notFound: 'download_not_found',
  success: { kind: 'json', status: 200, description: 'The download.', schema: DownloadDetailSchema },
  errors: ['download_not_found'],
  run: (ctx, { params }) => detailOf(ctx, params.id),
});

export const cancelDownloadEndpoint = defineEndpoint({
  operationId: 'cancelDownload',
  method: 'POST',
  path: '/downloads/{id}/cancel',
  tag: 'Downloads',
  summary: 'Cancel a download that is waiting or running',
  description: 'Stops it; it stays in your history as canceled, and can be retried.',
  params: DownloadPathSchema,
  notFound: 'download_not_found',
  success: {
    kind: 'json',
    status: 200,
    description: 'The download, now canceled.',
    schema: DownloadDetailSchema,
  },
  errors: ['download_not_found', 'download_state_conflict'],
  run: async (ctx, { params }) => {
    await cancelDownload(ctx, params);
    return detailOf(ctx, params.id);
  },
});

export const retryDownloadEndpoint = defineEndpoint({
  operationId: 'retryDownload',
  method: 'POST',
  path: '/downloads/{id}/retry',
  tag: 'Downloads',
  summary: 'Try a failed or canceled download again',
  description: 'Only when trying again can help (`canRetry`); what the post itself refuses stays refused.',
  params: DownloadPathSchema,
  notFound: 'download_not_found',
  success: {
    kind: 'json',
    status: 200,
    description: 'The download, queued again.',
    schema: DownloadDetailSchema,
  },
  errors: ['download_not_found', 'download_state_conflict', 'retry_not_possible'],
  run: async (ctx, { params }) => {
    await retryDownload(ctx, params);
    return detailOf(ctx, params.id);
  },
});

export const deleteDownloadEndpoint = defineEndpoint({
  operationId: 'deleteDownload',
  method: 'DELETE',
  path: '/downloads/{id}',
  tag: 'Downloads',
  summary: 'Delete a download from your history',
  description: 'Its files go too, unless another saved item still uses them.',
  params: DownloadPathSchema,
  notFound: 'download_not_found',
  success: { kind: 'json', status: 200, description: 'It is gone.', schema: DeletedSchema },
  errors: ['download_not_found'],
  run: async (ctx, { params }) => {
    await deleteDownload(ctx, params);
    return { id: params.id, deleted: true };
  },
});

export const downloadZipEndpoint = defineEndpoint({
  operationId: 'downloadPhotoZip',
  method: 'GET',
  path: '/downloads/{id}/zip',
  tag: 'Files',
  summary: 'Every picture and the sound of a photo post, as one ZIP',
  description: 'Only for saved photo posts (`zipUrl` of the download).',
  params: DownloadPathSchema,
  notFound: 'file_not_found',
  success: {
    kind: 'file',
    description: 'The ZIP, streamed as it is built.',
    mediaType: 'application/zip',
    ranges: false,
  },
  errors: ['file_not_found'],
  run: (ctx, { params }) => serveFileAsApi(ctx, (deps) => servePhotoZip(ctx.request, params.id, deps)),
});
