import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * How a webhook receiver knows a POST came from this TikSavr and was not replayed later:
 * `X-TikSavr-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`, keyed with the
 * person's webhook secret (its UTF-8 text, as shown once in Settings). The timestamp is inside
 * the signed text, so a receiver that refuses old timestamps (5 minutes is usual) refuses replays.
 */
export const SIGNATURE_HEADER = 'X-TikSavr-Signature';

/** A new webhook secret: 256 random bits, prefixed so a person can tell it apart from a token. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

function hmacHex(secret: string, timestampSeconds: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestampSeconds}.${body}`).digest('hex');
}

/** The header value for `body` sent at `timestampSeconds`. */
export function signWebhookBody(secret: string, timestampSeconds: number, body: string): string {
  return `t=${timestampSeconds},v1=${hmacHex(secret, timestampSeconds, body)}`;
}

/**
 * What a receiver does: true when `header` carries a v1 signature of `body` made with `secret`
 * no more than `toleranceSeconds` from `nowSeconds`. Compared in constant time.
 */
export function verifyWebhookSignature(
  secret: string,
  header: string,
  body: string,
  options: { readonly nowSeconds: number; readonly toleranceSeconds?: number },
): boolean {
  const parts = new Map<string, string[]>();
  for (const piece of header.split(',')) {
    const at = piece.indexOf('=');
    if (at <= 0) continue;
    const key = piece.slice(0, at).trim();
    parts.set(key, [...(parts.get(key) ?? []), piece.slice(at + 1).trim()]);
  }
  const timestamp = Number(parts.get('t')?.[0]);
  if (!Number.isInteger(timestamp)) return false;
  if (Math.abs(options.nowSeconds - timestamp) > (options.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(hmacHex(secret, timestamp, body), 'hex');
  return (parts.get('v1') ?? []).some((candidate) => {
    const given = Buffer.from(candidate, 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}
