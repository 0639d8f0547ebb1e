import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { wakeableSleep } from './wakeable-sleep.ts';

describe('wakeableSleep', () => {
  test('wake ends a sleep early, and a wake while awake makes the next sleep return at once', async () => {
    const nap = wakeableSleep();
    let started = performance.now();
    setTimeout(() => nap.wake(), 20);
    await nap.sleep(5_000);
    assert.ok(performance.now() - started < 1_000);
    nap.wake();
    started = performance.now();
    await nap.sleep(5_000);
    assert.ok(performance.now() - started < 50);
    started = performance.now();
    await nap.sleep(30);
    assert.ok(performance.now() - started >= 25, 'the remembered wake was used once');
  });

  test('forget drops a remembered wake', async () => {
    const nap = wakeableSleep();
    nap.wake();
    nap.forget();
    const started = performance.now();
    await nap.sleep(30);
    assert.ok(performance.now() - started >= 25, 'the forgotten wake did not end the sleep');
  });
});
