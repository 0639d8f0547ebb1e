import { createHash, randomBytes } from 'node:crypto';

/**
 * Personal API tokens: `tks_` + 32 random bytes in base64url (43 characters), 256 bits that no
 * one can guess. Only the sha256 of the whole token is stored. A fast hash is right here, unlike
 * for passwords: slow hashes (bcrypt, argon2) exist to make guessing low-entropy secrets costly,
 * and there is nothing to guess in 256 random bits; a fast, unsalted hash lets each request find
 * its token with one indexed lookup, and a leaked table still gives no usable token.
 */
export const TOKEN_PREFIX = 'tks_';
const SECRET_BYTES = 32;
const TOKEN_SHAPE = /^tks_[A-Za-z0-9_-]{43}$/;
/** How much of a token lists show: `tks_` and 6 characters, enough to tell tokens apart. */
const DISPLAY_CHARS = TOKEN_PREFIX.length + 6;

export type NewTokenSecret = { token: string; hash: string; prefix: string };

export function newTokenSecret(): NewTokenSecret {
  const token = `${TOKEN_PREFIX}${randomBytes(SECRET_BYTES).toString('base64url')}`;
  return { token, hash: hashToken(token), prefix: token.slice(0, DISPLAY_CHARS) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Whether a string has the shape of a token (not whether it is a valid one). */
export function looksLikeToken(value: string): boolean {
  return TOKEN_SHAPE.test(value);
}
