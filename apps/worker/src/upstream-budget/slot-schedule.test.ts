import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEFAULT_BUDGET_TUNING } from './budget-tuning.ts';
import { type BudgetRowState, effectiveSlowdown, pushbackEffect, slotSchedule } from './slot-schedule.ts';

const MINUTE = 60_000;
const tuning = { ...DEFAULT_BUDGET_TUNING, recoveryMs: 10 * MINUTE, pushbackDebounceMs: 10_000 };
const fresh: BudgetRowState = { lastSlotMs: 0, storedSlowdown: 1, pausedUntilMs: null, lastPushbackMs: null };

describe('slot schedule', () => {
  test('slots are 60 s ÷ rate × slowdown apart, and never inside a pause', () => {
    const now = 1_000_000;
    const idle = slotSchedule({ ...fresh, lastSlotMs: now - 100_000 }, now, 20, tuning);
    assert.equal(idle.intervalMs, 3_000);
    assert.ok(idle.nextSlotMs <= now, 'an idle budget grants at once');
    const busy = slotSchedule({ ...fresh, lastSlotMs: now }, now, 20, tuning);
    assert.equal(busy.nextSlotMs, now + 3_000);
    const slowed = slotSchedule(
      { ...fresh, lastSlotMs: now, storedSlowdown: 4, lastPushbackMs: now },
      now,
      20,
      tuning,
    );
    assert.equal(slowed.intervalMs, 12_000);
    const paused = slotSchedule({ ...fresh, lastSlotMs: now, pausedUntilMs: now + 30_000 }, now, 20, tuning);
    assert.equal(paused.nextSlotMs, now + 30_000);
  });

  test('the slowdown halves per quiet stretch, never below 1', () => {
    const state = { storedSlowdown: 8, lastPushbackMs: 0 };
    assert.deepEqual(
      [0, 9, 10, 25, 30, 100].map((minutes) => effectiveSlowdown(state, minutes * MINUTE, tuning)),
      [8, 8, 4, 2, 1, 1],
    );
  });

  test('a pushback doubles the slowdown in force, up to the cap; a burst counts once', () => {
    const now = 100 * MINUTE;
    const first = pushbackEffect(fresh, now, { kind: 'challenge' }, tuning);
    assert.deepEqual(first, { storedSlowdown: 2, pausedUntilMs: null });
    const burst = { ...fresh, storedSlowdown: 2, lastPushbackMs: now };
    assert.equal(pushbackEffect(burst, now + 5_000, { kind: 'item_hidden' }, tuning).storedSlowdown, 2);
    assert.equal(pushbackEffect(burst, now + 11_000, { kind: 'item_hidden' }, tuning).storedSlowdown, 4);
    // Half recovered (8 → 4 after 10 quiet minutes), then pushed back again: 4 × 2.
    const partly = { ...fresh, storedSlowdown: 8, lastPushbackMs: now };
    assert.equal(pushbackEffect(partly, now + 10 * MINUTE, { kind: 'login_wall' }, tuning).storedSlowdown, 8);
    const capped = { ...fresh, storedSlowdown: 16, lastPushbackMs: now - MINUTE };
    assert.equal(pushbackEffect(capped, now, { kind: 'challenge' }, tuning).storedSlowdown, 16);
  });

  test('a 429 pauses for its Retry-After (capped), or a default pause; a longer pause already set stays', () => {
    const now = 100 * MINUTE;
    const limited = (retryAfterSeconds?: number, state = fresh) =>
      pushbackEffect(
        state,
        now,
        { kind: 'rate_limited', ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }) },
        tuning,
      ).pausedUntilMs;
    assert.equal(limited(30), now + 30_000);
    assert.equal(limited(), now + tuning.rateLimitedPauseMs);
    assert.equal(limited(10 * 86_400), now + tuning.maxPauseMs);
    assert.equal(limited(5, { ...fresh, pausedUntilMs: now + 20_000 }), now + 20_000);
    assert.equal(
      pushbackEffect({ ...fresh, pausedUntilMs: now - 1 }, now, { kind: 'challenge' }, tuning).pausedUntilMs,
      null,
    );
  });
});
