import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { nextCheckTime, retryCheckTime } from './next-check-time.ts';

const now = new Date('2026-12-04T12:00:00Z');
const seconds = (at: Date) => (at.getTime() - now.getTime()) / 1000;

describe('nextCheckTime', () => {
  test('is one interval away, give or take 10 %', () => {
    assert.equal(seconds(nextCheckTime(now, 3600, () => 0.5)), 3600);
    assert.equal(seconds(nextCheckTime(now, 3600, () => 0)), 3240);
    assert.ok(Math.abs(seconds(nextCheckTime(now, 3600, () => 0.999_999)) - 3960) < 0.01);
  });
});

describe('retryCheckTime', () => {
  test('doubles the interval per further failure', () => {
    const half = () => 0.5;
    assert.equal(seconds(retryCheckTime(now, 1, 900, half)), 900);
    assert.equal(seconds(retryCheckTime(now, 2, 900, half)), 1800);
    assert.equal(seconds(retryCheckTime(now, 4, 900, half)), 7200);
  });

  test('waits at most a day, however many failures', () => {
    assert.equal(seconds(retryCheckTime(now, 40, 3600, () => 0.5)), 86_400);
  });

  test("never before TikTok's Retry-After, even with jitter", () => {
    assert.equal(seconds(retryCheckTime(now, 1, 60, () => 0, 600)), 600);
  });
});
