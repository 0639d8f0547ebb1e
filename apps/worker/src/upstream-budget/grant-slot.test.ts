import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, beforeEach, describe, test } from 'node:test';
import type { Db } from '@tiksavr/db';
import { createTestDatabase, type TestDatabase } from '@tiksavr/db/testing';
import type { UpstreamBudget } from './budget-types.ts';
import {
  type GrantAttempt,
  type GrantOutcome,
  leadBefore,
  newcomersMayWait,
  sleepAfterLook,
  tryGrantSlot,
} from './grant-slot.ts';
import { type BudgetRowState, slotSchedule } from './slot-schedule.ts';
import { testBudget } from './test-support/budget-test-world.ts';
import type { WaiterRow } from './waiter-rows.ts';

let database: TestDatabase;
before(async () => {
  database = await createTestDatabase('grantslot');
});
after(async () => {
  await database?.drop();
});
beforeEach(async () => {
  await database.db.$executeRawUnsafe(
    `TRUNCATE "UpstreamBudget", "UpstreamBudgetWaiter", "UpstreamMinute", "Setting"`,
  );
});

const NOW = Date.UTC(2026, 11, 4, 12, 0, 0);
const RECOVERY_MS = 600_000;

function attempt(overrides: Partial<GrantAttempt> = {}): GrantAttempt {
  return {
    holder: 'here',
    ours: [],
    write: [],
    sweepDeadMs: null,
    staleMs: 15_000,
    requestsPerMinute: 20,
    recoveryMs: RECOVERY_MS,
    leadMs: 0,
    nowMs: NOW,
    ...overrides,
  };
}

const newWaiter = (priority: bigint): WaiterRow => ({
  id: randomUUID(),
  priority,
  purpose: 'download',
  createdAtMs: null,
});

const at = (ms: number | null) => (ms === null ? null : new Date(ms));

async function setRow(state: BudgetRowState): Promise<void> {
  await database.db.upstreamBudget.create({
    data: {
      id: 1,
      lastSlotAt: new Date(state.lastSlotMs),
      slowdown: state.storedSlowdown,
      pausedUntil: at(state.pausedUntilMs),
      lastPushbackAt: at(state.lastPushbackMs),
    },
  });
}

/** Counts the statements a budget sends (every Prisma call starting with `$`). */
function countingDb(db: Db): { db: Db; statements: () => number } {
  let statements = 0;
  const counted = new Proxy(db, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      if (typeof value !== 'function' || typeof key !== 'string' || !key.startsWith('$')) return value;
      return (...args: unknown[]) => {
        statements++;
        return value.apply(target, args);
      };
    },
  });
  return { db: counted, statements: () => statements };
}

