import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { decideRange } from './http-range.ts';

describe('decideRange', () => {
  const size = 1000;
  const cases: Array<[string | undefined, ReturnType<typeof decideRange>]> = [
    [undefined, { kind: 'full' }],
    ['bytes=0-99', { kind: 'partial', start: 0, end: 99 }],
    ['bytes=500-', { kind: 'partial', start: 500, end: 999 }],
    ['bytes=900-5000', { kind: 'partial', start: 900, end: 999 }],
    ['bytes=-100', { kind: 'partial', start: 900, end: 999 }],
    ['bytes=-5000', { kind: 'partial', start: 0, end: 999 }],
    ['bytes=1000-', { kind: 'unsatisfiable' }],
    ['bytes=-0', { kind: 'unsatisfiable' }],
    ['bytes=50-10', { kind: 'full' }],
    ['bytes=0-1,5-9', { kind: 'full' }],
    ['items=0-9', { kind: 'full' }],
  ];
  for (const [header, expected] of cases) {
    test(`${header ?? '(none)'} → ${expected.kind}`, () => {
      assert.deepEqual(decideRange(header, size), expected);
    });
  }
});
