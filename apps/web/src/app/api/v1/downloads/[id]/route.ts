import { apiDeps } from '../../../../../server/api/api-deps.ts';
import {
  deleteDownloadEndpoint,
  getDownloadEndpoint,
} from '../../../../../server/api/endpoints/download-endpoints.ts';
import { handleApiRequest } from '../../../../../server/api/handle-api-request.ts';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

type Params = { params: Promise<{ id: string }> };

export async function GET(request: Request, { params }: Params) {
  return handleApiRequest(getDownloadEndpoint, request, await params, apiDeps());
}

export async function DELETE(request: Request, { params }: Params) {
  return handleApiRequest(deleteDownloadEndpoint, request, await params, apiDeps());
}
