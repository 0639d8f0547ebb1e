/** Headers every file response carries: never sniffed, never cached by shared caches. */
export const FILE_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'private',
} as const;

export function plainResponse(
  status: 401 | 404 | 416 | 500,
  body: string,
  extra: Record<string, string> = {},
) {
  return new Response(body, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', ...FILE_HEADERS, ...extra },
  });
}

export const notFound = () => plainResponse(404, 'Not found');
export const signInFirst = () => plainResponse(401, 'Please sign in first.');
