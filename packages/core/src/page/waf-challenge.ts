import { createHash } from 'node:crypto';
import { attributeOf, findOpeningTag } from './html-element.ts';
import { asRecord, asString, type JsonRecord } from './lenient-json.ts';

/**
 * TikTok's WAF "Please wait..." page (tiktok-upstream.md §5): a ~1.5 KB page without page JSON
 * whose elements carry a proof-of-work puzzle in their `class` attributes:
 * - `#cs`: base64 JSON (padding stripped) `{v:{a:<b64 prefix>, c:<b64 sha256>}, …}`
 * - `#wci`: the answer cookie's name (`_wafchallengeid` at the time of writing)
 * - `#rci` / `#rs`: optional second cookie, name and value (`waforiginalreid`)
 * The answer is the `i` in 0…1,000,000 with `sha256(prefix + String(i)) == c`; the cookie value is
 * base64 of the compact challenge JSON with `d = base64(String(i))` added. The page's own script
 * sets the cookies with `Max-Age=1`: they are good for exactly one more page request.
 */

export const WAF_CHALLENGE_TEXT = 'Please wait...';
export const DEFAULT_WAF_COOKIE_NAME = '_wafchallengeid';
/** The search space the page's own script and yt-dlp/gallery-dl use. */
export const WAF_MAX_ANSWER = 1_000_000;

export type WafCookie = { readonly name: string; readonly value: string };

export type WafChallenge = {
  /** The decoded `#cs` JSON, kept whole: the answer cookie is this object plus `d`. */
  readonly payload: JsonRecord;
  readonly prefix: Buffer;
  /** The sha256 digest to match (32 bytes). */
  readonly digest: Buffer;
  readonly cookieName: string;
  /** The optional second cookie (`#rci` name, `#rs` value), sent back unchanged. */
  readonly extraCookie: WafCookie | null;
};

export type WafSolution = {
  /** Set these for the one retry of the page, then drop them. */
  readonly cookies: readonly WafCookie[];
  readonly answer: number;
};

function classOfElement(html: string, id: string): string | undefined {
  const tag = findOpeningTag(html, id);
  return tag === undefined ? undefined : attributeOf(tag.text, 'class');
}

function decodeBase64(text: string): Buffer | undefined {
  const compact = text.trim();
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(compact)) return undefined;
  return Buffer.from(compact, 'base64');
}

/** Reads the puzzle from a challenge page; null when the page is not one (or is malformed). */
export function parseWafChallenge(html: string): WafChallenge | null {
  if (typeof html !== 'string') return null;
  const encoded = classOfElement(html, 'cs');
  if (encoded === undefined || encoded.length === 0 || encoded.length > 16_384) return null;
  const json = decodeBase64(encoded);
  if (json === undefined) return null;
  let payload: JsonRecord | undefined;
  try {
    payload = asRecord(JSON.parse(json.toString('utf8')));
  } catch {
    return null;
  }
  const a = asString(asRecord(payload?.v)?.a);
  const c = asString(asRecord(payload?.v)?.c);
  if (payload === undefined || a === undefined || c === undefined) return null;
  const prefix = decodeBase64(a);
  const digest = decodeBase64(c);
  if (prefix === undefined || digest === undefined || digest.length !== 32) return null;

  const extraName = classOfElement(html, 'rci');
  const extraValue = classOfElement(html, 'rs');
  return {
    payload,
    prefix,
    digest,
    cookieName: classOfElement(html, 'wci') || DEFAULT_WAF_COOKIE_NAME,
    extraCookie: extraName && extraValue ? { name: extraName, value: extraValue } : null,
  };
}

/** True when a page is the WAF challenge (parsable puzzle, or at least its tell-tale text). */
export function isWafChallengePage(html: string): boolean {
  return parseWafChallenge(html) !== null || html.includes(WAF_CHALLENGE_TEXT);
}

/**
 * Finds the answer by brute force (at most ~1 M sha256 of a few bytes, about a second) and builds
 * the cookies. `maxAnswer` exists so tests can bound the search. Null when there is no puzzle or
 * no answer in range.
 */
export function solveWafChallenge(html: string, maxAnswer: number = WAF_MAX_ANSWER): WafSolution | null {
  const challenge = parseWafChallenge(html);
  if (challenge === null) return null;
  const answer = findWafAnswer(challenge, maxAnswer);
  if (answer === null) return null;
  const solved = { ...challenge.payload, d: Buffer.from(String(answer)).toString('base64') };
  const cookies: WafCookie[] = [
    { name: challenge.cookieName, value: Buffer.from(JSON.stringify(solved)).toString('base64') },
  ];
  if (challenge.extraCookie !== null) cookies.push(challenge.extraCookie);
  return { cookies, answer };
}

export function findWafAnswer(challenge: WafChallenge, maxAnswer: number = WAF_MAX_ANSWER): number | null {
  const base = createHash('sha256').update(challenge.prefix);
  const limit = Math.min(Math.max(0, Math.floor(maxAnswer)), WAF_MAX_ANSWER);
  for (let candidate = 0; candidate <= limit; candidate += 1) {
    if (base.copy().update(String(candidate)).digest().equals(challenge.digest)) return candidate;
  }
  return null;
}
