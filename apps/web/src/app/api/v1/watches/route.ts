import { apiDeps } from '../../../../server/api/api-deps.ts';
import { createWatchEndpoint } from '../../../../server/api/endpoints/watch-endpoints.ts';
import { handleApiRequest } from '../../../../server/api/handle-api-request.ts';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export function POST(request: Request) {
  return handleApiRequest(createWatchEndpoint, request, {}, apiDeps());
}