describe('one look at the budget (upstream_budget_look)', () => {
  test('computes the same slowdown, interval and next slot as slot-schedule.ts', async () => {
    const fresh: BudgetRowState = {
      lastSlotMs: 0,
      storedSlowdown: 1,
      pausedUntilMs: null,
      lastPushbackMs: null,
    };
    const states: BudgetRowState[] = [
      { ...fresh, lastSlotMs: NOW - 1_000 },
      { ...fresh, lastSlotMs: NOW - 100_000 },
      { ...fresh, lastSlotMs: NOW, storedSlowdown: 8, lastPushbackMs: NOW - 2.5 * RECOVERY_MS },
      { ...fresh, lastSlotMs: NOW, storedSlowdown: 16, lastPushbackMs: NOW - 1 },
      // Quiet for ages: an exponent that would overflow float8 without the cap.
      { ...fresh, lastSlotMs: NOW, storedSlowdown: 16, lastPushbackMs: 0 },
      { ...fresh, lastSlotMs: NOW, storedSlowdown: 4, lastPushbackMs: null },
      { ...fresh, lastSlotMs: NOW - 500, pausedUntilMs: NOW + 30_000 },
      {
        ...fresh,
        lastSlotMs: NOW - 500,
        pausedUntilMs: NOW - 30_000,
        storedSlowdown: 2,
        lastPushbackMs: NOW,
      },
    ];
    for (const [index, state] of states.entries()) {
      await database.db.upstreamBudget.deleteMany();
      await setRow(state);
      for (const rate of [20, 7, 600]) {
        const outcome = await tryGrantSlot(database.db, attempt({ requestsPerMinute: rate }));
        const expected = slotSchedule(state, NOW, rate, { recoveryMs: RECOVERY_MS });
        assert.equal(outcome.nowMs, NOW);
        assert.ok(
          Math.abs(outcome.intervalMs - expected.intervalMs) < 1e-6,
          `state ${index} at ${rate}/min: interval ${outcome.intervalMs}, expected ${expected.intervalMs}`,
        );
        assert.ok(
          Math.abs(outcome.nextSlotMs - expected.nextSlotMs) < 1e-3,
          `state ${index} at ${rate}/min: next slot ${outcome.nextSlotMs}, expected ${expected.nextSlotMs}`,
        );
        assert.equal(outcome.granted, null);
        assert.equal(outcome.next, 'nobody');
      }
    }
  });

  test('writes a new waiter and grants it in the same look when the slot has come', async () => {
    const waiter = newWaiter(5n);
    const outcome = await tryGrantSlot(database.db, attempt({ ours: [waiter.id], write: [waiter] }));
    assert.equal(outcome.granted, waiter.id);
    assert.equal(outcome.next, 'nobody');
    assert.equal(outcome.nextSlotMs, NOW + 3_000);
    const row = await database.db.upstreamBudget.findUniqueOrThrow({ where: { id: 1 } });
    assert.equal(row.lastSlotAt.getTime(), NOW);
    assert.equal(await database.db.upstreamBudgetWaiter.count(), 0);
    const minute = await database.db.upstreamMinute.findFirstOrThrow();
    assert.equal(minute.granted, 1);
  });

  test('grants only our waiter at the top of the live queue, and says who goes next', async () => {
    const theirs = newWaiter(1n);
    const ours = newWaiter(2n);
    const later = newWaiter(3n);
    // Another process's waiter, written by its own look.
    await tryGrantSlot(database.db, attempt({ holder: 'there', ours: [], write: [theirs] }));
    const blocked = await tryGrantSlot(
      database.db,
      attempt({ ours: [ours.id, later.id], write: [ours, later] }),
    );
    assert.equal(blocked.granted, null);
    assert.equal(blocked.next, 'theirs');
    assert.equal(blocked.othersWaiting, true);
    // Its process stops refreshing it: once stale, ours goes first, and the next one is ours too.
    const stale = await tryGrantSlot(
      database.db,
      attempt({ ours: [ours.id, later.id], nowMs: NOW + 16_000, staleMs: 15_000 }),
    );
    assert.equal(stale.granted, null, 'our rows went stale as well: nobody is live');
    assert.equal(stale.next, 'nobody');
    ours.createdAtMs = NOW;
    later.createdAtMs = NOW;
    const refreshed = await tryGrantSlot(
      database.db,
      attempt({ ours: [ours.id, later.id], write: [ours, later], nowMs: NOW + 16_000 }),
    );
    assert.equal(refreshed.granted, ours.id);
    assert.equal(refreshed.next, 'ours');
    assert.equal(refreshed.othersWaiting, false, "the other process's row is stale");
    // A sweep removes rows without a heartbeat for long.
    await tryGrantSlot(database.db, attempt({ ours: [later.id], sweepDeadMs: 10_000, nowMs: NOW + 16_000 }));
    const left = await database.db.upstreamBudgetWaiter.findMany({ select: { id: true } });
    assert.deepEqual(
      left.map((row) => row.id),
      [later.id],
    );
  });

  test('waits in the database for a slot of ours a few ms away, and grants it on the slot', async () => {
    // The last slot 96 ms ago at 600/min: the next one is 4 ms away.
    await database.db.$executeRaw`
      INSERT INTO "UpstreamBudget" (id, "lastSlotAt", slowdown, "updatedAt")
      VALUES (1, date_trunc('milliseconds', clock_timestamp() AT TIME ZONE 'UTC') - INTERVAL '96 milliseconds', 1,
              now() AT TIME ZONE 'UTC')`;
    const before = await database.db.upstreamBudget.findUniqueOrThrow({ where: { id: 1 } });
    const waiter = newWaiter(1n);
    const live = { ours: [waiter.id], requestsPerMinute: 600, nowMs: null, leadMs: 5 };
    const outcome = await tryGrantSlot(database.db, attempt({ ...live, write: [waiter] }));
    assert.equal(outcome.granted, waiter.id);
    const after = await database.db.upstreamBudget.findUniqueOrThrow({ where: { id: 1 } });
    const gap = after.lastSlotAt.getTime() - before.lastSlotAt.getTime();
    assert.ok(gap >= 100 && gap < 150, `granted ${gap} ms after the last slot (interval 100 ms)`);

    // A slot further away than the lead is not waited for.
    const next = newWaiter(2n);
    const early = await tryGrantSlot(database.db, attempt({ ...live, ours: [next.id], write: [next] }));
    assert.equal(early.granted, null);
    assert.equal(early.next, 'ours');
    assert.ok(early.nextSlotMs - early.nowMs > 50);
  });
});

