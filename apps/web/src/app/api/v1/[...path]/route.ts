import { apiErrorResponse } from '../../../../server/api/api-error-response.ts';

export const dynamic = 'force-dynamic';

/** Any other address under /api/v1: the API's JSON 404 instead of the app's HTML page. */
function notFound() {
  return apiErrorResponse('api_not_found');
}

export { notFound as DELETE, notFound as GET, notFound as PATCH, notFound as POST, notFound as PUT };
