import type { Db } from '@tiksavr/db';
import type { UserListInput } from '../routers/admin/users/users.schema.ts';
import { type UserQuotaColumns, userQuotaColumns } from '../usage/user-quota-columns.ts';

export type AdminUserRow = {
  id: string;
  email: string;
  name: string;
  role: string;
  banned: boolean;
  banReason: string | null;
  createdAt: Date;
  /** Downloads in the user's history (counted on their own index, for this page only). */
  downloads: number;
  /** Storage used and the limits that apply (usage/user-quota-columns.ts). */
  quota: UserQuotaColumns;
};

/** Accounts, newest first, optionally those whose email starts with a text; keyset pagination. */
export async function listUsers(
  db: Db,
  input: UserListInput,
): Promise<{ users: AdminUserRow[]; nextCursor: string | null }> {
  const after = input.cursor ? decodeHistoryCursorForUser(input.cursor) : null;
  const rows = await db.user.findMany({
    where: {
      ...(input.email ? { email: { startsWith: input.email, mode: 'insensitive' as const } } : {}),
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
    select: { id: true, email: true, name: true, role: true, banned: true, banReason: true, createdAt: true },
  });
  const page = rows.slice(0, input.limit);
  const counts = await db.download.groupBy({
    by: ['userId'],
    where: { userId: { in: page.map((user) => user.id) } },
    _count: { _all: true },
  });
  const countOf = new Map(counts.map((count) => [count.userId, count._count._all]));
  const quotas = await userQuotaColumns(
    db,
    page.map((user) => user.id),
  );
  const last = page.at(-1);
  return {
    users: page.map((user) => ({
      ...user,
      downloads: countOf.get(user.id) ?? 0,
      quota: quotas.get(user.id) as UserQuotaColumns,
    })),
    nextCursor: rows.length > input.limit && last ? encodeUserCursor(last.createdAt, last.id) : null,
  };
}

// User ids are better-auth's own strings, not UUIDs, so the history cursor (which checks for a
// UUID) cannot carry them: this cursor is the same idea with any id.
function encodeUserCursor(createdAt: Date, id: string): string {
  return Buffer.from(JSON.stringify([createdAt.toISOString(), id])).toString('base64url');
}

function decodeHistoryCursorForUser(cursor: string): { createdAt: Date; id: string } | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || typeof value[0] !== 'string' || typeof value[1] !== 'string') return null;
    const createdAt = new Date(value[0]);
    return Number.isNaN(createdAt.getTime()) ? null : { createdAt, id: value[1] };
  } catch {
    return null;
  }
}
