import { AppError } from '@tiksavr/core';
import type { Db } from '@tiksavr/db';
import { z } from 'zod';
import type { AdminTokenListInput } from '../routers/admin/tokens/tokens.schema.ts';
import { API_TOKEN_DTO_SELECT, type ApiTokenDto, toApiTokenDto } from './api-token-dto.ts';

export type AdminApiTokenDto = ApiTokenDto & { owner: { id: string; email: string } };

/** Every token on the instance, newest first, optionally of owners whose email starts with a text. */
export async function listAllApiTokens(
  db: Db,
  input: AdminTokenListInput,
  now: Date = new Date(),
): Promise<{ tokens: AdminApiTokenDto[]; nextCursor: string | null }> {
  const after = input.cursor ? decodeTokenCursor(input.cursor) : null;
  const rows = await db.apiToken.findMany({
    where: {
      ...(input.email ? { user: { email: { startsWith: input.email, mode: 'insensitive' as const } } } : {}),
      ...(after
        ? {
            OR: [
              { createdAt: { lt: after.createdAt } },
              { createdAt: after.createdAt, id: { lt: after.id } },
            ],
          }
        : {}),
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: input.limit + 1,
    select: { ...API_TOKEN_DTO_SELECT, user: { select: { id: true, email: true } } },
  });
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    tokens: page.map(({ user, ...row }) => ({ ...toApiTokenDto(row, now), owner: user })),
    nextCursor: rows.length > input.limit && last ? encodeTokenCursor(last.createdAt, last.id) : null,
  };
}

/** An admin revokes anyone's token (a lost phone, a leaked script). Revoking twice keeps the first time. */
export async function revokeAnyApiToken(db: Db, id: string, now: Date = new Date()): Promise<ApiTokenDto> {
  await db.apiToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now } });
  const row = await db.apiToken.findUnique({ where: { id }, select: API_TOKEN_DTO_SELECT });
  if (!row) throw new AppError('api_token_not_found', `token ${id} not found`);
  return toApiTokenDto(row, now);
}

function encodeTokenCursor(createdAt: Date, id: string): string {
  return Buffer.from(JSON.stringify([createdAt.toISOString(), id])).toString('base64url');
}

/** A cursor that is not ours reads as "from the start". */
function decodeTokenCursor(cursor: string): { createdAt: Date; id: string } | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || typeof value[0] !== 'string' || typeof value[1] !== 'string') return null;
    const createdAt = new Date(value[0]);
    if (Number.isNaN(createdAt.getTime()) || !z.uuid().safeParse(value[1]).success) return null;
    return { createdAt, id: value[1] };
  } catch {
    return null;
  }
}
