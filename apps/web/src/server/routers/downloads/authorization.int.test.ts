import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { JOBS } from '@tiksavr/core';
import { ensureQueues } from '@tiksavr/db';
import { createTestDatabase, seedDownload, seedUser, type TestDatabase } from '@tiksavr/db/testing';
import { TRPCError } from '@trpc/server';
import { callerFactory, sessionUserOf } from '../../testing/callers.ts';
import type { SessionUser } from '../../trpc.ts';

/**
 * The authorization matrix: every procedure × {anonymous, user A, user B, admin}. A owns the rows
 * the inputs point at; B and the admin must see them exactly as ids that do not exist.
 */
type Who = 'anonymous' | 'A' | 'B' | 'admin';
type Outcome = 'ok' | 'UNAUTHORIZED' | 'FORBIDDEN' | 'NOT_FOUND';
type Caller = ReturnType<ReturnType<typeof callerFactory>['callerFor']>;

describe('authorization matrix', () => {
  let database: TestDatabase;
  let callers: ReturnType<typeof callerFactory>;
  const users = {} as Record<Exclude<Who, 'anonymous'>, SessionUser>;
  /** Fresh A-owned downloads per call, so mutations never depend on an earlier row. */
  let seedA: (state: 'queued' | 'failed' | 'done') => Promise<string>;

  before(async () => {
    database = await createTestDatabase('authz');
    callers = callerFactory(database.db, database.url);
    await ensureQueues(await callers.boss(), JOBS);
    users.admin = sessionUserOf(await seedUser(database.db, { role: 'admin' }));
    users.A = sessionUserOf(await seedUser(database.db, { role: 'user' }));
    users.B = sessionUserOf(await seedUser(database.db, { role: 'user' }));
    seedA = async (state) => (await seedDownload(database.db, users.A.id, { state })).id;
  });
  after(async () => {
    await callers?.close();
    await database?.drop();
  });

  const callerOf = (who: Who): Caller => callers.callerFor(who === 'anonymous' ? null : users[who]);

  async function outcomeOf(run: () => Promise<unknown>): Promise<Outcome> {
    try {
      await run();
      return 'ok';
    } catch (error) {
      if (error instanceof TRPCError && ['UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND'].includes(error.code)) {
        return error.code as Outcome;
      }
      throw error;
    }
  }

  const OWNED: Record<Who, Outcome> = {
    anonymous: 'UNAUTHORIZED',
    A: 'ok',
    B: 'NOT_FOUND',
    admin: 'NOT_FOUND',
  };
  const SIGNED_IN: Record<Who, Outcome> = { anonymous: 'UNAUTHORIZED', A: 'ok', B: 'ok', admin: 'ok' };
  const ADMIN: Record<Who, Outcome> = {
    anonymous: 'UNAUTHORIZED',
    A: 'FORBIDDEN',
    B: 'FORBIDDEN',
    admin: 'ok',
  };
  const EVERYONE: Record<Who, Outcome> = { anonymous: 'ok', A: 'ok', B: 'ok', admin: 'ok' };

  const matrix: {
    procedure: string;
    expected: Record<Who, Outcome>;
    call: (c: Caller) => Promise<unknown>;
  }[] = [
    { procedure: 'me', expected: EVERYONE, call: (c) => c.me() },
    {
      procedure: 'downloads.precheck',
      expected: SIGNED_IN,
      call: (c) => c.downloads.precheck({ text: 'https://vm.tiktok.com/ZMabc/' }),
    },
    {
      procedure: 'downloads.submit',
      expected: SIGNED_IN,
      call: (c) => c.downloads.submit({ text: 'https://www.tiktok.com/@a/video/7524919459643919624' }),
    },
    { procedure: 'downloads.list', expected: SIGNED_IN, call: (c) => c.downloads.list({}) },
    {
      procedure: 'downloads.byIds',
      expected: SIGNED_IN,
      call: async (c) => c.downloads.byIds({ ids: [await seedA('done')] }),
    },
    {
      procedure: 'downloads.get',
      expected: OWNED,
      call: async (c) => c.downloads.get({ id: await seedA('done') }),
    },
    {
      procedure: 'downloads.retry',
      expected: OWNED,
      call: async (c) => c.downloads.retry({ id: await seedA('failed') }),
    },
    {
      procedure: 'downloads.cancel',
      expected: OWNED,
      call: async (c) => c.downloads.cancel({ id: await seedA('queued') }),
    },
    {
      procedure: 'downloads.delete',
      expected: OWNED,
      call: async (c) => c.downloads.delete({ id: await seedA('done') }),
    },
    { procedure: 'settings.signup.get', expected: ADMIN, call: (c) => c.settings.signup.get() },
    { procedure: 'settings.signup.set', expected: ADMIN, call: (c) => c.settings.signup.set({ open: true }) },
  ];

  for (const { procedure, expected, call } of matrix) {
    test(procedure, async () => {
      const actual = {} as Record<Who, Outcome>;
      for (const who of ['anonymous', 'A', 'B', 'admin'] as const)
        actual[who] = await outcomeOf(() => call(callerOf(who)));
      assert.deepEqual(actual, expected);
    });
  }

  test("B learns nothing from A's ids: same error as a random id, rows untouched", async () => {
    const ids = { queued: await seedA('queued'), failed: await seedA('failed'), done: await seedA('done') };
    const b = callerOf('B');
    const errorOf = async (run: () => Promise<unknown>) => {
      try {
        await run();
        assert.fail('expected an error');
      } catch (error) {
        assert.ok(error instanceof TRPCError);
        return { code: error.code, message: error.message, appCode: (error.cause as { code?: string }).code };
      }
    };
    const missing = await errorOf(() => b.downloads.get({ id: randomUUID() }));
    assert.deepEqual(missing, { code: 'NOT_FOUND', message: missing.message, appCode: 'download_not_found' });
    assert.deepEqual(await errorOf(() => b.downloads.get({ id: ids.done })), missing);
    assert.deepEqual(await errorOf(() => b.downloads.retry({ id: ids.failed })), missing);
    assert.deepEqual(await errorOf(() => b.downloads.cancel({ id: ids.queued })), missing);
    assert.deepEqual(await errorOf(() => b.downloads.delete({ id: ids.done })), missing);
    assert.deepEqual(await b.downloads.byIds({ ids: Object.values(ids) }), []);
    const bList = await b.downloads.list({ limit: 100 });
    assert.ok(bList.items.every((item) => !Object.values(ids).includes(item.id)));

    const rows = await database.db.download.findMany({ where: { id: { in: Object.values(ids) } } });
    assert.equal(rows.length, 3);
    assert.deepEqual(rows.map((r) => r.state).sort(), ['done', 'failed', 'queued']);
  });

  test('me tells who is signed in', async () => {
    assert.equal(await callerOf('anonymous').me(), null);
    assert.deepEqual(await callerOf('A').me(), {
      id: users.A.id,
      email: users.A.email,
      name: users.A.name,
      role: 'user',
    });
  });

  test('an admin closes and reopens sign-up', async () => {
    const admin = callerOf('admin');
    assert.deepEqual(await admin.settings.signup.set({ open: false }), { open: false });
    assert.deepEqual(await admin.settings.signup.get(), { open: false });
    assert.deepEqual(await admin.settings.signup.set({ open: true }), { open: true });
    assert.deepEqual(await admin.settings.signup.get(), { open: true });
  });
});
