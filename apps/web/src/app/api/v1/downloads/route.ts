import { apiDeps } from '../../../../server/api/api-deps.ts';
import {
  listDownloadsEndpoint,
  submitDownloadsEndpoint,
} from '../../../../server/api/endpoints/download-endpoints.ts';
import { handleApiRequest } from '../../../../server/api/handle-api-request.ts';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export function GET(request: Request) {
  return handleApiRequest(listDownloadsEndpoint, request, {}, apiDeps());
}

export function POST(request: Request) {
  return handleApiRequest(submitDownloadsEndpoint, request, {}, apiDeps());
}
