import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AppError } from '@tiksavr/core';
import { parseContentRange } from './content-range.ts';
import { mediaStatusError } from './media-status-error.ts';
import { createProgressReporter } from './progress-reporter.ts';
import { searchTextOf } from './record-item.ts';
import { delayBeforeDeadline, retryDelaySeconds } from './retry-delay.ts';
import { toAppError } from './to-app-error.ts';

describe('retryDelaySeconds', () => {
  const policy = { baseSeconds: 10, maxSeconds: 100 };
  test('doubles per attempt with jitter between half and all of the step, capped', () => {
    assert.equal(
      retryDelaySeconds(1, policy, () => 0),
      5,
    );
    assert.equal(
      retryDelaySeconds(1, policy, () => 1),
      10,
    );
    assert.equal(
      retryDelaySeconds(3, policy, () => 1),
      40,
    );
    assert.equal(
      retryDelaySeconds(9, policy, () => 1),
      100,
    );
    const jittered = retryDelaySeconds(2, policy, () => 0.5);
    assert.ok(jittered > 10 && jittered < 20);
  });
});

describe('delayBeforeDeadline', () => {
  const now = new Date('2026-01-01T00:00:00Z');
  const inSeconds = (seconds: number) => new Date(now.getTime() + seconds * 1000);
  test('a story retries a second before its deadline, in its last two seconds halfway there', () => {
    assert.equal(delayBeforeDeadline(30, null, now), 30);
    assert.equal(delayBeforeDeadline(30, inSeconds(600), now), 30);
    assert.equal(delayBeforeDeadline(30, inSeconds(10), now), 9);
    assert.equal(delayBeforeDeadline(30, inSeconds(1.5), now), 0.75);
    assert.equal(delayBeforeDeadline(0.2, inSeconds(1.5), now), 0.2);
    assert.equal(delayBeforeDeadline(30, inSeconds(-5), now), 0);
  });
});

describe('parseContentRange', () => {
  test('reads a satisfiable range and refuses nonsense', () => {
    assert.deepEqual(parseContentRange('bytes 100-199/1000'), { start: 100, end: 199, total: 1000 });
    assert.deepEqual(parseContentRange('bytes 0-9/*'), { start: 0, end: 9, total: null });
    assert.equal(parseContentRange('bytes 10-5/100'), null);
    assert.equal(parseContentRange('bytes 0-100/100'), null);
    assert.equal(parseContentRange('items 0-1/2'), null);
    assert.equal(parseContentRange(null), null);
  });
});

describe('media errors', () => {
  test('map CDN statuses to codes that say whether to retry', () => {
    assert.equal(mediaStatusError(429, 'https://v16.tiktokcdn.com/x').code, 'rate_limited');
    assert.equal(mediaStatusError(403, 'x').code, 'media_forbidden');
    assert.equal(mediaStatusError(404, 'x').code, 'media_expired');
    assert.equal(mediaStatusError(503, 'x').code, 'upstream_error');
  });
  test('toAppError keeps AppErrors, calls socket failures network and the rest internal', () => {
    const own = new AppError('deleted');
    assert.equal(toAppError(own), own);
    assert.equal(toAppError(new TypeError('fetch failed')).code, 'network');
    assert.equal(toAppError(new DOMException('slow', 'TimeoutError')).code, 'network');
    assert.equal(toAppError(Object.assign(new Error('x'), { code: 'ECONNRESET' })).code, 'network');
    assert.equal(toAppError(new RangeError('bug')).code, 'internal');
    assert.equal(toAppError('weird').code, 'internal');
  });
});

describe('searchTextOf', () => {
  test('joins the non-empty parts in lower case', () => {
    assert.equal(
      searchTextOf(['Hello #Cats', null, 'Alice', '', 'https://X']),
      'hello #cats alice https://x',
    );
  });
});

describe('createProgressReporter', () => {
  test('writes at most once per interval, one at a time, and reports a lost download once', async () => {
    let now = 0;
    const writes: number[] = [];
    let lost = 0;
    let held = true;
    const reporter = createProgressReporter({
      intervalMs: 1000,
      clock: () => now,
      write: async (done) => {
        writes.push(done);
        return held;
      },
      onLost: () => lost++,
      onError: () => assert.fail('no error expected'),
    });
    reporter.report(10, 100);
    now = 999;
    reporter.report(20, 100);
    now = 1000;
    reporter.report(30, 100);
    await reporter.settle();
    assert.deepEqual(writes, [30]);
    held = false;
    now = 2000;
    reporter.report(40, 100);
    await reporter.settle();
    now = 3000;
    reporter.report(50, 100);
    await reporter.settle();
    assert.deepEqual(writes, [30, 40]);
    assert.equal(lost, 1);
  });
});
