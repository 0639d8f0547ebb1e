import { randomUUID } from 'node:crypto';
import type { Db } from '../client.ts';
import type { Prisma } from '../generated/prisma/client.ts';

/** Test factories: unique rows with sensible defaults, overridable per test. */
export async function seedUser(db: Db, overrides: Partial<Prisma.UserUncheckedCreateInput> = {}) {
  const id = overrides.id ?? randomUUID();
  return db.user.create({
    data: { id, name: `User ${id.slice(0, 8)}`, email: `${id}@example.test`, ...overrides },
  });
}

export async function seedDownload(
  db: Db,
  userId: string,
  overrides: Partial<Prisma.DownloadUncheckedCreateInput> = {},
) {
  const itemId = overrides.itemId ?? null;
  const canonicalUrl =
    overrides.canonicalUrl ?? `https://www.tiktok.com/@_/video/${itemId ?? '7524919459643919624'}`;
  return db.download.create({
    data: {
      userId,
      inputUrl: canonicalUrl,
      canonicalUrl,
      searchText: canonicalUrl.toLowerCase(),
      ...overrides,
    },
  });
}
