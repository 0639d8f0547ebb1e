import {
  itemIdToDate,
  LINK_REJECT_MESSAGES,
  type ParsedLink,
  parseCreatorRef,
  parsePastedLinks,
  parseTikTokUrl,
} from '@tiksavr/core';

/**
 * The instant, network-free verdict on pasted text, shared by the paste box (runs on every
 * keystroke in the browser) and the server (`downloads.precheck`, `downloads.submit`).
 * It only says what a link is and rejects what can never work; whether the post exists is
 * only known once the worker resolves it.
 */

/** At most this many links are accepted in one submit; the paste box warns above it. */
export const MAX_LINKS_PER_SUBMIT = 50;

/** Pasted text above this size is refused before any parsing (a whole chat export is ~100 kB). */
export const MAX_PASTE_LENGTH = 200_000;

export type PrecheckResult = {
  /** The link as it appeared in the pasted text. */
  readonly input: string;
  readonly ok: boolean;
  readonly kind?: 'video' | 'photo' | 'short_link';
  /** The TikTok item id (posts only; short links are resolved later). */
  readonly id?: string;
  readonly canonicalUrl?: string;
  /** When the post was created, read from its id (ISO 8601); absent for short links. */
  readonly createdAt?: string;
  /** Why the link can never work (a `LinkRejectReason`). */
  readonly reason?: string;
  /** The sentence a person sees for `reason`. */
  readonly message?: string;
  /** Set when a screen recording is the better way to keep what the link points to. */
  readonly advice?: 'screen_recording' | null;
  /** A TikTok account (a profile link or `@name`): it cannot be saved, but it can be watched. */
  readonly creator?: { readonly handle: string };
};

/** What a profile link or `@name` is, with the way to use it instead. */
function creatorResult(input: string, handle: string): PrecheckResult {
  return {
    input,
    ok: false,
    reason: 'profile',
    message: `This is the TikTok account @${handle}, not one post. TikSavr can watch it and save its new stories for you.`,
    advice: null,
    creator: { handle },
  };
}

export function precheckResultOf(input: string, parsed: ParsedLink, now: Date = new Date()): PrecheckResult {
  if (!parsed.ok) {
    if (parsed.reason === 'profile' || input.startsWith('@')) {
      const creator = parseCreatorRef(input);
      if (creator.ok) return creatorResult(input, creator.ref.handle);
    }
    return { input, ok: false, reason: parsed.reason, message: parsed.message, advice: null };
  }
  if (parsed.kind === 'short_link') {
    return { input, ok: true, kind: 'short_link', canonicalUrl: parsed.canonicalUrl, advice: null };
  }
  const createdAt = itemIdToDate(parsed.id, now);
  return {
    input,
    ok: true,
    kind: parsed.kind,
    id: parsed.id,
    canonicalUrl: parsed.canonicalUrl,
    ...(createdAt ? { createdAt: createdAt.toISOString() } : {}),
    advice: null,
  };
}

/**
 * Every link in `text`, in order, de-duplicated, each with its verdict: TikTok links, and any other
 * web link (a YouTube link in a batch is listed as not from TikTok, not dropped). Text without any
 * link that is one word is judged as one link, so "youtube.com" or a profile name gets a reason;
 * prose without a link ("hello there") is no link at all: an empty list.
 */
export function precheckLinks(text: string, now: Date = new Date()): PrecheckResult[] {
  if (text.length > MAX_PASTE_LENGTH) {
    return [
      {
        input: text.slice(0, 80),
        ok: false,
        reason: 'too_long',
        message: LINK_REJECT_MESSAGES.too_long,
        advice: null,
      },
    ];
  }
  const found = parsePastedLinks(text);
  if (found.length > 0) return found.map((link) => precheckResultOf(link.input, link.parsed, now));
  const trimmed = text.trim();
  if (trimmed === '' || /\s/.test(trimmed)) return [];
  return [precheckResultOf(trimmed, parseTikTokUrl(trimmed), now)];
}
