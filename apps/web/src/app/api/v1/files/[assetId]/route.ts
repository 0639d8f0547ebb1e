import { apiDeps } from '../../../../../server/api/api-deps.ts';
import { getFileEndpoint } from '../../../../../server/api/endpoints/file-endpoints.ts';
import { handleApiRequest } from '../../../../../server/api/handle-api-request.ts';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export async function GET(request: Request, { params }: { params: Promise<{ assetId: string }> }) {
  return handleApiRequest(getFileEndpoint, request, await params, apiDeps());
}
