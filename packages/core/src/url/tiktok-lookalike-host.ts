import { decodePunycodeLabel } from './decode-punycode-label.ts';

/**
 * Tells whether a host that is NOT TikTok's imitates it: `tiktok.com.evil.io`, `evil-tiktok.com`,
 * `tiktok.co`, `tlktok.com`, `tik-tok.com`, `t1kt0k.net`, or a punycode label that reads "tiktok"
 * with Cyrillic or Greek letters (`xn--tktok-n2e.com` is `tіktok.com`).
 *
 * Only called on the rejection path to pick the message (both outcomes reject), so it favours
 * catching look-alikes over speed. Takes a WHATWG `URL#hostname`.
 */

/** Letters that render like Latin ones. Combining marks are stripped separately (NFKD). */
const CONFUSABLE_TO_LATIN: Readonly<Record<string, string>> = {
  а: 'a', // Cyrillic
  с: 'c',
  е: 'e',
  і: 'i',
  ї: 'i',
  ӏ: 'i',
  ј: 'j',
  к: 'k',
  ҝ: 'k',
  о: 'o',
  р: 'p',
  ѕ: 's',
  т: 't',
  у: 'y',
  х: 'x',
  ι: 'i', // Greek
  ί: 'i',
  κ: 'k',
  ο: 'o',
  τ: 't',
  ν: 'v',
  ı: 'i', // Latin variants
  ɩ: 'i',
  ĸ: 'k',
  ł: 'i',
  ƚ: 'i',
  l: 'i', // glyph swaps in plain ASCII: tlktok, t1kt0k
  '1': 'i',
  '!': 'i',
  '0': 'o',
};

const COMBINING_MARKS = /\p{M}/gu;
const TARGET = 'tiktok';

function toSkeleton(label: string): string {
  const unicode = label.startsWith('xn--') ? (decodePunycodeLabel(label.slice(4)) ?? label) : label;
  const stripped = unicode.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase();
  let skeleton = '';
  for (const char of stripped) skeleton += CONFUSABLE_TO_LATIN[char] ?? char;
  return skeleton;
}

/** Levenshtein distance ≤ 1, without building the matrix. */
function isWithinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (a.length < b.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

export function looksLikeTikTokHost(hostname: string): boolean {
  const labels = hostname.toLowerCase().split('.').filter(Boolean).map(toSkeleton);
  if (labels.some((label) => label.includes(TARGET) || isWithinOneEdit(label, TARGET))) return true;
  // Separators used to split the name: tik-tok.com, tik.tok.com, ti-k-tok.app
  return labels.join('').replaceAll('-', '').includes(TARGET);
}
