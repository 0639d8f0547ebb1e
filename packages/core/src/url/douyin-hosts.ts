/**
 * Douyin is ByteDance's app for mainland China: a separate service with its own accounts and item
 * ids, which TikTok pages cannot resolve. Some downloaders handle both (yt-dlp's DouyinIE, lux,
 * Douyin_TikTok_Download_API), so people paste Douyin links expecting them to work; naming the
 * service lets the parser say why it refuses them instead of a generic "not TikTok".
 *
 * - `douyin.com`: `www.douyin.com/video/<id>`, short links `v.douyin.com/<code>`, `live.douyin.com/…`
 * - `iesdouyin.com`: the app's share pages, `www.iesdouyin.com/share/video/<id>/`
 * - `amemv.com`: the share host of Douyin's early years, `www.amemv.com/share/video/<id>/`
 */
export const DOUYIN_DOMAINS: readonly string[] = ['douyin.com', 'iesdouyin.com', 'amemv.com'];

/** True for a Douyin host or any subdomain of one; takes a WHATWG `URL#hostname`. */
export function isDouyinHost(hostname: string): boolean {
  const host = hostname.endsWith('.') ? hostname.slice(0, -1).toLowerCase() : hostname.toLowerCase();
  for (const domain of DOUYIN_DOMAINS) {
    if (host === domain) return true;
    if (host.length > domain.length && host.endsWith(domain) && host[host.length - domain.length - 1] === '.')
      return true;
  }
  return false;
}
