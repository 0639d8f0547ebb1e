import type { Db, UserLimits } from '@tiksavr/db';
import { limitsOfUsers, usageOfUsers } from '@tiksavr/db';

/** What the admin's users list shows of each person's storage. */
export type UserQuotaColumns = {
  readonly usedBytes: number;
  readonly usedItems: number;
  readonly limits: UserLimits;
};

/** Usage and limits of a page of people: two grouped queries, whatever the page size. */
export async function userQuotaColumns(
  db: Db,
  userIds: readonly string[],
): Promise<Map<string, UserQuotaColumns>> {
  const [usage, limits] = await Promise.all([usageOfUsers(db, userIds), limitsOfUsers(db, userIds)]);
  return new Map(
    userIds.map((userId) => {
      const used = usage.get(userId) ?? { bytes: 0, items: 0 };
      return [
        userId,
        {
          usedBytes: used.bytes,
          usedItems: used.items,
          limits: limitsOf(limits, userId),
        },
      ];
    }),
  );
}

function limitsOf(all: Map<string, UserLimits>, userId: string): UserLimits {
  return all.get(userId) ?? { bytes: { maximum: null, own: false }, items: { maximum: null, own: false } };
}
