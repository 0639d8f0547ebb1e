import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseByteRange } from './byte-range.ts';

describe('parseByteRange', () => {
  const cases: [string | null, number, ReturnType<typeof parseByteRange>][] = [
    [null, 100, null],
    ['bytes=0-9', 100, { start: 0, end: 9 }],
    ['bytes=90-', 100, { start: 90, end: 99 }],
    ['bytes=90-500', 100, { start: 90, end: 99 }],
    ['bytes=-10', 100, { start: 90, end: 99 }],
    ['bytes=-500', 100, { start: 0, end: 99 }],
    ['bytes=99-99', 100, { start: 99, end: 99 }],
    ['bytes=100-', 100, 'unsatisfiable'],
    ['bytes=200-300', 100, 'unsatisfiable'],
    ['bytes=-0', 100, 'unsatisfiable'],
    ['bytes=0-', 0, 'unsatisfiable'],
    ['bytes=5-1', 100, null],
    ['bytes=0-1,5-6', 100, null],
    ['items=0-1', 100, null],
    ['bytes=-', 100, null],
    ['bytes=abc', 100, null],
  ];
  for (const [header, size, expected] of cases) {
    test(`${header} of ${size} bytes`, () => assert.deepEqual(parseByteRange(header, size), expected));
  }
});
