import { apiDeps } from '../../../../../../server/api/api-deps.ts';
import { downloadZipEndpoint } from '../../../../../../server/api/endpoints/download-endpoints.ts';
import { handleApiRequest } from '../../../../../../server/api/handle-api-request.ts';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handleApiRequest(downloadZipEndpoint, request, await params, apiDeps());
}
