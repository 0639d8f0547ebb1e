import { isTikTokHost, isTikTokMediaHost, isTikTokShortLinkHost } from '../url/tiktok-hosts.ts';

/**
 * Where TikTok's hosts are reached. By default the real ones. With `origin` set (a local
 * simulator, `http://127.0.0.1:4000`), every TikTok host is served from that one origin:
 * `https://vm.tiktok.com/CODE/` → `<origin>/vm/CODE/`, `https://www.tiktok.com/@u/video/1` →
 * `<origin>/@u/video/1`, CDN URLs the page names are used as they are (the simulator already
 * names itself), and the simulator's URLs read back as `https://www.tiktok.com/…`.
 */
export const TIKTOK_WEB_ORIGIN = 'https://www.tiktok.com';

export type Upstream = {
  /** Where pages and the web API are fetched: the configured origin or `https://www.tiktok.com`. */
  readonly webOrigin: string;
  /** The configured origin, when there is one. */
  readonly origin: string | null;
  /** The URL to fetch for a TikTok URL (unchanged without a configured origin). */
  fetchUrlOf(tiktokUrl: URL): URL;
  /** A fetched URL in TikTok's own form (the configured origin reads as `https://www.tiktok.com`). */
  tiktokFormOf(fetchedUrl: URL): URL;
  /**
   * Whether a redirect may be followed to `target`: TikTok hosts over https, or the configured
   * origin. IP literals, other hosts and plain http elsewhere never qualify, so a redirect cannot
   * lead the resolver to loopback or private addresses.
   */
  mayFollow(target: URL): boolean;
  /**
   * Whether media may be downloaded from `target` (a planned media URL or where it redirects):
   * TikTok's CDN edges over https, or the configured origin. Page hosts, other hosts, IP
   * literals and plain http elsewhere never qualify.
   */
  mayFetchMedia(target: URL): boolean;
};

function isIpLiteral(hostname: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(hostname) || hostname.startsWith('[');
}

/** Throws a TypeError for an origin that is not an absolute http(s) origin. */
export function createUpstream(origin?: string): Upstream {
  const configured = origin === undefined ? null : new URL(origin).origin;
  if (configured !== null && !/^https?:\/\//.test(configured))
    throw new TypeError(`Not an http(s) origin: ${origin}`);
  return {
    webOrigin: configured ?? TIKTOK_WEB_ORIGIN,
    origin: configured,
    fetchUrlOf(tiktokUrl) {
      if (configured === null || tiktokUrl.origin === configured || !isTikTokHost(tiktokUrl.hostname)) {
        return tiktokUrl;
      }
      const host = tiktokUrl.hostname.replace(/\.$/, '').toLowerCase();
      const prefix = isTikTokShortLinkHost(host) ? `/${host.split('.')[0]}` : '';
      return new URL(`${prefix}${tiktokUrl.pathname}${tiktokUrl.search}`, configured);
    },
    tiktokFormOf(fetchedUrl) {
      if (configured === null || fetchedUrl.origin !== configured) return fetchedUrl;
      const shortLink = /^\/(vm|vt)(\/.*)$/.exec(fetchedUrl.pathname);
      if (shortLink) return new URL(`https://${shortLink[1]}.tiktok.com${shortLink[2]}${fetchedUrl.search}`);
      return new URL(`${fetchedUrl.pathname}${fetchedUrl.search}`, TIKTOK_WEB_ORIGIN);
    },
    mayFollow(target) {
      if (configured !== null && target.origin === configured) return true;
      return target.protocol === 'https:' && !isIpLiteral(target.hostname) && isTikTokHost(target.hostname);
    },
    mayFetchMedia(target) {
      if (configured !== null && target.origin === configured) return true;
      return (
        target.protocol === 'https:' && !isIpLiteral(target.hostname) && isTikTokMediaHost(target.hostname)
      );
    },
  };
}