describe('sleepAfterLook', () => {
  const outcome = (next: GrantOutcome['next'], untilSlotMs: number, othersWaiting = false): GrantOutcome => ({
    granted: null,
    writtenMs: NOW,
    nowMs: NOW,
    nextSlotMs: NOW + untilSlotMs,
    intervalMs: 3_000,
    next,
    othersWaiting: othersWaiting || next === 'theirs',
  });
  test('until our slot; a slot later when another process goes first; at once when rows must be written', () => {
    const none = { any: false, mayWait: false };
    const deferred = { any: true, mayWait: true };
    const urgent = { any: true, mayWait: false };
    assert.equal(sleepAfterLook(outcome('ours', 1_200), none, 0), 1_201);
    assert.equal(sleepAfterLook(outcome('ours', 1_200), deferred, 0), 1_201, 'newcomers written at our slot');
    assert.equal(sleepAfterLook(outcome('ours', 1_200), urgent, 0), 0, 'newcomers written now');
    assert.equal(sleepAfterLook(outcome('ours', -50), none, 0), 1, 'a slot already due');
    assert.equal(sleepAfterLook(outcome('theirs', 1_200), none, 0), 4_200);
    assert.equal(sleepAfterLook(outcome('theirs', 1_200), urgent, 0), 0, 'a newcomer may outrank theirs');
    assert.equal(sleepAfterLook(outcome('nobody', 1_200), none, 0), 0);
    // With a lead, the pump looks that much before its slot (at most a tenth of the interval).
    assert.equal(sleepAfterLook(outcome('ours', 1_200), none, 5), 1_195);
    assert.equal(sleepAfterLook(outcome('ours', 3), none, 5), 0);
    assert.equal(leadBefore(30, 5), 3);
    assert.equal(leadBefore(3_000, 5), 5);
    assert.equal(newcomersMayWait(outcome('ours', 1_200), true), true);
    assert.equal(newcomersMayWait(outcome('ours', 1_200), false), false, 'others waited not long ago');
    assert.equal(newcomersMayWait(outcome('ours', 1_200, true), true), false, 'another process waits');
    assert.equal(newcomersMayWait(outcome('nobody', 1_200), true), false);
  });
});

describe('what a grant costs', () => {
  let budget: UpstreamBudget | null = null;
  after(async () => {
    await budget?.close();
  });

  test('an idle budget grants in one statement, a busy one in about one per slot', async () => {
    const counting = countingDb(database.db);
    // A lone worker (no other process seen waiting): newcomers are written at the slot's look.
    budget = testBudget(counting.db, 'counted', 600, { aloneAfterMs: 0 });
    const claim = { purpose: 'download' as const, dueAt: new Date() };
    // Idle: each request comes after the previous slot's interval (100 ms) has passed.
    for (let index = 0; index < 5; index++) {
      await new Promise((r) => setTimeout(r, 120));
      await budget.acquire(claim);
    }
    // The first look also prunes old per-minute counters (once per ten minutes).
    assert.ok(counting.statements() <= 5 + 1, `${counting.statements()} statements for 5 idle grants`);

    // Busy: three requesters, 24 grants back to back.
    const before = counting.statements();
    let granted = 0;
    await Promise.all(
      Array.from({ length: 3 }, async () => {
        for (let index = 0; index < 8; index++) {
          await budget?.acquire(claim);
          granted++;
        }
      }),
    );
    const perGrant = (counting.statements() - before) / granted;
    assert.ok(perGrant <= 1.5, `${perGrant.toFixed(2)} statements per busy grant`);
  });
});
