import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { isAppError } from '@tiksavr/core';
import { createTestDatabase, type TestDatabase } from '@tiksavr/db/testing';
import { budgetRateFrom, UPSTREAM_RATE_SETTING } from './budget-rate-setting.ts';
import type { BudgetClaim, BudgetPurpose, UpstreamBudget } from './budget-types.ts';
import {
  gapsOf,
  grantTimes,
  installGrantLog,
  resetBudget,
  testBudget,
  waiterCount,
  waitUntil,
} from './test-support/budget-test-world.ts';

let database: TestDatabase;
const open: UpstreamBudget[] = [];

before(async () => {
  database = await createTestDatabase('budget');
  await installGrantLog(database.db);
});
after(async () => {
  await database?.drop();
});
beforeEach(async () => {
  await Promise.all(open.splice(0).map((budget) => budget.close()));
  await resetBudget(database.db);
});

function budget(...args: Parameters<typeof testBudget> extends [unknown, ...infer Rest] ? Rest : never) {
  const created = testBudget(database.db, ...args);
  open.push(created);
  return created;
}

const claim = (purpose: BudgetPurpose, dueAt = new Date(), label?: string): BudgetClaim => ({
  purpose,
  dueAt,
  ...(label === undefined ? {} : { label }),
});

/** `loops` requesters in one process, `each` requests apiece, one after another. */
async function hammer(target: UpstreamBudget, loops: number, each: number): Promise<number> {
  let granted = 0;
  await Promise.all(
    Array.from({ length: loops }, async () => {
      for (let index = 0; index < each; index++) {
        await target.acquire(claim('download'));
        granted++;
      }
    }),
  );
  return granted;
}

async function isCanceled(promise: Promise<unknown>): Promise<boolean> {
  try {
    await promise;
    return false;
  } catch (error) {
    return isAppError(error) && error.code === 'canceled';
  }
}

