import {
  itemIdToDate,
  LINK_REJECT_MESSAGES,
  type ParsedLink,
  parseManyLinks,
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
};

export function precheckResultOf(input: string, parsed: ParsedLink, now: Date = new Date()): PrecheckResult {
  if (!parsed.ok) return { input, ok: false, reason: parsed.reason, message: parsed.message, advice: null };
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
 * Every TikTok link in `text`, in order, de-duplicated, each with its verdict. Text that holds no
 * TikTok link at all but is not blank is judged as one link, so "youtube.com/…" or a profile
 * name gets a reason instead of silence.
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
  const found = parseManyLinks(text);
  if (found.length > 0) return found.map((link) => precheckResultOf(link.input, link.parsed, now));
  const trimmed = text.trim();
  if (trimmed === '') return [];
  return [precheckResultOf(trimmed, parseTikTokUrl(trimmed), now)];
}
