/** What a token looks like in lists (its owner's settings, the admin's page). Never its secret or hash. */
export type ApiTokenState = 'active' | 'expired' | 'revoked';

export type ApiTokenDto = {
  id: string;
  name: string;
  /** The start of the token (`tks_abc123`), to recognise it. */
  prefix: string;
  state: ApiTokenState;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
};

export const API_TOKEN_DTO_SELECT = {
  id: true,
  name: true,
  prefix: true,
  createdAt: true,
  lastUsedAt: true,
  expiresAt: true,
  revokedAt: true,
} as const;

export type ApiTokenRow = {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
};

export function tokenState(row: Pick<ApiTokenRow, 'expiresAt' | 'revokedAt'>, now: Date): ApiTokenState {
  if (row.revokedAt) return 'revoked';
  if (row.expiresAt && row.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'active';
}

export function toApiTokenDto(row: ApiTokenRow, now: Date = new Date()): ApiTokenDto {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    state: tokenState(row, now),
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}
