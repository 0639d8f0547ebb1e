import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { JOBS } from '@tiksavr/core';
import { ensureQueues, linkStoredFile } from '@tiksavr/db';
import { createTestDatabase, seedDownload, seedUser, type TestDatabase } from '@tiksavr/db/testing';
import { TRPCError } from '@trpc/server';
import { callerFactory, sessionUserOf } from '../testing/callers.ts';

const VIDEO = (n: number) => `https://www.tiktok.com/@creator/video/${7524919459643900000n + BigInt(n)}`;
const GB = 1_000_000_000;

describe('quotas, usage and pins in the web app', () => {
  let database: TestDatabase;
  let callers: ReturnType<typeof callerFactory>;
  let link = 0;

  before(async () => {
    database = await createTestDatabase('usage');
    callers = callerFactory(database.db, database.url);
    await ensureQueues(await callers.boss(), JOBS);
  });
  after(async () => {
    await callers?.close();
    await database?.drop();
  });

  const newUser = async () => sessionUserOf(await seedUser(database.db));
  const admin = async () => sessionUserOf(await seedUser(database.db, { role: 'admin' }));
  const links = (count: number) => Array.from({ length: count }, () => VIDEO(++link)).join('\n');
  const codeOf = async (run: () => Promise<unknown>) => {
    try {
      await run();
      return 'ok';
    } catch (error) {
      assert.ok(error instanceof TRPCError, String(error));
      return `${error.code}/${(error.cause as { code?: string } | undefined)?.code ?? '-'}`;
    }
  };

  test('submit takes only what fits the item limit; the rest are refused with the numbers', async () => {
    const user = await newUser();
    const boss = await admin();
    await callers.callerFor(boss).admin.users.setQuota({ userId: user.id, items: 3 });
    await seedDownload(database.db, user.id, { state: 'done', bytesTotal: 10n });
    // A failed one keeps nothing and does not count.
    await seedDownload(database.db, user.id, { state: 'failed' });

    const { results } = await callers.callerFor(user).downloads.submit({ text: links(4) });
    assert.deepEqual(
      results.map((result) => result.ok),
      [true, true, false, false],
    );
    for (const refused of results.filter((result) => !result.ok)) {
      assert.equal(refused.reason, 'quota_items_exceeded');
      assert.equal(
        refused.message,
        'You have 3 of your 3 items. Delete items you no longer need (pinned ones stay until you unpin them), or ask the admin for a higher limit.',
      );
      assert.equal(refused.downloadId, undefined);
    }
    assert.equal(await database.db.download.count({ where: { userId: user.id } }), 4);
    const usage = await callers.callerFor(user).downloads.usage();
    assert.equal(usage.items, 3);
    assert.equal(usage.words, 'Using 10 B · 3 of 3 items');
  });

  test('submit refuses everything while the storage is full, and takes links again once there is room', async () => {
    const user = await newUser();
    const boss = await admin();
    await callers.callerFor(boss).admin.storage.set({ defaultBytes: 2 * GB });
    try {
      const full = await seedDownload(database.db, user.id, { state: 'done', bytesTotal: BigInt(2 * GB) });
      const { results } = await callers.callerFor(user).downloads.submit({ text: links(2) });
      assert.deepEqual(
        results.map((result) => [result.ok, result.reason]),
        [
          [false, 'quota_bytes_exceeded'],
          [false, 'quota_bytes_exceeded'],
        ],
      );
      assert.match(
        results[0]?.message ?? '',
        /^Your storage is full: you are using 2 GB of your 2 GB\. Delete/,
      );

      await callers.callerFor(user).downloads.delete({ id: full.id });
      const again = await callers.callerFor(user).downloads.submit({ text: links(1) });
      assert.equal(again.results[0]?.ok, true);
      const usage = await callers.callerFor(user).downloads.usage();
      assert.deepEqual(
        { bytes: usage.bytes, maxBytes: usage.maxBytes, words: usage.words },
        { bytes: 0, maxBytes: 2 * GB, words: 'Using 0 B of 2 GB · 1 item' },
      );
    } finally {
      await callers.callerFor(boss).admin.storage.set({ defaultBytes: null });
    }
  });

  test('two submits at once never take more than the free places', async () => {
    const user = await newUser();
    await callers.callerFor(await admin()).admin.users.setQuota({ userId: user.id, items: 5 });
    const caller = callers.callerFor(user);
    const outcomes = await Promise.all([
      caller.downloads.submit({ text: links(4) }),
      caller.downloads.submit({ text: links(4) }),
    ]);
    const accepted = outcomes.flatMap((outcome) => outcome.results).filter((result) => result.ok);
    assert.equal(accepted.length, 5);
    assert.equal(await database.db.download.count({ where: { userId: user.id } }), 5);
  });

  test('pin and unpin: only one’s own; the history card carries pinnedAt', async () => {
    const user = await newUser();
    const other = await newUser();
    const download = await seedDownload(database.db, user.id, { state: 'done' });
    const pinned = await callers.callerFor(user).downloads.setPinned({ id: download.id, pinned: true });
    assert.ok(pinned.pinnedAt);
    const page = await callers.callerFor(user).downloads.list({});
    assert.equal(page.items.find((item) => item.id === download.id)?.pinnedAt, pinned.pinnedAt);
    assert.equal(
      (await callers.callerFor(user).downloads.get({ id: download.id })).pinnedAt,
      pinned.pinnedAt,
    );
    assert.equal(
      await codeOf(() => callers.callerFor(other).downloads.setPinned({ id: download.id, pinned: false })),
      'NOT_FOUND/download_not_found',
    );
    await callers.callerFor(user).downloads.setPinned({ id: download.id, pinned: false });
    const row = await database.db.download.findUniqueOrThrow({ where: { id: download.id } });
    assert.equal(row.pinnedAt, null);
  });

  test("the admin sees each person's usage and limits, and sets their own or puts them back on the default", async () => {
    const boss = await admin();
    const user = await newUser();
    await seedDownload(database.db, user.id, { state: 'done', bytesTotal: 1_500_000n });
    await seedDownload(database.db, user.id, { state: 'queued' });
    const adminCaller = callers.callerFor(boss);
    await adminCaller.admin.storage.set({ defaultBytes: 5 * GB, defaultItems: 1000, retentionDays: 30 });
    try {
      const rowOf = async () =>
        (await adminCaller.admin.users.list({ email: user.email })).users.find((row) => row.id === user.id);
      assert.deepEqual((await rowOf())?.quota, {
        usedBytes: 1_500_000,
        usedItems: 2,
        limits: { bytes: { maximum: 5 * GB, own: false }, items: { maximum: 1000, own: false } },
      });
      await adminCaller.admin.users.setQuota({ userId: user.id, bytes: null, items: 10 });
      assert.deepEqual((await rowOf())?.quota.limits, {
        bytes: { maximum: null, own: true },
        items: { maximum: 10, own: true },
      });
      assert.equal((await callers.callerFor(user).downloads.usage()).words, 'Using 1.5 MB · 2 of 10 items');
      await adminCaller.admin.users.setQuota({ userId: user.id, bytes: 'default' });
      assert.deepEqual((await rowOf())?.quota.limits.bytes, { maximum: 5 * GB, own: false });
      const overview = await adminCaller.admin.storage.get();
      assert.deepEqual(overview.settings, { defaultBytes: 5 * GB, defaultItems: 1000, retentionDays: 30 });
      assert.equal((await callers.callerFor(user).downloads.usage()).retentionDays, 30);

      assert.equal(
        await codeOf(() => callers.callerFor(user).admin.users.setQuota({ userId: user.id, items: 99 })),
        'FORBIDDEN/-',
      );
      assert.equal(
        await codeOf(() => adminCaller.admin.users.setQuota({ userId: 'nobody-here', items: 1 })),
        'NOT_FOUND/user_not_found',
      );
    } finally {
      await adminCaller.admin.storage.set({ defaultBytes: null, defaultItems: null, retentionDays: null });
    }
  });

  test('the admin storage page counts shared files once', async () => {
    const boss = await admin();
    const before = await callers.callerFor(boss).admin.storage.get();
    const stored = await callers.storage.write(Readable.from([Buffer.from('a file two items share')]));
    for (const itemId of ['7524919459643999001', '7524919459643999002']) {
      await database.db.item.create({
        data: { id: itemId, kind: 'video', author: 'anna', storedAt: new Date() },
      });
      await database.db.$transaction(async (tx) => {
        await linkStoredFile(tx, callers.storage, stored);
        await tx.asset.create({
          data: {
            itemId,
            role: 'video',
            sha256: stored.sha256,
            size: BigInt(stored.size),
            mime: 'video/mp4',
            storageKey: stored.key,
          },
        });
      });
    }
    const after = await callers.callerFor(boss).admin.storage.get();
    assert.equal(after.files, before.files + 1);
    assert.equal(after.bytes, before.bytes + stored.size);
  });
});
