import { AppError } from '@tiksavr/core';
import type { ApiTokenId, CreateApiTokenInput } from '../routers/tokens/tokens.schema.ts';
import type { UserContext } from '../trpc.ts';
import { API_TOKEN_DTO_SELECT, type ApiTokenDto, toApiTokenDto } from './api-token-dto.ts';
import { newTokenSecret } from './token-secret.ts';

/** Tokens that still work, per person. Enough for every device and script one has; a ceiling on leaks. */
export const MAX_ACTIVE_TOKENS = 25;
const DAY_MS = 24 * 60 * 60 * 1000;
/** The list shows this many, newest first; old revoked tokens fall off the end. */
const LIST_LIMIT = 100;

type TokenContext = Pick<UserContext, 'db' | 'user'>;

/**
 * Makes a token for the signed-in person. The whole token is returned only here, once; the
 * database keeps its hash. The person's row is locked while counting, so two clicks cannot pass
 * the ceiling together.
 */
export async function createApiToken(
  ctx: TokenContext,
  input: CreateApiTokenInput,
  now: Date = new Date(),
): Promise<{ token: string; apiToken: ApiTokenDto }> {
  const secret = newTokenSecret();
  const row = await ctx.db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM "user" WHERE "id" = ${ctx.user.id} FOR UPDATE`;
    const active = await tx.apiToken.count({
      where: { userId: ctx.user.id, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
    });
    if (active >= MAX_ACTIVE_TOKENS) {
      throw new AppError('too_many_api_tokens', `user ${ctx.user.id} has ${active} active tokens`, {
        detail: { max: MAX_ACTIVE_TOKENS },
      });
    }
    return tx.apiToken.create({
      data: {
        userId: ctx.user.id,
        name: input.name,
        prefix: secret.prefix,
        hash: secret.hash,
        createdAt: now,
        expiresAt:
          input.expiresInDays === null ? null : new Date(now.getTime() + input.expiresInDays * DAY_MS),
      },
      select: API_TOKEN_DTO_SELECT,
    });
  });
  return { token: secret.token, apiToken: toApiTokenDto(row, now) };
}

/** The person's tokens, newest first, with when each was last used. */
export async function listOwnApiTokens(ctx: TokenContext, now: Date = new Date()): Promise<ApiTokenDto[]> {
  const rows = await ctx.db.apiToken.findMany({
    where: { userId: ctx.user.id },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: LIST_LIMIT,
    select: API_TOKEN_DTO_SELECT,
  });
  return rows.map((row) => toApiTokenDto(row, now));
}

/**
 * Revokes one of the person's tokens; it stops working with the next request. Someone else's
 * token fails exactly like one that does not exist. Revoking twice keeps the first time.
 */
export async function revokeOwnApiToken(
  ctx: TokenContext,
  input: ApiTokenId,
  now: Date = new Date(),
): Promise<ApiTokenDto> {
  await ctx.db.apiToken.updateMany({
    where: { id: input.id, userId: ctx.user.id, revokedAt: null },
    data: { revokedAt: now },
  });
  const row = await ctx.db.apiToken.findFirst({
    where: { id: input.id, userId: ctx.user.id },
    select: API_TOKEN_DTO_SELECT,
  });
  if (!row) throw new AppError('api_token_not_found', `token ${input.id} not found for user ${ctx.user.id}`);
  return toApiTokenDto(row, now);
}
