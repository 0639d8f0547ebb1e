import { AppError } from '@tiksavr/core';
import type { FileRouteDeps } from '../files/serve-asset.ts';
import type { ApiCallContext } from './api-endpoint.ts';

/**
 * Runs one of the dashboard's file routes (server/files) for a token's owner: the same ownership
 * checks, Range support and headers. Its plain-text 404 becomes the API's `file_not_found`; a 416
 * stays as it is (its Content-Range header is the useful part).
 */
export async function serveFileAsApi(
  ctx: ApiCallContext,
  serve: (deps: FileRouteDeps) => Promise<Response>,
): Promise<Response> {
  const response = await serve({ db: ctx.db, storage: ctx.storage, sessionUser: async () => ctx.user });
  if (response.status === 404) {
    await response.body?.cancel();
    throw new AppError('file_not_found', 'no such file for this user');
  }
  return response;
}
