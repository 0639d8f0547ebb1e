import { type ParsedLink, parseTikTokUrl } from './parse-tiktok-url.ts';
import { isTikTokPostLinkHost, isTikTokShortLinkHost } from './tiktok-hosts.ts';

/**
 * Finds TikTok links in pasted text: chat messages, several lines, links glued to punctuation,
 * brackets or quotes, scheme-less `vm.tiktok.com/ABC`. Returns the raw link strings in order of
 * appearance; the caller parses each (or uses `parseManyLinks`, which does both).
 *
 * What counts as a link:
 * - `http(s)://` followed by any host containing "tiktok" (so look-alikes such as
 *   `https://tiktok.com.evil.io/...` are returned and the parser can say why they are refused);
 * - without a scheme, only a real TikTok page or short-link host followed by a path, so prose that
 *   merely names "tiktok.com" or an address like press@tiktok.com is not a link.
 * Duplicates are dropped: two links are the same when they parse to the same canonical URL.
 *
 * Hand-written scan instead of one big URL regex: host patterns like `([a-z0-9-]+\.)*tiktok`
 * backtrack quadratically on long dotted text. Here a literal anchor (`tiktok`) is found with a
 * linear regex and the link is grown around it; every scan starts where the last one ended, so the
 * whole pass is linear in the text length.
 */

const ANCHOR = /tiktok/gi;
const ANCHOR_LENGTH = 6;
/** Userinfo before a host is short; bounding the backward walk keeps hostile input linear. */
const MAX_USERINFO_LENGTH = 256;

function isHostChar(code: number): boolean {
  return (
    (code >= 97 && code <= 122) || // a-z
    (code >= 65 && code <= 90) || // A-Z
    (code >= 48 && code <= 57) || // 0-9
    code === 45 || // -
    code === 46 // .
  );
}

/**
 * Characters a TikTok link is made of. Deliberately narrower than RFC 3986: TikTok paths never hold
 * `'()[]{}<>"!*,;$`, so those end a link even when glued to it, and anything after them could only
 * have been a tracking parameter, which the parser drops anyway.
 */
function isLinkChar(code: number): boolean {
  return (
    isHostChar(code) ||
    code === 95 || // _
    code === 126 || // ~
    code === 58 || // :
    code === 47 || // /
    code === 63 || // ?
    code === 35 || // #
    code === 64 || // @
    code === 38 || // &
    code === 61 || // =
    code === 37 || // %
    code === 43 // +
  );
}

/** Sentence punctuation that follows a link but is not part of it. */
function isTrailingPunctuation(code: number): boolean {
  return code === 46 || code === 58 || code === 63 || code === 35 || code === 38; // . : ? # &
}

function isSchemeLetter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
}

/** `http` or `https` ending at `end` (exclusive), glued letters before it allowed: `Linkhttps`. */
function httpSchemeStartBefore(text: string, end: number, floor: number): number {
  let start = end;
  while (start > floor && isSchemeLetter(text.charCodeAt(start - 1)) && end - start < 5) start--;
  const letters = text.slice(start, end).toLowerCase();
  if (letters.endsWith('https')) return end - 5;
  if (letters.endsWith('http')) return end - 4;
  return -1;
}

/** Start of `http(s)://` right before `index`, or -1. */
function schemeStartBefore(text: string, index: number, floor: number): number {
  if (index - 3 < floor || text.slice(index - 3, index) !== '://') return -1;
  return httpSchemeStartBefore(text, index - 3, floor);
}

/** Where a scheme-ful link that begins at `start` ends: at a non-link char or a glued second `http(s)://`. */
function linkEnd(text: string, start: number, from: number): number {
  let end = from;
  while (end < text.length) {
    const code = text.charCodeAt(end);
    if (!isLinkChar(code)) break;
    if (code === 58 && text.startsWith('//', end + 1) && end > start + 5) {
      const glued = httpSchemeStartBefore(text, end, start + 1);
      if (glued !== -1) return glued;
    }
    end++;
  }
  return end;
}

