import { z } from 'zod';
import { serveAsset } from '../../files/serve-asset.ts';
import { defineEndpoint } from '../api-endpoint.ts';
import { serveFileAsApi } from '../serve-file-as-api.ts';

export const getFileEndpoint = defineEndpoint({
  operationId: 'downloadFile',
  method: 'GET',
  path: '/files/{assetId}',
  tag: 'Files',
  summary: 'Download one saved file',
  description:
    'The `url` of an asset. Sent as an attachment with a readable file name; send `Range: bytes=…` to resume or seek.',
  params: z.object({ assetId: z.uuid().describe('The asset’s id.') }),
  notFound: 'file_not_found',
  success: { kind: 'file', description: 'The whole file.', mediaType: '*/*', ranges: true },
  errors: ['file_not_found'],
  run: (ctx, { params }) => serveFileAsApi(ctx, (deps) => serveAsset(ctx.request, params.assetId, deps)),
});
