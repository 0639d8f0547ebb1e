import type { PrismaClient } from '../generated/prisma/client.ts';
import { lockItem } from '../item-lock.ts';
import { dropUnusedItemFiles } from './drop-unused-item-files.ts';
import type { ObjectStore } from './object-store.ts';
import { finishDeletion, releaseStoredFiles } from './release-stored-files.ts';

export type SweepOptions = {
  readonly now?: Date;
  /**
   * An object in the store without a row is left alone this long: a writer puts the bytes in the
   * store before it links them (default 1 hour). A writer that links an object the sweep removed
   * meanwhile finds it missing and stores it again, so this is about wasted work, not safety.
   */
  readonly orphanGraceMs?: number;
  /** A deletion marked this long ago is finished by the sweep (its deleter crashed); default 10 minutes. */
  readonly pendingGraceMs?: number;
  /** Rows looked at per query. */
  readonly batchSize?: number;
  /** Queries per kind of leftover in one sweep, so one sweep stays bounded; the next one goes on. */
  readonly maxBatches?: number;
  readonly onError?: (error: unknown, key: string) => void;
};

export type SweepReport = {
  /** Items nobody has a Download of whose Asset rows were dropped (e.g. after an account was removed). */
  readonly unusedItems: number;
  /** Marked deletions finished (their deleter crashed between its steps). */
  readonly pendingFinished: number;
  /** Files with a row but no reference any more, removed. */
  readonly unreferencedRemoved: number;
  /** Objects in the store with no row and no reference, removed. */
  readonly orphansRemoved: number;
  /** Objects the store listed. */
  readonly objectsListed: number;
  /** Files that could not be unlinked this time (left marked for the next sweep). */
  readonly failed: number;
};

const HOUR_MS = 60 * 60 * 1000;

/**
 * Proves no file is left behind: every leftover a crash (or an account deletion) can leave is
 * found and finished through the same protocol as an ordinary deletion (release-stored-files.ts),
 * so nothing referenced is ever removed:
 * 1. items with Asset rows but no Download → rows dropped, files released;
 * 2. deletions marked longer ago than `pendingGraceMs` → finished;
 * 3. rows nothing references (a reference replaced, a release that never ran) → released;
 * 4. objects the store lists that have no row, older than `orphanGraceMs` → released (a
 *    referenced one, stored before rows existed, just gains its row).
 */
export async function sweepStoredFiles(
  db: PrismaClient,
  store: ObjectStore,
  options: SweepOptions = {},
): Promise<SweepReport> {
  const now = options.now ?? new Date();
  const batchSize = options.batchSize ?? 500;
  const maxBatches = options.maxBatches ?? 20;
  const orphanCutoff = new Date(now.getTime() - (options.orphanGraceMs ?? HOUR_MS));
  const pendingCutoff = new Date(now.getTime() - (options.pendingGraceMs ?? 10 * 60 * 1000));
  const release = (keys: readonly string[]) =>
    releaseStoredFiles(db, store, keys, {
      now,
      ...(options.onError === undefined ? {} : { onError: options.onError }),
    });
  let unusedItems = 0;
  let pendingFinished = 0;
  let unreferencedRemoved = 0;
  let orphansRemoved = 0;
  let objectsListed = 0;
  let failed = 0;

  // 1. Items nobody has any more.
  for (let batch = 0; batch < maxBatches; batch++) {
    const items = await db.$queryRaw<{ id: string }[]>`
      SELECT i."id" FROM "Item" i
      WHERE EXISTS (SELECT 1 FROM "Asset" a WHERE a."itemId" = i."id")
        AND NOT EXISTS (SELECT 1 FROM "Download" d WHERE d."itemId" = i."id")
      LIMIT ${batchSize}`;
    if (items.length === 0) break;
    for (const { id } of items) {
      const keys = await db.$transaction(async (tx) => {
        await lockItem(tx, id);
        return dropUnusedItemFiles(tx, id);
      });
      unusedItems++;
      const result = await release(keys);
      unreferencedRemoved += result.removed.length;
      failed += result.failed.length;
    }
    if (items.length < batchSize) break;
  }

  // 2. Deletions whose deleter stopped between its two steps.
  let afterKey = '';
  for (let batch = 0; batch < maxBatches; batch++) {
    const rows = await db.storedFile.findMany({
      where: { deletePendingAt: { lt: pendingCutoff }, key: { gt: afterKey } },
      orderBy: { key: 'asc' },
      take: batchSize,
      select: { key: true },
    });
    for (const { key } of rows) {
      try {
        if ((await finishDeletion(db, store, key)) === 'removed') pendingFinished++;
      } catch (error) {
        failed++;
        options.onError?.(error, key);
      }
    }
    if (rows.length < batchSize) break;
    afterKey = rows.at(-1)?.key ?? afterKey;
  }

  // 3. Rows nothing references.
  afterKey = '';
  for (let batch = 0; batch < maxBatches; batch++) {
    const rows = await db.$queryRaw<{ key: string }[]>`
      SELECT f."key" FROM "StoredFile" f
      WHERE f."deletePendingAt" IS NULL AND f."createdAt" < ${orphanCutoff} AND f."key" > ${afterKey}
        AND NOT EXISTS (SELECT 1 FROM "Asset" a WHERE a."storageKey" = f."key")
        AND NOT EXISTS (SELECT 1 FROM "Creator" c WHERE c."avatarKey" = f."key")
      ORDER BY f."key"
      LIMIT ${batchSize}`;
    const result = await release(rows.map((row) => row.key));
    unreferencedRemoved += result.removed.length;
    failed += result.failed.length;
    if (rows.length < batchSize) break;
    afterKey = rows.at(-1)?.key ?? afterKey;
  }

  // 4. Objects without a row.
  const releaseOrphans = async (objects: { key: string; modifiedAt: Date }[]) => {
    const known = await db.storedFile.findMany({
      where: { key: { in: objects.map((object) => object.key) } },
      select: { key: true },
    });
    const withRow = new Set(known.map((row) => row.key));
    const orphans = objects.filter((object) => !withRow.has(object.key) && object.modifiedAt < orphanCutoff);
    const result = await release(orphans.map((object) => object.key));
    orphansRemoved += result.removed.length;
    failed += result.failed.length;
  };
  let page: { key: string; modifiedAt: Date }[] = [];
  for await (const object of store.list()) {
    objectsListed++;
    page.push({ key: object.key, modifiedAt: object.modifiedAt });
    if (page.length >= batchSize) {
      await releaseOrphans(page);
      page = [];
    }
  }
  if (page.length > 0) await releaseOrphans(page);

  return { unusedItems, pendingFinished, unreferencedRemoved, orphansRemoved, objectsListed, failed };
}
