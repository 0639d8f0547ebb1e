import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createLogger } from '../logger.ts';
import { cachedRate } from './cached-rate.ts';

describe('cachedRate', () => {
  test('asks again only after the cache time, and keeps the last good rate when an answer is bad', async () => {
    const answers: (number | Error)[] = [30, 45, Number.NaN, new Error('database down'), -5];
    let asked = 0;
    const rate = cachedRate(
      () => {
        const answer = answers[asked++]!;
        if (answer instanceof Error) throw answer;
        return answer;
      },
      0,
      createLogger('silent'),
    );
    assert.deepEqual(
      [await rate(), await rate(), await rate(), await rate(), await rate()],
      [30, 45, 45, 45, 45],
    );
    const cached = cachedRate(() => ++asked, 60_000, createLogger('silent'));
    const first = await cached();
    assert.equal(await cached(), first);
  });

  test('starts from the default 20/min when the first answer is unusable', async () => {
    const rate = cachedRate(() => 0, 0, createLogger('silent'));
    assert.equal(await rate(), 20);
  });
});