describe('the upstream budget', () => {
  test('two processes sharing it never start requests closer than the interval, and leave no slot idle', async () => {
    // 600/min: one request every 100 ms, from two "processes" with two requesters each.
    const a = budget('process-a', 600);
    const b = budget('process-b', 600);
    const [fromA, fromB] = await Promise.all([hammer(a, 2, 6), hammer(b, 2, 6)]);
    assert.equal(fromA + fromB, 24);
    const times = await grantTimes(database.db);
    assert.equal(times.length, 24);
    const gaps = gapsOf(times);
    assert.ok(Math.min(...gaps) >= 100, `closest grants ${Math.min(...gaps)} ms apart (interval 100 ms)`);
    const meanGap = (times.at(-1)! - times[0]!) / gaps.length;
    // While work is due every slot is used: the mean gap stays near the interval (generous for a busy machine).
    assert.ok(meanGap < 150, `mean gap ${meanGap.toFixed(1)} ms`);
    const minutes = await database.db.upstreamMinute.findMany();
    assert.equal(
      minutes.reduce((sum, m) => sum + m.granted, 0),
      24,
    );
    assert.equal(await waiterCount(database.db), 0);
  });

  test('a story waiting beside watch checks gets the next slot, the nearest deadline first; identify comes before watch checks', async () => {
    const a = budget('process-a', 200); // a slot every 300 ms
    const b = budget('process-b', 200);
    const hourAgo = new Date(Date.now() - 3_600_000);
    await a.acquire(claim('watch_check', hourAgo)); // takes the slot now: the next is 300 ms away
    const order: string[] = [];
    const wait = (on: UpstreamBudget, c: BudgetClaim, label: string) =>
      on.acquire(c).then(() => {
        order.push(label);
      });
    const waiting = [
      wait(a, claim('watch_check', hourAgo), 'watch 1'),
      wait(b, claim('watch_check', new Date(hourAgo.getTime() + 1)), 'watch 2'),
      wait(a, claim('watch_check', new Date(hourAgo.getTime() + 2)), 'watch 3'),
    ];
    await waitUntil('the watch checks to wait', async () => (await waiterCount(database.db)) === 3);
    waiting.push(
      wait(b, claim('identify', new Date(Date.now() - 600_000)), 'identify'),
      wait(b, claim('story', new Date(Date.now() + 20 * 3_600_000)), 'story due in 20 h'),
      wait(a, claim('story', new Date(Date.now() + 2 * 3_600_000)), 'story due in 2 h'),
    );
    await Promise.all(waiting);
    assert.deepEqual(order, [
      'story due in 2 h',
      'story due in 20 h',
      'identify',
      'watch 1',
      'watch 2',
      'watch 3',
    ]);
    assert.ok(Math.min(...gapsOf(await grantTimes(database.db))) >= 300);
  });

  test('a pushback doubles the interval; pushbacks in a burst count once; the slowdown halves after each quiet stretch', async () => {
    const a = budget('process-a', 600, { pushbackDebounceMs: 10_000, recoveryMs: 60_000 });
    await a.acquire(claim('download'));
    await a.reportPushback({ kind: 'challenge' });
    await a.reportPushback({ kind: 'login_wall' }); // the same burst: still ×2
    const slowed = await a.status();
    assert.equal(slowed.slowdown, 2);
    assert.equal(slowed.requestsPerMinute, 600);
    assert.equal(slowed.effectiveRequestsPerMinute, 300);
    assert.equal(slowed.lastPushback?.kind, 'login_wall');
    assert.equal(slowed.pausedUntil, null, 'only a 429 pauses');
    assert.equal(slowed.lastHour.at(-1)?.pushbacks, 2);
    await a.acquire(claim('download'));
    await a.acquire(claim('download'));
    const gaps = gapsOf(await grantTimes(database.db));
    assert.ok(
      gaps.every((gap) => gap >= 200),
      `gaps ${gaps.join(', ')} ms (slowed interval 200 ms)`,
    );

    // Later pushbacks, each after the debounce, multiply again; quiet stretches halve it.
    // Instances with shifted clocks stand for the minutes passing.
    const at = (offsetMs: number) =>
      budget('process-b', 600, { recoveryMs: 60_000 }, () => new Date(Date.now() + offsetMs));
    await at(15_000).reportPushback({ kind: 'item_hidden' });
    await at(30_000).reportPushback({ kind: 'challenge' });
    assert.equal((await at(30_000).status()).slowdown, 8);
    assert.equal((await at(30_000 + 59_000).status()).slowdown, 8);
    assert.equal((await at(30_000 + 61_000).status()).slowdown, 4);
    assert.equal((await at(30_000 + 121_000).status()).slowdown, 2);
    const recovered = await at(30_000 + 181_000).status();
    assert.equal(recovered.slowdown, 1);
    assert.equal(recovered.effectiveRequestsPerMinute, 600);
  });

  test('a 429 pauses every process until its Retry-After', async () => {
    const a = budget('process-a', 600);
    const b = budget('process-b', 600);
    await a.acquire(claim('download'));
    await b.reportPushback({ kind: 'rate_limited', retryAfterSeconds: 1 });
    const paused = await a.status();
    assert.ok(paused.pausedUntil !== null);
    const pauseMs = paused.pausedUntil.getTime() - paused.at.getTime();
    assert.ok(pauseMs > 900 && pauseMs <= 1000, `paused for ${pauseMs} ms`);
    assert.equal(paused.lastPushback?.kind, 'rate_limited');
    await a.acquire(claim('story'));
    const times = await grantTimes(database.db);
    assert.equal(times.length, 2);
    assert.ok(times[1]! >= paused.pausedUntil.getTime(), 'the next request started after the pause');
    assert.equal((await a.status()).pausedUntil, null);
  });

  test("a crashed process's waiter does not block the others", async () => {
    const insertCrashedWaiter = (heartbeatAgeMs: number) =>
      database.db.$executeRaw`
        INSERT INTO "UpstreamBudgetWaiter" (id, priority, holder, purpose, "createdAt", "heartbeatAt")
        VALUES (gen_random_uuid(), 0, 'crashed', 'story', now() - interval '1 hour',
                (clock_timestamp() AT TIME ZONE 'UTC') - ${heartbeatAgeMs}::float8 * interval '1 millisecond')`;
    const a = budget('process-a', 600, { waiterStaleMs: 600 });
    // Long dead: skipped at once, and not counted as waiting.
    await insertCrashedWaiter(3_600_000);
    assert.equal((await a.status()).waiting.story, 0);
    let started = performance.now();
    await a.acquire(claim('watch_check'));
    assert.ok(performance.now() - started < 1_000);
    // Died just now (fresh heartbeat, first in line): the others wait only until it goes stale.
    await database.db.upstreamBudgetWaiter.deleteMany();
    await insertCrashedWaiter(0);
    started = performance.now();
    await a.acquire(claim('watch_check'));
    const waited = performance.now() - started;
    assert.ok(waited >= 450 && waited < 3_000, `waited ${waited.toFixed(0)} ms for a 600 ms staleness`);
  });

  test('an abort stops the wait and removes its row; close rejects what still waits', async () => {
    const a = budget('process-a', 600);
    await a.reportPushback({ kind: 'rate_limited', retryAfterSeconds: 60 });
    const controller = new AbortController();
    const aborted = a.acquire(claim('story'), controller.signal);
    await waitUntil('the request to wait', async () => (await waiterCount(database.db)) === 1);
    controller.abort();
    assert.ok(await isCanceled(aborted));
    assert.equal(await waiterCount(database.db), 0);

    assert.ok(await isCanceled(a.acquire(claim('story'), AbortSignal.abort())));
    assert.equal(await waiterCount(database.db), 0);

    const pending = [a.acquire(claim('story')), a.acquire(claim('watch_check'))].map(isCanceled);
    await waitUntil('both to wait', async () => (await waiterCount(database.db)) === 2);
    await a.close();
    assert.deepEqual(await Promise.all(pending), [true, true]);
    assert.equal(await waiterCount(database.db), 0);
    assert.ok(await isCanceled(a.acquire(claim('story'))), 'a closed budget grants nothing');
    assert.equal((await grantTimes(database.db)).length, 0);
  });

  test('status counts live waiters by purpose and the last hour by minute', async () => {
    const a = budget('process-a', 600);
    await hammer(a, 1, 3);
    await a.reportPushback({ kind: 'rate_limited', retryAfterSeconds: 60 });
    const pending = [
      a.acquire(claim('story')),
      a.acquire(claim('watch_check')),
      a.acquire(claim('watch_check')),
      a.acquire(claim('identify')),
    ];
    for (const p of pending) p.catch(() => {});
    await waitUntil('four to wait', async () => (await waiterCount(database.db)) === 4);
    const status = await a.status();
    assert.deepEqual(status.waiting, { story: 1, identify: 1, download: 0, watch_check: 2 });
    assert.ok(status.oldestWaitingSince !== null && status.oldestWaitingSince <= status.at);
    assert.equal(status.lastHour.length, 60);
    const current = status.lastHour.at(-1)!;
    assert.equal(current.minute.getTime(), Math.floor(status.at.getTime() / 60_000) * 60_000);
    // The three grants and the pushback fall in this minute or (rarely) the one before.
    const recent = status.lastHour.slice(-2);
    assert.equal(
      recent.reduce((sum, m) => sum + m.granted, 0),
      3,
    );
    assert.equal(
      recent.reduce((sum, m) => sum + m.pushbacks, 0),
      1,
    );
    assert.ok(status.nextSlotAt >= status.pausedUntil!);
  });

  test("the admin's Setting changes the rate while requests wait", async () => {
    const a = budget('process-a', () => budgetRateFrom(database.db, 600));
    await hammer(a, 1, 2);
    await database.db.setting.create({ data: { key: UPSTREAM_RATE_SETTING, value: 200 } });
    await hammer(a, 1, 2);
    const gaps = gapsOf(await grantTimes(database.db));
    assert.ok(gaps[0]! >= 100 && gaps[0]! < 300, `first gap ${gaps[0]} ms at 600/min`);
    assert.ok(
      gaps.slice(1).every((gap) => gap >= 300),
      `gaps ${gaps.join(', ')} ms; 300 after the change`,
    );
    assert.equal((await a.status()).requestsPerMinute, 200);
  });
});
