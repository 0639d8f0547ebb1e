/**
 * The single source of truth for which hosts belong to TikTok.
 *
 * Three questions, three answers:
 * - `isTikTokPostLinkHost`: may a link a person pastes point here? (pages and share hosts)
 * - `isTikTokShortLinkHost`: is this a short-link host whose codes must be resolved over the network?
 * - `isTikTokHost`: is this host TikTok's at all? The resolver follows redirects only to these.
 * - `isTikTokMediaHost`: may the resolver download media from here? (CDN edges only)
 *
 * Every function takes a WHATWG `URL#hostname` (already lower-case and punycode-encoded). A single
 * trailing dot (`www.tiktok.com.`, the fully qualified spelling) names the same host and is accepted.
 * Matching is by exact name or by whole-label suffix (`.tiktokcdn.com`), never by substring, so
 * `tiktok.com.evil.io` and `evil-tiktok.com` are never TikTok.
 */

/** Hosts that serve post pages (`/@user/video/<id>` and its aliases). */
export const TIKTOK_POST_LINK_HOSTS: readonly string[] = [
  'www.tiktok.com',
  'tiktok.com',
  'm.tiktok.com',
  // TikTok Lite shares `t.tiktok.com/i18n/share/video/<id>/` (you-get's tests; cobalt since 2025-03).
  't.tiktok.com',
  // Accepted by cobalt since 2026-01 (imputnet/cobalt#1507) with the usual page paths.
  'pro.tiktok.com',
  // The share host of the mobile apps (`www.tiktokv.com/share/video/<id>`), see tiktok-upstream.md §1.
  'www.tiktokv.com',
  'tiktokv.com',
  'm.tiktokv.com',
];

/** Hosts whose paths are short-link codes (`vm.tiktok.com/ZMabc123/`). `www.tiktok.com/t/<code>` is a path shape. */
export const TIKTOK_SHORT_LINK_HOSTS: readonly string[] = ['vm.tiktok.com', 'vt.tiktok.com'];

/**
 * Registrable domains owned by TikTok/ByteDance that media and redirects may use.
 * Seen in real captures (shared/real-captures): `p16-sign-sg.tiktokcdn.com`,
 * `p16-common-sign.tiktokcdn-us.com`, `v16m-webapp.tiktokcdn-us.com`, `p16.muscdn.com`,
 * `vas-alisg16.tiktokv.com`, `v16-webapp-prime.tiktok.com`, `v19-webapp-prime.us.tiktok.com`.
 * `byteoversea.com` and `ibyteimg.com` are ByteDance image/video CDNs named in the brief.
 * Generic CDNs (`akamaized.net`) are deliberately absent: anyone can host there.
 */
export const TIKTOK_DOMAINS: readonly string[] = [
  'tiktok.com',
  'tiktokv.com',
  'tiktokcdn.com',
  'tiktokcdn-us.com',
  'byteoversea.com',
  'ibyteimg.com',
  'muscdn.com',
];

/** Domains that only serve media: any subdomain of them is a CDN edge. */
const MEDIA_ONLY_DOMAINS: readonly string[] = [
  'tiktokcdn.com',
  'tiktokcdn-us.com',
  'tiktokv.com',
  'byteoversea.com',
  'ibyteimg.com',
  'muscdn.com',
];

/**
 * On `tiktok.com` itself only the video edges serve media: their first label is `v<digits>`
 * with an optional letter and a dash-separated role (`v16-webapp-prime`, `v19-webapp`, `v16m-webapp`).
 * `www.tiktok.com` never qualifies: its `/aweme/v1/play/` URLs break (tiktok-upstream.md §3).
 */
const TIKTOK_COM_VIDEO_EDGE_LABEL = /^v\d{1,3}[a-z]?(?:-[a-z0-9]+)*$/;

const postLinkHosts = new Set(TIKTOK_POST_LINK_HOSTS);
const shortLinkHosts = new Set(TIKTOK_SHORT_LINK_HOSTS);

/** Drops the one trailing dot of a fully qualified name; lower-cases defensively for callers without `URL`. */
function normalizeHostname(hostname: string): string {
  const lower = hostname.toLowerCase();
  return lower.endsWith('.') ? lower.slice(0, -1) : lower;
}

function isSameOrSubdomainOf(host: string, domain: string): boolean {
  return (
    host === domain ||
    (host.length > domain.length &&
      host.endsWith(domain) &&
      host.charCodeAt(host.length - domain.length - 1) === 46)
  ); // '.'
}

function isStrictSubdomainOf(host: string, domain: string): boolean {
  return host !== domain && isSameOrSubdomainOf(host, domain);
}

export function isTikTokPostLinkHost(hostname: string): boolean {
  return postLinkHosts.has(hostname) || postLinkHosts.has(normalizeHostname(hostname));
}

export function isTikTokShortLinkHost(hostname: string): boolean {
  return shortLinkHosts.has(hostname) || shortLinkHosts.has(normalizeHostname(hostname));
}

/** True for any host under a TikTok-owned domain (pages, short links, APIs, CDNs). */
export function isTikTokHost(hostname: string): boolean {
  const host = normalizeHostname(hostname);
  return TIKTOK_DOMAINS.some((domain) => isSameOrSubdomainOf(host, domain));
}

/** True for TikTok CDN edges that serve video, image and audio files. */
export function isTikTokMediaHost(hostname: string): boolean {
  const host = normalizeHostname(hostname);
  if (postLinkHosts.has(host) || shortLinkHosts.has(host)) return false;
  if (MEDIA_ONLY_DOMAINS.some((domain) => isStrictSubdomainOf(host, domain))) return true;
  if (!isStrictSubdomainOf(host, 'tiktok.com')) return false;
  const firstLabel = host.slice(0, host.indexOf('.'));
  return TIKTOK_COM_VIDEO_EDGE_LABEL.test(firstLabel);
}
