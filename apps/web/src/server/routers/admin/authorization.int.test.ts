import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { JOBS } from '@tiksavr/core';
import { ensureQueues } from '@tiksavr/db';
import { createTestDatabase, seedDownload, seedUser, type TestDatabase } from '@tiksavr/db/testing';
import { TRPCError } from '@trpc/server';
import { callerFactory, sessionUserOf } from '../../testing/callers.ts';
import type { SessionUser } from '../../trpc.ts';
import { adminRouter } from './router.ts';

type Caller = ReturnType<ReturnType<typeof callerFactory>['callerFor']>;

/** One call per admin procedure, with valid input; the test checks that the table is complete. */
const CALLS: Record<string, (caller: Caller, downloadId: string, userId: string) => Promise<unknown>> = {
  'overview.get': (c) => c.admin.overview.get(),
  'stories.atRisk': (c) => c.admin.stories.atRisk({}),
  'jobs.list': (c) => c.admin.jobs.list({}),
  'jobs.get': (c, id) => c.admin.jobs.get({ id }),
  'jobs.retry': (c, id) => c.admin.jobs.retry({ ids: [id] }),
  'jobs.cancel': (c, id) => c.admin.jobs.cancel({ ids: [id] }),
  'jobs.delete': (c, id) => c.admin.jobs.delete({ ids: [id] }),
  'workers.list': (c) => c.admin.workers.list(),
  'downloader.status': (c) => c.admin.downloader.status(),
  'users.list': (c) => c.admin.users.list({}),
  'users.setRole': (c, _id, userId) => c.admin.users.setRole({ userId, role: 'user' }),
  'users.setBanned': (c, _id, userId) => c.admin.users.setBanned({ userId, banned: false }),
  'users.setQuota': (c, _id, userId) => c.admin.users.setQuota({ userId, items: 'default' }),
  'storage.get': (c) => c.admin.storage.get(),
  'storage.set': (c) => c.admin.storage.set({}),
  'tokens.list': (c) => c.admin.tokens.list({}),
  'notifications.failures': (c) => c.admin.notifications.failures(),
  'notifications.settings': (c) => c.admin.notifications.settings(),
  'notifications.setAllowPrivateTargets': (c) =>
    c.admin.notifications.setAllowPrivateTargets({ allow: false }),
  'upstream.get': (c) => c.admin.upstream.get(),
  'upstream.behind': (c) => c.admin.upstream.behind(),
  'upstream.setSettings': (c) => c.admin.upstream.setSettings({}),
  // The caller makes a token of its own first (anonymous is refused there, a user then here).
  'tokens.revoke': async (c) => {
    const { apiToken } = await c.tokens.create({ name: 'authz', expiresInDays: null });
    return c.admin.tokens.revoke({ id: apiToken.id });
  },
};

describe('admin procedures check the role on the server', () => {
  let database: TestDatabase;
  let callers: ReturnType<typeof callerFactory>;
  let admin: SessionUser;
  let user: SessionUser;
  let downloadId: string;

  before(async () => {
    database = await createTestDatabase('admin_authz');
    callers = callerFactory(database.db, database.url);
    await ensureQueues(await callers.boss(), JOBS);
    admin = sessionUserOf(await seedUser(database.db, { role: 'admin' }));
    user = sessionUserOf(await seedUser(database.db));
    downloadId = (await seedDownload(database.db, user.id, { state: 'failed', jobId: randomUUID() })).id;
  });
  after(async () => {
    await callers?.close();
    await database?.drop();
  });

  test('the table names every admin procedure', () => {
    assert.deepEqual(Object.keys(adminRouter._def.procedures).sort(), Object.keys(CALLS).sort());
  });

  for (const [path, call] of Object.entries(CALLS)) {
    test(`admin.${path}: anonymous → UNAUTHORIZED, user → FORBIDDEN, admin → ok`, async () => {
      await assert.rejects(
        call(callers.callerFor(null), downloadId, user.id),
        (e: unknown) => e instanceof TRPCError && e.code === 'UNAUTHORIZED',
      );
      await assert.rejects(
        call(callers.callerFor(user), downloadId, user.id),
        (e: unknown) => e instanceof TRPCError && e.code === 'FORBIDDEN',
      );
      // Fresh row for the admin: an earlier admin call may have deleted or changed it.
      const fresh = (await seedDownload(database.db, user.id, { state: 'failed' })).id;
      await call(callers.callerFor(admin), fresh, user.id);
    });
  }

  test('a refused user changed nothing', async () => {
    const row = await database.db.download.findUnique({ where: { id: downloadId } });
    assert.equal(row?.state, 'failed');
    assert.equal((await database.db.user.findUnique({ where: { id: user.id } }))?.banned, false);
  });
});
