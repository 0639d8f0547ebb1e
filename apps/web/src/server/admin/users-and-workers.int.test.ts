import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { createTestDatabase, seedDownload, seedUser, type TestDatabase } from '@tiksavr/db/testing';
import { callerFactory, sessionUserOf } from '../testing/callers.ts';
import type { SessionUser } from '../trpc.ts';
import { STALE_AFTER_MS } from './worker-list.ts';

describe('admin users and workers', () => {
  let database: TestDatabase;
  let callers: ReturnType<typeof callerFactory>;
  let admin: SessionUser;
  const caller = () => callers.callerFor(admin);

  before(async () => {
    database = await createTestDatabase('admin_users');
    callers = callerFactory(database.db, database.url);
    admin = sessionUserOf(
      await seedUser(database.db, { role: 'admin', email: `zz-admin-${randomUUID()}@example.test` }),
    );
  });
  after(async () => {
    await callers?.close();
    await database?.drop();
  });

  test('lists accounts by email prefix, a page at a time, with their download counts', async () => {
    const prefix = `team-${randomUUID().slice(0, 8)}`;
    const team = [];
    for (let index = 0; index < 5; index++) {
      team.push(
        await seedUser(database.db, {
          email: `${prefix}-${index}@example.test`,
          createdAt: new Date(Date.UTC(2026, 0, 1, 0, index)),
        }),
      );
    }
    await seedDownload(database.db, team[0]?.id ?? '');
    await seedDownload(database.db, team[0]?.id ?? '');
    const first = await caller().admin.users.list({ email: prefix.toUpperCase(), limit: 3 });
    assert.deepEqual(
      first.users.map((user) => user.email),
      [4, 3, 2].map((index) => `${prefix}-${index}@example.test`),
    );
    assert.ok(first.nextCursor);
    const second = await caller().admin.users.list({ email: prefix, limit: 3, cursor: first.nextCursor });
    assert.deepEqual(
      second.users.map((user) => [user.email, user.downloads]),
      [
        [`${prefix}-1@example.test`, 0],
        [`${prefix}-0@example.test`, 2],
      ],
    );
    assert.equal(second.nextCursor, null);
  });

  test('changes a role, but never the caller’s own', async () => {
    const someone = await seedUser(database.db);
    await caller().admin.users.setRole({ userId: someone.id, role: 'admin' });
    assert.equal((await database.db.user.findUnique({ where: { id: someone.id } }))?.role, 'admin');
    await assert.rejects(caller().admin.users.setRole({ userId: admin.id, role: 'user' }), {
      code: 'CONFLICT',
    });
    await assert.rejects(caller().admin.users.setRole({ userId: 'no-such-user', role: 'user' }), {
      code: 'NOT_FOUND',
    });
  });

  test('banning disables the account and revokes its sessions; unbanning enables it', async () => {
    const someone = await seedUser(database.db);
    for (const token of ['t1', 't2']) {
      await database.db.session.create({
        data: {
          id: randomUUID(),
          token: `${token}-${randomUUID()}`,
          userId: someone.id,
          expiresAt: new Date(Date.now() + 3_600_000),
        },
      });
    }
    const banned = await caller().admin.users.setBanned({
      userId: someone.id,
      banned: true,
      reason: 'abuse',
    });
    assert.equal(banned.revokedSessions, 2);
    const row = await database.db.user.findUnique({ where: { id: someone.id } });
    assert.equal(row?.banned, true);
    assert.equal(row?.banReason, 'abuse');
    assert.equal(await database.db.session.count({ where: { userId: someone.id } }), 0);
    await caller().admin.users.setBanned({ userId: someone.id, banned: false });
    assert.equal((await database.db.user.findUnique({ where: { id: someone.id } }))?.banned, false);
    await assert.rejects(caller().admin.users.setBanned({ userId: admin.id, banned: true }), {
      code: 'CONFLICT',
    });
  });

  test('workers: fresh ones are live, silent ones are flagged stale', async () => {
    const now = Date.now();
    await database.db.workerHeartbeat.createMany({
      data: [
        {
          id: 'fresh',
          host: 'a',
          pid: 10,
          version: '1',
          concurrency: 4,
          transfer: 'curl 7.88.1 from 8 MiB, node:http below',
          inFlight: 2,
          lastSeenAt: new Date(now - 1000),
        },
        {
          id: 'silent',
          host: 'b',
          pid: 11,
          version: '1',
          concurrency: 4,
          inFlight: 1,
          lastSeenAt: new Date(now - STALE_AFTER_MS - 5000),
        },
      ],
    });
    const { workers } = await caller().admin.workers.list();
    assert.deepEqual(
      workers.map((worker) => [worker.id, worker.stale, worker.inFlight, worker.transfer]),
      [
        ['fresh', false, 2, 'curl 7.88.1 from 8 MiB, node:http below'],
        ['silent', true, 1, ''],
      ],
    );
  });
});
