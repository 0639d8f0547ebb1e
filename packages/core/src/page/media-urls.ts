import { asRecord } from './lenient-json.ts';

/**
 * Collects the media URLs of one address field, whatever shape this page version gave it:
 * - a URL string (`video.playAddr` on current pages);
 * - a list of strings or of `{src}` (yt-dlp accepts both for `playAddr`), or of `{url}`;
 * - an address object with a URL list: `{UrlList}` (bitrateInfo), `{urlList}` (imagePost,
 *   music), `{url_list}` (the app's snake_case spelling), or `{url}` (`video.download`).
 * Protocol-relative URLs (`//v16-web.tiktok.com/…`, seen on older pages and handled by yt-dlp's
 * `_proto_relative_url`) become `https:`; anything that is not an absolute http(s) URL is dropped,
 * as are repeats. Order is TikTok's, first value first.
 */

/** Nesting is at most list → object → list in real data; the bound stops hostile recursion. */
const MAX_DEPTH = 3;

function absoluteUrl(value: string): string | undefined {
  if (value.startsWith('https://') || value.startsWith('http://')) return value;
  if (value.startsWith('//') && value.length > 2) return `https:${value}`;
  return undefined;
}

function collect(value: unknown, into: string[], depth: number): void {
  if (typeof value === 'string') {
    const url = absoluteUrl(value);
    if (url !== undefined && !into.includes(url)) into.push(url);
    return;
  }
  if (depth >= MAX_DEPTH) return;
  if (Array.isArray(value)) {
    for (const entry of value) collect(entry, into, depth + 1);
    return;
  }
  const record = asRecord(value);
  if (record === undefined) return;
  for (const key of ['src', 'url', 'UrlList', 'urlList', 'url_list'] as const) {
    if (Object.hasOwn(record, key)) collect(record[key], into, depth + 1);
  }
}

export function mediaUrls(...values: readonly unknown[]): string[] {
  const urls: string[] = [];
  for (const value of values) collect(value, urls, 0);
  return urls;
}
