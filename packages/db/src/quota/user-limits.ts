import type { Prisma, PrismaClient, QuotaKind } from '../generated/prisma/client.ts';
import { STORAGE_SETTING_KEY_LIST, type StorageSettings, storageSettingsFrom } from './storage-settings.ts';

/** One person's limit of one kind and where it comes from. */
export type UserLimit = {
  /** null: no limit. */
  readonly maximum: number | null;
  /** The admin set this person's own limit (else the instance default applies). */
  readonly own: boolean;
};

export type UserLimits = { readonly bytes: UserLimit; readonly items: UserLimit };

type Reader = Pick<PrismaClient, '$queryRaw'> | Pick<Prisma.TransactionClient, '$queryRaw'>;

type QuotaRow = { userId: string; kind: QuotaKind; maximum: string | null };

function limitsFrom(settings: StorageSettings, rows: readonly QuotaRow[]): UserLimits {
  const of = (kind: QuotaKind, fallback: number | null): UserLimit => {
    const row = rows.find((candidate) => candidate.kind === kind);
    if (row === undefined) return { maximum: fallback, own: false };
    return { maximum: row.maximum === null ? null : Number(row.maximum), own: true };
  };
  return { bytes: of('bytes', settings.defaultBytes), items: of('items', settings.defaultItems) };
}

/** The limits that apply to each of `userIds` (their own, else the instance defaults), in one query. */
export async function limitsOfUsers(
  db: Reader,
  userIds: readonly string[],
): Promise<Map<string, UserLimits>> {
  const [row] = await db.$queryRaw<{ settings: { key: string; value: unknown }[]; quotas: QuotaRow[] }[]>`
    SELECT
      COALESCE((SELECT json_agg(json_build_object('key', s."key", 'value', s."value")) FROM "Setting" s
                WHERE s."key" = ANY(${STORAGE_SETTING_KEY_LIST}::text[])), '[]') AS settings,
      COALESCE((SELECT json_agg(json_build_object('userId', q."userId", 'kind', q."kind", 'maximum', q."maximum"::text))
                FROM "UserQuota" q WHERE q."userId" = ANY(${[...userIds]}::text[])), '[]') AS quotas`;
  const settings = storageSettingsFrom(row?.settings ?? []);
  const quotas = row?.quotas ?? [];
  return new Map(
    userIds.map((userId) => [
      userId,
      limitsFrom(
        settings,
        quotas.filter((quota) => quota.userId === userId),
      ),
    ]),
  );
}

export async function limitsOf(db: Reader, userId: string): Promise<UserLimits> {
  return (await limitsOfUsers(db, [userId])).get(userId) as UserLimits;
}

/** What the admin sets for one kind: a number, `null` for no limit, or `'default'` to follow the instance default. */
export type UserLimitChange = number | null | 'default';

export const USER_LIMIT_MAX = { bytes: Number.MAX_SAFE_INTEGER, items: 1_000_000_000 } as const;

/** Sets a person's own limits; a kind left out stays as it is. */
export async function setUserLimits(
  db: PrismaClient,
  userId: string,
  changes: Partial<Record<QuotaKind, UserLimitChange>>,
): Promise<void> {
  const entries = Object.entries(changes) as [QuotaKind, UserLimitChange | undefined][];
  for (const [kind, change] of entries) {
    if (
      typeof change === 'number' &&
      !(Number.isInteger(change) && change >= 0 && change <= USER_LIMIT_MAX[kind])
    ) {
      throw new RangeError(`${kind} limit is out of range`);
    }
  }
  await db.$transaction(async (tx) => {
    for (const [kind, change] of entries) {
      if (change === undefined) continue;
      if (change === 'default') {
        await tx.userQuota.deleteMany({ where: { userId, kind } });
        continue;
      }
      const maximum = change === null ? null : BigInt(change);
      await tx.userQuota.upsert({
        where: { userId_kind: { userId, kind } },
        create: { userId, kind, maximum },
        update: { maximum },
      });
    }
  });
}
