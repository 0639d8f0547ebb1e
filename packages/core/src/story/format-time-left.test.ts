import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formatTimeLeft } from './format-time-left.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;

describe('formatTimeLeft', () => {
  const cases: ReadonlyArray<[number, string]> = [
    [23 * HOUR + 12 * MIN + 59_000, '23 h 12 min left'],
    [24 * HOUR, '24 h left'],
    [2 * HOUR, '2 h left'],
    [HOUR + MIN, '1 h 1 min left'],
    [59 * MIN + 59_999, '59 min left'],
    [4 * MIN + 30_000, '4 min left'],
    [MIN, '1 min left'],
    [59_999, 'less than 1 min left'],
    [1, 'less than 1 min left'],
    [0, 'expired'],
    [-5 * MIN, 'expired'],
    [Number.NaN, 'expired'],
  ];
  for (const [ms, text] of cases) {
    test(`${ms} ms → "${text}"`, () => assert.equal(formatTimeLeft(ms), text));
  }
});
