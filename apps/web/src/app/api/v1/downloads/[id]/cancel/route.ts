import { apiDeps } from '../../../../../../server/api/api-deps.ts';
import { cancelDownloadEndpoint } from '../../../../../../server/api/endpoints/download-endpoints.ts';
import { handleApiRequest } from '../../../../../../server/api/handle-api-request.ts';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handleApiRequest(cancelDownloadEndpoint, request, await params, apiDeps());
}
