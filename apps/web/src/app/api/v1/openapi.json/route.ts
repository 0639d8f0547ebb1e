import { apiPublicUrl } from '../../../../server/api/api-deps.ts';
import { openApiDocument } from '../../../../server/api/openapi-document.ts';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** The OpenAPI 3.1 document of /api/v1; public, so tools can read it before a token exists. */
export function GET() {
  return Response.json(openApiDocument({ publicUrl: apiPublicUrl() }), {
    headers: { 'Cache-Control': 'no-cache' },
  });
}