function trimTrailingPunctuation(text: string, start: number, end: number): number {
  let trimmed = end;
  while (trimmed > start && isTrailingPunctuation(text.charCodeAt(trimmed - 1))) trimmed--;
  return trimmed;
}

/** Characters before a scheme-less host that show it sits inside some other URL or an e-mail address. */
function continuesOtherUrl(code: number): boolean {
  return (
    code === 47 ||
    code === 64 ||
    code === 61 ||
    code === 37 ||
    code === 63 ||
    code === 38 ||
    code === 35 ||
    code === 95
  );
}

export type ExtractedLink = { readonly input: string; readonly parsed: ParsedLink };

/** Every TikTok link in `text`, de-duplicated, with what `parseTikTokUrl` says about it. */
export function parseManyLinks(text: string): ExtractedLink[] {
  const found: ExtractedLink[] = [];
  if (typeof text !== 'string') return found;
  const seen = new Set<string>();
  const anchor = new RegExp(ANCHOR.source, ANCHOR.flags);
  let floor = 0;
  for (let match = anchor.exec(text); match !== null; match = anchor.exec(text)) {
    const at = match.index;
    let hostStart = at;
    while (hostStart > floor && isHostChar(text.charCodeAt(hostStart - 1))) hostStart--;
    let hostEnd = at + ANCHOR_LENGTH;
    while (hostEnd < text.length && isHostChar(text.charCodeAt(hostEnd))) hostEnd++;

    const start = linkStart(text, hostStart, hostEnd, floor);
    if (start === -1) {
      floor = Math.max(floor, hostEnd);
      anchor.lastIndex = Math.max(anchor.lastIndex, hostEnd);
      continue;
    }
    const end = trimTrailingPunctuation(text, start, linkEnd(text, start, hostEnd));
    floor = end;
    anchor.lastIndex = Math.max(anchor.lastIndex, end);
    const input = text.slice(start, end);
    const parsed = parseTikTokUrl(input);
    const key = parsed.ok ? parsed.canonicalUrl : input;
    if (seen.has(key)) continue;
    seen.add(key);
    found.push({ input, parsed });
  }
  return found;
}

/** Where the link around the host `[hostStart, hostEnd)` begins, or -1 when it is no TikTok link. */
function linkStart(text: string, hostStart: number, hostEnd: number, floor: number): number {
  const host = text.slice(hostStart, hostEnd);
  if (!host.includes('.')) return -1;
  const schemeStart = schemeStartBefore(text, hostStart, floor);
  if (schemeStart !== -1) return schemeStart;
  const before = hostStart > floor ? text.charCodeAt(hostStart - 1) : -1;
  if (before === 64) {
    // `https://user@www.tiktok.com/...`: walk back over the userinfo to the scheme.
    const limit = Math.max(floor, hostStart - MAX_USERINFO_LENGTH);
    for (let index = hostStart - 1; index > limit; index--) {
      const code = text.charCodeAt(index - 1);
      if (code === 47) return schemeStartBefore(text, index, floor);
      if (!isLinkChar(code)) return -1;
    }
    return -1;
  }
  if (before !== -1 && continuesOtherUrl(before)) return -1;
  const lowerHost = host.toLowerCase();
  if (!isTikTokPostLinkHost(lowerHost) && !isTikTokShortLinkHost(lowerHost)) return -1;
  // Scheme-less: a path must follow, or this is prose naming the site.
  if (text.charCodeAt(hostEnd) !== 47 || !isLinkChar(text.charCodeAt(hostEnd + 1))) return -1;
  return hostStart;
}

/** Raw strings of every TikTok link in `text`, de-duplicated, in order of appearance. */
export function extractLinks(text: string): string[] {
  return parseManyLinks(text).map((link) => link.input);
}
