/**
 * TikTok serves its pages to browsers. The resolver presents itself as desktop Chrome, as cobalt
 * does (tiktok-upstream.md §2B); bot user agents lose the short-link `Location` header (§2A).
 */
export const DESKTOP_USER_AGENT =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/138.0.0.0 Safari/537.36';

export function pageRequestHeaders(userAgent: string, cookie: string): Record<string, string> {
  return {
    'User-Agent': userAgent,
    Accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
    'Accept-Language': 'en-US,en;q=0.9',
    ...(cookie === '' ? {} : { Cookie: cookie }),
  };
}

export function apiRequestHeaders(
  userAgent: string,
  cookie: string,
  referer: string,
): Record<string, string> {
  return {
    'User-Agent': userAgent,
    Accept: 'application/json, text/plain, */*',
    'Accept-Language': 'en-US,en;q=0.9',
    Referer: referer,
    ...(cookie === '' ? {} : { Cookie: cookie }),
  };
}
