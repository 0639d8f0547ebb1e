import { apiDeps } from '../../../../server/api/api-deps.ts';
import { meEndpoint } from '../../../../server/api/endpoints/me-endpoint.ts';
import { handleApiRequest } from '../../../../server/api/handle-api-request.ts';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export function GET(request: Request) {
  return handleApiRequest(meEndpoint, request, {}, apiDeps());
}
