import { type ExtractedLink, parseManyLinks } from './extract-links.ts';
import { parseTikTokUrl } from './parse-tiktok-url.ts';

/**
 * Every link in pasted text, TikTok or not, in order of appearance, each with what
 * `parseTikTokUrl` says about it. `parseManyLinks` finds TikTok links only (and stays the
 * authority on them); on its own, a YouTube link in the middle of a batch would vanish without a
 * word. This adds every other web link, so it is listed with its reason ("isn't from TikTok",
 * "a Douyin link") instead of being dropped.
 *
 * What counts as another link: `http(s)://` followed by URL characters, or a scheme-less
 * `www.host/path` (a path is required, so prose naming "www.example.com" is no link). Hosts that
 * contain "tiktok" are left to `parseManyLinks`, which knows TikTok's look-alikes and prose; a
 * link that wraps or overlaps a TikTok link (a redirect wrapper) is left out for the same reason.
 */

/**
 * URL characters (RFC 3986 unreserved, reserved and `%`), minus brackets, parentheses and quotes,
 * which in chat text close the sentence around a link rather than belong to it. One character
 * class repeated: linear on any input.
 */
const OTHER_LINK = /(?:https?:\/\/|www\.)[A-Za-z0-9\-._~:/?#@!$&*+,;=%]+/gi;
const TRAILING_PUNCTUATION = /[.,;:!?]+$/;
const SCHEME = /^https?:\/\//i;

type Located = { start: number; end: number; link: ExtractedLink };

function hostOf(candidate: string): string {
  const rest = candidate.replace(SCHEME, '');
  const end = rest.search(/[/?#]/);
  return (end === -1 ? rest : rest.slice(0, end)).toLowerCase();
}

function hasPath(candidate: string): boolean {
  const rest = candidate.replace(SCHEME, '');
  const slash = rest.indexOf('/');
  return slash !== -1 && slash < rest.length - 1;
}

/** Where each TikTok link sits in `text` (they come in order, so each search starts after the last). */
function locateTikTokLinks(text: string): Located[] {
  const located: Located[] = [];
  let cursor = 0;
  for (const link of parseManyLinks(text)) {
    const start = text.indexOf(link.input, cursor);
    if (start === -1) continue;
    const end = start + link.input.length;
    located.push({ start, end, link });
    cursor = end;
  }
  return located;
}

function otherLinks(text: string, tiktok: readonly Located[]): Located[] {
  const found: Located[] = [];
  const seen = new Set<string>();
  const pattern = new RegExp(OTHER_LINK.source, OTHER_LINK.flags);
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const start = match.index;
    // `www.` glued to a word ("xwww.") is part of that word, not the start of a link.
    if (!SCHEME.test(match[0]) && start > 0 && /[A-Za-z0-9.]/.test(text.charAt(start - 1))) continue;
    const input = match[0].replace(TRAILING_PUNCTUATION, '');
    const end = start + input.length;
    const host = hostOf(input);
    if (host === '' || !host.includes('.') || host.includes('tiktok')) continue;
    if (!SCHEME.test(input) && !hasPath(input)) continue;
    if (tiktok.some((link) => start < link.end && link.start < end)) continue;
    if (seen.has(input)) continue;
    seen.add(input);
    found.push({ start, end, link: { input, parsed: parseTikTokUrl(input) } });
  }
  return found;
}

/** Every link in `text`: the TikTok ones as `parseManyLinks` finds them, and every other web link. */
export function parsePastedLinks(text: string): ExtractedLink[] {
  if (typeof text !== 'string') return [];
  const tiktok = locateTikTokLinks(text);
  const others = otherLinks(text, tiktok);
  if (others.length === 0) return tiktok.map((located) => located.link);
  return [...tiktok, ...others].sort((a, b) => a.start - b.start).map((located) => located.link);
}
