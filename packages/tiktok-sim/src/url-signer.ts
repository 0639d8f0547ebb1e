import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Signs and checks the sim's media URLs with a per-process secret, the way TikTok's CDN
 * refuses URLs it did not mint. Video URLs are bound to the `tt_chain_token` of the page
 * fetch that produced them; image and audio URLs only carry an expiry (tiktok-upstream.md §2C).
 */
export type UrlSigner = {
  /** 32 hex characters over (path, expire, token), the length of real `signature=` values. */
  videoSignature(pathname: string, expire: number | string, chainToken: string): string;
  /** Base64 HMAC over (path, x-expires), like real `x-signature=` values. */
  objectSignature(pathname: string, expires: number | string): string;
};

export function createUrlSigner(secret: Buffer = randomBytes(32)): UrlSigner {
  return {
    videoSignature: (pathname, expire, chainToken) =>
      createHmac('sha256', secret).update(`${pathname}\n${expire}\n${chainToken}`).digest('hex').slice(0, 32),
    objectSignature: (pathname, expires) =>
      createHmac('sha1', secret).update(`${pathname}\n${expires}`).digest('base64'),
  };
}

/** Constant-time string comparison for signatures. */
export function sameSignature(expected: string, given: string | null): boolean {
  if (given === null) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
