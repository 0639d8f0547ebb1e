import { AppError } from '@tiksavr/core';
import { type Db, Prisma } from '@tiksavr/db';
import type { SessionUser } from '../trpc.ts';
import { hashToken, looksLikeToken } from './token-secret.ts';

/** Requests one token may make per minute, whatever web process answers them. */
export const API_REQUESTS_PER_MINUTE = 60;
const WINDOW_MS = 60_000;

export type RateState = { limit: number; remaining: number; resetAt: Date };

export type TokenIdentity = {
  /** The token's owner, always with the role `user`: a token never carries admin powers. */
  user: SessionUser;
  token: { id: string; name: string; prefix: string; expiresAt: Date | null };
  rate: RateState;
};

export type TokenAuthOptions = { now?: Date; requestsPerMinute?: number };

type AuthRow = {
  id: string;
  name: string;
  prefix: string;
  expiresAt: Date | null;
  rateWindowStartedAt: Date;
  rateWindowCount: number;
  userId: string;
  email: string;
  userName: string;
  banned: boolean | null;
  banExpires: Date | null;
};

/** A Date bound to a `timestamp(3)` column, which holds UTC: cast so the session's TimeZone never shifts it. */
function utc(date: Date): Prisma.Sql {
  return Prisma.sql`(${date.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
}

/** The token of `Authorization: Bearer <token>`, or null when the header is absent or of another scheme. */
export function bearerToken(header: string | null): string | null {
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header?.trim() ?? '');
  return match?.[1] ?? null;
}

/**
 * Who a request's bearer token belongs to, counted against its rate limit.
 *
 * One UPDATE … RETURNING finds the token by its hash, checks it is neither revoked nor expired,
 * stamps `lastUsedAt` and counts the request in the token's one-minute window, atomically: every
 * web process shares the count through Postgres (an in-memory limiter would give each process its
 * own 60, and forget them on restart), and the statement is the lastUsedAt write a request costs
 * anyway. The window is fixed (it starts with the first request after the last one ended): a
 * client may send up to twice the limit across a window's edge, which is harmless at 60 a minute.
 * Only when no row matched is the token read again, to say why (unknown, revoked or expired).
 *
 * Throws AppError: api_token_missing / api_token_invalid / api_token_revoked / api_token_expired,
 * account_disabled (a banned owner), api_rate_limited (detail.retryAfterSeconds, detail.rate).
 */
export async function authenticateToken(
  db: Db,
  authorization: string | null,
  options: TokenAuthOptions = {},
): Promise<TokenIdentity> {
  const token = bearerToken(authorization);
  if (token === null) throw new AppError('api_token_missing', 'no bearer token');
  if (!looksLikeToken(token)) throw new AppError('api_token_invalid', 'the bearer token is not token-shaped');
  const now = options.now ?? new Date();
  const limit = options.requestsPerMinute ?? API_REQUESTS_PER_MINUTE;
  const hash = hashToken(token);
  const windowFloor = new Date(now.getTime() - WINDOW_MS);

  const rows = await db.$queryRaw<AuthRow[]>`
    UPDATE "ApiToken" AS t SET
      "lastUsedAt" = ${utc(now)},
      "rateWindowStartedAt" = CASE WHEN t."rateWindowStartedAt" > ${utc(windowFloor)}
        THEN t."rateWindowStartedAt" ELSE ${utc(now)} END,
      "rateWindowCount" = CASE WHEN t."rateWindowStartedAt" > ${utc(windowFloor)}
        THEN t."rateWindowCount" + 1 ELSE 1 END
    FROM "user" AS u
    WHERE t."hash" = ${hash}
      AND u."id" = t."userId"
      AND t."revokedAt" IS NULL
      AND (t."expiresAt" IS NULL OR t."expiresAt" > ${utc(now)})
    RETURNING t."id", t."name", t."prefix", t."expiresAt", t."rateWindowStartedAt", t."rateWindowCount",
              u."id" AS "userId", u."email", u."name" AS "userName", u."banned", u."banExpires"`;
  const row = rows[0];
  if (!row) throw await whyRefused(db, hash, now);

  if (row.banned && (row.banExpires === null || row.banExpires.getTime() > now.getTime())) {
    throw new AppError('account_disabled', `user ${row.userId} is banned`);
  }
  const resetAt = new Date(row.rateWindowStartedAt.getTime() + WINDOW_MS);
  const rate = { limit, remaining: Math.max(0, limit - row.rateWindowCount), resetAt };
  if (row.rateWindowCount > limit) {
    const retryAfterSeconds = Math.max(1, Math.ceil((resetAt.getTime() - now.getTime()) / 1000));
    throw new AppError(
      'api_rate_limited',
      `token ${row.id} sent ${row.rateWindowCount} requests this minute`,
      {
        detail: { retryAfterSeconds, rate },
      },
    );
  }
  return {
    user: { id: row.userId, email: row.email, name: row.userName, role: 'user' },
    token: { id: row.id, name: row.name, prefix: row.prefix, expiresAt: row.expiresAt },
    rate,
  };
}

async function whyRefused(db: Db, hash: string, now: Date): Promise<AppError> {
  const known = await db.apiToken.findUnique({
    where: { hash },
    select: { id: true, revokedAt: true, expiresAt: true },
  });
  if (!known) return new AppError('api_token_invalid', 'no token has this hash');
  if (known.revokedAt) return new AppError('api_token_revoked', `token ${known.id} is revoked`);
  if (known.expiresAt && known.expiresAt.getTime() <= now.getTime()) {
    return new AppError('api_token_expired', `token ${known.id} expired at ${known.expiresAt.toISOString()}`);
  }
  // Revoked or expired between the UPDATE and this read, or its owner vanished: unknown now.
  return new AppError('api_token_invalid', `token ${known.id} did not match`);
}
